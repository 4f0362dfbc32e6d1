import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectFormat } from '../../workers/import/detect-format.ts';
import { ZIP_FORMAT } from '../../workers/import/zip/zip-source.ts';
import { DamageWorkerHost } from '../support/damage-worker-host.ts';
import type { ParserSpec, SampleHeap } from '../support/damage-worker-protocol.ts';
import { damagedVariants, seedFor } from '../support/sample-damage.ts';
import { SAMPLES, tempFolder } from '../support/temp-case.ts';
import { FAMILIES, familySamples } from '../support/update-golden.ts';
import type { GoldenFamily } from '../support/update-golden.ts';

/**
 * The real samples of the golden suite, damaged the way seized files are (cut short, bit rot,
 * invalid UTF-8, a chunk written twice, SQLite pages lost or scrambled), each run through the
 * importer the golden suite's detection picks for the intact file (plus the UFDR, Signal and e-mail
 * samples their own integration suites import). Each copy runs in a worker thread with a
 * wall-clock limit and a heap cap, so a synchronous endless loop or a memory blow-up fails the
 * test naming the variant instead of blocking or killing the run. House rule: a damaged file
 * is imported (with unparsed records and warnings) or refused with an AppError naming the file,
 * never a crash or a hang. The seed is fixed, so every run damages the same bytes; a failure
 * names the sample, the damage with its offsets and the seed.
 */

const BASE_SEED = 0x7e4d_11e5;
/** A variant that takes longer hangs; the real samples parse in well under a second intact. */
const VARIANT_LIMIT_MS = 10_000;
/** The largest sample (1.4 MB) peaks near 100 MB of heap: a damaged copy needing ten times that is a blow-up. */
const HEAP_CAP_MB = 1024;
/**
 * Hangs in one sample after which its other variants are skipped: each costs VARIANT_LIMIT_MS, and
 * the test must report them before its own timeout cuts it off mid-loop.
 */
const MAX_HANGS_PER_SAMPLE = 3;
/** Sample folders outside the golden families, each imported by its own integration suite. */
const OTHER_SAMPLE_FOLDERS = ['ufdr', 'signal', 'email'];

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
  // sqlite/rows.ts scanRows: a damaged b-tree page led back to pages already read, so the scan
  // yielded the same rows over and over (a hang; sqlite-flip-page-header, invalid-utf8, duplicate-chunk).
  'ios-sms-db/magnet-ctf-2020/sms.db': [27],
  'whatsapp-db/iped/test_whatsAppMsgStore.db': [18, 30],
};

interface DamageTarget {
  sample: string;
  parser: ParserSpec;
}

/** The parser the engine would pick for the intact sample; null for the files that are no exports. */
async function parserOfSample(family: GoldenFamily, sample: string): Promise<ParserSpec | null> {
  const csvMapping = family.options?.csvMapping;
  const detection = await detectFormat(join(SAMPLES, sample), csvMapping);
  if (detection.format === null) return null;
  // A zip goes through importZip (as the import worker reads one), the rest through their own parser.
  if (detection.format === ZIP_FORMAT) return { kind: 'zip' };
  if (detection.format === 'csv') return { kind: 'csv', mapping: csvMapping ?? {} };
  return { kind: 'format', format: detection.format };
}

async function damageTargets(): Promise<DamageTarget[]> {
  if (!existsSync(SAMPLES)) return [];
  const families: GoldenFamily[] = [...FAMILIES, ...OTHER_SAMPLE_FOLDERS.map((name) => ({ name }))];
  const targets: DamageTarget[] = [];
  for (const family of families) {
    if (!existsSync(join(SAMPLES, family.name))) continue;
    for (const sample of await familySamples(family)) {
      const parser = await parserOfSample(family, sample);
      if (parser !== null) targets.push({ sample, parser });
    }
  }
  return targets;
}

const zipFolder = tempFolder('threadline-damaged-zip-');
const host = new DamageWorkerHost({ jobMs: VARIANT_LIMIT_MS, maxOldGenerationSizeMb: HEAP_CAP_MB }, zipFolder);
/** Worker heap per sample, printed at the end so a creeping importer shows before it hits the cap. */
const sampleHeaps = new Map<string, SampleHeap>();
const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);
afterAll(async () => {
  await host.dispose();
  rmSync(zipFolder, { recursive: true, force: true });
  const growth = ({ idleBytes, peakBytes }: SampleHeap): number => peakBytes - idleBytes;
  const largest = [...sampleHeaps].sort((a, b) => growth(b[1]) - growth(a[1])).slice(0, 5);
  console.info(`damaged samples, worker heap growth (peak - at rest): ${largest.map(([sample, heap]) => `${sample} +${mb(growth(heap))} MB (${mb(heap.peakBytes)} MB)`).join(', ')}`);
});

const targets = await damageTargets();

describe.skipIf(targets.length === 0)('real samples, damaged', () => {
  it('finds the samples the golden suite imports', () => {
    expect(targets.length).toBeGreaterThan(50);
  });

  it.each(targets.map((target) => [target.sample, target] as const))('%s: every damaged variant imports or is refused naming the file', async (sample, target) => {
    const original = new Uint8Array(readFileSync(join(SAMPLES, sample)));
    const failures: string[] = [];
    const stillKnown: string[] = [];
    const formatName = target.parser.kind === 'format' ? target.parser.format : target.parser.kind;
    const rounds = [...Array.from({ length: ROUNDS }, (_unused, round) => round), ...(REGRESSION_ROUNDS[sample] ?? []).filter((round) => round >= ROUNDS)];
    let hangs = 0;
    everyRound: for (const round of rounds) {
      const seed = seedFor(BASE_SEED + round, sample);
      for (const variant of damagedVariants(original, seed)) {
        if (hangs >= MAX_HANGS_PER_SAMPLE) {
          failures.push(`${sample}: ${hangs} variants hung; the rest (from round ${round}) were skipped`);
          break everyRound;
        }
        const result = await host.run({ parser: target.parser, bytes: variant.bytes, displayName: basename(sample) });
        if (result.hung === true) hangs += 1;
        const known = KNOWN_FAILURES[`${sample} ${variant.kind}`];
        if (known !== undefined) {
          if (result.ok) stillKnown.push(`seed 0x${seed.toString(16)} ${variant.kind} no longer fails: remove it from KNOWN_FAILURES`);
          continue;
        }
        if (!result.ok) failures.push(`${sample} [${formatName}] round ${round} seed 0x${seed.toString(16)} ${variant.description}\n  ${result.problem}`);
      }
    }
    sampleHeaps.set(sample, host.takeSampleHeap());
    expect(failures, failures.join('\n')).toEqual([]);
    expect(stillKnown).toEqual([]);
    // The largest samples (a 1.4 MB Telegram export, a 300 KB sms.db) take about 2 s a round: a longer hunt needs longer.
  }, Math.max(60_000, ROUNDS * 5_000));
});
