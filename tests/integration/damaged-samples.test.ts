import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceParser } from '../../shared/contracts/parsed-source.ts';
import { AppError } from '../../shared/errors.ts';
import { createCsvParser, validateCsvMapping } from '../../workers/import/csv/index.ts';
import { detectFormat } from '../../workers/import/detect-format.ts';
import { parserFor, PARSERS } from '../../workers/import/parsers.ts';
import type { RecordWriter } from '../../workers/import/record-writer.ts';
import { importZip, ZIP_FORMAT } from '../../workers/import/zip/zip-source.ts';
import { collectingSink, inputFromBytes, runParser as runTextParser } from '../support/parser-harness.ts';
import { damagedVariants, isSqlite, seedFor } from '../support/sample-damage.ts';
import type { DamagedVariant } from '../support/sample-damage.ts';
import { runParser as runSqliteParser } from '../support/sqlite-parser-harness.ts';
import { SAMPLES, tempFolder } from '../support/temp-case.ts';
import { FAMILIES, familySamples } from '../support/update-golden.ts';
import type { GoldenFamily } from '../support/update-golden.ts';

/**
 * The real samples of the golden suite, damaged the way seized files are (cut short, bit rot,
 * invalid UTF-8, a chunk written twice, SQLite pages lost or scrambled), each run through the
 * importer the golden suite's detection picks for the intact file. House rule: a damaged file
 * is imported (with unparsed records and warnings) or refused with an AppError naming the file,
 * never a crash or a hang. The seed is fixed, so every run damages the same bytes; a failure
 * names the sample, the damage with its offsets and the seed.
 */

const BASE_SEED = 0x7e4d_11e5;
/** A variant that takes longer hangs; the real samples parse in well under a second intact. */
const VARIANT_LIMIT_MS = 10_000;

/**
 * Variants that still crash, each with why the fix was left out. Keyed "<sample> <kind>".
 * Empty is the goal: an entry here is a known bug, not an accepted behaviour.
 */
const KNOWN_FAILURES: Readonly<Record<string, string>> = {};

/**
 * Rounds of the whole damage set per sample, each with fresh offsets; sized to keep the file
 * near 20 s on 2 cores. DAMAGE_ROUNDS raises it for a longer hunt; the seeds stay the same.
 */
const ROUNDS = Number(process.env['DAMAGE_ROUNDS'] ?? 6);

/**
 * Rounds beyond ROUNDS that a longer hunt (DAMAGE_ROUNDS=80) found a crash in, run every time so
 * the fix stays proven on the real sample: "<sample>" -> rounds.
 */
const REGRESSION_ROUNDS: Readonly<Record<string, readonly number[]>> = {
  // meta-message.ts readTime: String() on an object timestamp_ms threw a TypeError (duplicate-chunk).
  'instagram-json/chat-miner/test_export.json': [11],
};

/** A zip goes through importZip (as the import worker reads one), the rest through their own parser. */
interface DamageTarget {
  sample: string;
  parser: SourceParser | typeof ZIP_FORMAT;
}

/** The parser the engine would pick for the intact sample; null for the files that are no exports. */
async function parserOfSample(family: GoldenFamily, sample: string): Promise<DamageTarget['parser'] | null> {
  const csvMapping = family.options?.csvMapping;
  const detection = await detectFormat(join(SAMPLES, sample), csvMapping);
  if (detection.format === null) return null;
  if (detection.format === ZIP_FORMAT) return ZIP_FORMAT;
  if (detection.format === 'csv') return createCsvParser(validateCsvMapping(csvMapping ?? {}));
  return parserFor(detection.format) ?? null;
}

async function damageTargets(): Promise<DamageTarget[]> {
  if (!existsSync(SAMPLES)) return [];
  const targets: DamageTarget[] = [];
  for (const family of FAMILIES) {
    if (!existsSync(join(SAMPLES, family.name))) continue;
    for (const sample of familySamples(family)) {
      const parser = await parserOfSample(family, sample);
      if (parser !== null) targets.push({ sample, parser });
    }
  }
  return targets;
}

type VariantResult = { ok: true } | { ok: false; problem: string };

function withinLimit<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`still running after ${VARIANT_LIMIT_MS} ms (a hang)`)), VARIANT_LIMIT_MS);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

const zipFolder = tempFolder('threadline-damaged-zip-');
afterAll(() => rmSync(zipFolder, { recursive: true, force: true }));

/** importZip reads a path and writes through a RecordWriter: the collecting sink stands in for one. */
async function runZip(bytes: Uint8Array, displayName: string): Promise<void> {
  const path = join(zipFolder, displayName);
  writeFileSync(path, bytes);
  const writer = Object.assign(collectingSink(), { files: null }) as unknown as RecordWriter;
  await importZip(path, writer, PARSERS, {});
}

function runTarget(target: DamageTarget, bytes: Uint8Array, displayName: string): Promise<unknown> {
  const { parser } = target;
  if (parser === ZIP_FORMAT) return runZip(bytes, displayName);
  // SQLite importers read through the SQLite harness (companion and nearby files as the worker offers them).
  if (parser.format.endsWith('-db') || isSqlite(bytes)) return runSqliteParser(parser, bytes, displayName);
  return runTextParser(parser, inputFromBytes(bytes, { displayName }));
}

async function runVariant(target: DamageTarget, variant: DamagedVariant): Promise<VariantResult> {
  const displayName = basename(target.sample);
  try {
    await withinLimit(runTarget(target, variant.bytes, displayName));
    return { ok: true };
  } catch (error) {
    if (error instanceof AppError && error.message.includes(displayName)) return { ok: true };
    const shown = error instanceof Error ? `${error.name}${error instanceof AppError ? ` ${error.code}` : ''}: ${error.message}\n${error.stack?.split('\n').slice(1, 4).join('\n') ?? ''}` : String(error);
    return { ok: false, problem: shown };
  }
}

const targets = await damageTargets();

describe.skipIf(targets.length === 0)('real samples, damaged', () => {
  it('finds the samples the golden suite imports', () => {
    expect(targets.length).toBeGreaterThan(50);
  });

  it.each(targets.map((target) => [target.sample, target] as const))('%s: every damaged variant imports or is refused naming the file', async (sample, target) => {
    const original = new Uint8Array(readFileSync(join(SAMPLES, sample)));
    const failures: string[] = [];
    const stillKnown: string[] = [];
    const formatName = target.parser === ZIP_FORMAT ? ZIP_FORMAT : target.parser.format;
    const rounds = [...Array.from({ length: ROUNDS }, (_unused, round) => round), ...(REGRESSION_ROUNDS[sample] ?? []).filter((round) => round >= ROUNDS)];
    for (const round of rounds) {
      const seed = seedFor(BASE_SEED + round, sample);
      for (const variant of damagedVariants(original, seed)) {
        const result = await runVariant(target, variant);
        const known = KNOWN_FAILURES[`${sample} ${variant.kind}`];
        if (known !== undefined) {
          if (result.ok) stillKnown.push(`seed 0x${seed.toString(16)} ${variant.kind} no longer fails: remove it from KNOWN_FAILURES`);
          continue;
        }
        if (!result.ok) failures.push(`${sample} [${formatName}] seed 0x${seed.toString(16)} ${variant.description}\n  ${result.problem}`);
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(stillKnown).toEqual([]);
    // The largest samples (a 1.4 MB Telegram export, a 300 KB sms.db) take about 2 s a round: a longer hunt needs longer.
  }, Math.max(60_000, ROUNDS * 5_000));
});
