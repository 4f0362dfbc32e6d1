/**
 * `npm run bench -- import [--messages N] [--runs R] [--engine] [--json]`: generates a WhatsApp
 * export and an SMS Backup & Restore backup of N messages (1M by default), times `wc -l` on each
 * as the I/O floor, then parse + store through the engine's import and db workers (indexing
 * excluded, as the issue sets the target), each in a process of its own for its peak RSS, R times
 * (3 by default) with the formats taking turns. The target is checked on the median run and the
 * largest peak RSS: on a shared 2-core VM the same code measured anywhere from ~75k to ~125k
 * messages/s within minutes, so one run says more about the machine's moment than the code. Every
 * run is printed. --engine also times a whole Engine.startImport (index, languages and tags
 * included) for comparison.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSmsBackup, writeWhatsAppExport } from './import-corpus.ts';

const CHILD = fileURLToPath(new URL('./import-child.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
const TARGETS = { messagesPerSecond: 100_000, peakRssMb: 1536 };

interface ChildReport {
  messages: number;
  unparsed: number;
  seconds: { total: number; hash?: number; parseStore?: number; finish?: number };
  databaseBytes?: number;
  /** Parse + store only: seconds the import and db threads were busy during it. */
  busySeconds?: { import: number; db: number };
  /** Whole engine import only: seconds per step of the source (hashing, reading, ..., verifying-hash). */
  stages?: Record<string, number>;
  peakRssMb: number;
}

interface FormatReport {
  format: string;
  fileMb: number;
  lines: number;
  wcSeconds: number;
  /** The median run by messages/s (the lower middle one of an even count). */
  parseStore: ChildReport;
  /** Every run's messages/s, in the order run. */
  runRates: number[];
  /** The largest peak RSS of the runs. */
  peakRssMb: number;
  engine: ChildReport | null;
}

function rateOf(report: ChildReport): number {
  return report.messages / report.seconds.total;
}

/** The median run by rate; with an even count, the slower of the two middle ones. */
export function medianRun(runs: ChildReport[]): ChildReport {
  if (runs.length === 0) throw new Error('no runs to take the median of');
  const sorted = [...runs].sort((a, b) => rateOf(a) - rateOf(b));
  return sorted[Math.floor((sorted.length - 1) / 2)] as ChildReport;
}

function runChild(args: string[]): ChildReport {
  const child = spawnSync(process.execPath, [TSX, CHILD, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`import-child ${args.join(' ')} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as ChildReport;
}

function timeWc(file: string): { seconds: number; lines: number } {
  const started = performance.now();
  const result = spawnSync('wc', ['-l', file], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`wc -l failed: ${result.stderr}`);
  return { seconds, lines: Number.parseInt(result.stdout.trim(), 10) };
}

export async function benchImport(options: { messages: number; runs: number; engine: boolean; json: boolean }): Promise<boolean> {
  const folder = mkdtempSync(join(tmpdir(), 'threadline-import-corpus-'));
  try {
    const inputs = [
      { format: 'whatsapp-txt', file: join(folder, 'WhatsApp Chat with Bench.txt'), write: writeWhatsAppExport },
      { format: 'sms-backup-restore-xml', file: join(folder, 'sms-bench.xml'), write: writeSmsBackup },
    ];
    const floors = new Map<string, { seconds: number; lines: number }>();
    for (const input of inputs) {
      process.stderr.write(`import benchmark: writing a ${options.messages.toLocaleString('en')}-message ${input.format} file...\n`);
      await input.write(input.file, options.messages);
      floors.set(input.format, timeWc(input.file));
    }
    const runs = new Map<string, ChildReport[]>(inputs.map((input) => [input.format, []]));
    for (let run = 1; run <= options.runs; run += 1) {
      for (const input of inputs) {
        process.stderr.write(`  ${input.format}: parse + store, run ${run} of ${options.runs}...\n`);
        const report = runChild(['parse-store', input.file, input.format]);
        process.stderr.write(`    ${Math.round(rateOf(report))} messages/s, peak RSS ${report.peakRssMb} MB\n`);
        runs.get(input.format)?.push(report);
      }
    }
    const reports: FormatReport[] = [];
    for (const input of inputs) {
      let engine: ChildReport | null = null;
      if (options.engine) {
        process.stderr.write(`  ${input.format}: whole engine import...\n`);
        engine = runChild(['engine', input.file]);
      }
      const formatRuns = runs.get(input.format) ?? [];
      const floor = floors.get(input.format) ?? { seconds: 0, lines: 0 };
      reports.push({
        format: input.format,
        fileMb: statSync(input.file).size / 1e6,
        lines: floor.lines,
        wcSeconds: floor.seconds,
        parseStore: medianRun(formatRuns),
        runRates: formatRuns.map((report) => Math.round(rateOf(report))),
        peakRssMb: Math.max(...formatRuns.map((report) => report.peakRssMb)),
        engine,
      });
      rmSync(input.file, { force: true });
    }
    const checks: Record<string, boolean> = {};
    for (const report of reports) {
      checks[`${report.format}: >= 100k messages/s parsed and stored (median of ${options.runs})`] = rateOf(report.parseStore) >= TARGETS.messagesPerSecond;
      checks[`${report.format}: peak RSS < 1.5 GB (largest of ${options.runs})`] = report.peakRssMb < TARGETS.peakRssMb;
      checks[`${report.format}: every message imported`] = report.parseStore.messages + report.parseStore.unparsed >= options.messages;
    }
    if (options.json) process.stdout.write(`${JSON.stringify({ suite: 'import', messages: options.messages, runs: options.runs, reports, checks })}\n`);
    else printReport(options.messages, reports, checks);
    return Object.values(checks).every(Boolean);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function printReport(messages: number, reports: FormatReport[], checks: Record<string, boolean>): void {
  const lines = [`\n== import, ${messages.toLocaleString('en')} messages per file; the median run of each format ==`];
  lines.push('format                    file MB  messages   parse+store s  msg/s     hash s  parse s  finish s  DB MB  peak RSS MB  wc -l s  vs wc -l');
  for (const report of reports) {
    const { parseStore } = report;
    const rate = rateOf(parseStore);
    lines.push(
      [
        report.format.padEnd(24),
        report.fileMb.toFixed(0).padStart(8),
        String(parseStore.messages).padStart(9),
        parseStore.seconds.total.toFixed(2).padStart(15),
        Math.round(rate).toString().padStart(8),
        (parseStore.seconds.hash ?? 0).toFixed(2).padStart(8),
        (parseStore.seconds.parseStore ?? 0).toFixed(2).padStart(8),
        (parseStore.seconds.finish ?? 0).toFixed(2).padStart(9),
        ((parseStore.databaseBytes ?? 0) / 1e6).toFixed(0).padStart(6),
        String(report.peakRssMb).padStart(12),
        report.wcSeconds.toFixed(3).padStart(8),
        `${(parseStore.seconds.total / report.wcSeconds).toFixed(0)}x`.padStart(9),
      ].join(' '),
    );
  }
  for (const report of reports) {
    const rates = report.runRates.map((rate) => rate.toLocaleString('en')).join(' · ');
    lines.push(`  ${report.format}: messages/s of each run, in order: ${rates}`);
  }
  for (const report of reports) {
    const { busySeconds, seconds } = report.parseStore;
    if (busySeconds === undefined || seconds.parseStore === undefined) continue;
    const share = (busy: number): string => `${busy.toFixed(1)} s (${Math.round((busy / (seconds.parseStore ?? 1)) * 100)}%)`;
    lines.push(`  ${report.format}: threads busy during parse ${seconds.parseStore.toFixed(1)} s: import ${share(busySeconds.import)}, db ${share(busySeconds.db)}`);
  }
  const engines = reports.filter((report) => report.engine !== null);
  if (engines.length > 0) {
    lines.push('\nwhole engine import (hash, parse, store, index, languages, indicators, hash again):');
    for (const report of engines) {
      const engine = report.engine as ChildReport;
      lines.push(`  ${report.format.padEnd(24)} ${engine.seconds.total.toFixed(2)} s  ${Math.round(engine.messages / engine.seconds.total)} msg/s  peak RSS ${engine.peakRssMb} MB`);
      const steps = Object.entries(engine.stages ?? {}).map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`);
      if (steps.length > 0) lines.push(`    ${steps.join(' · ')}`);
    }
  }
  lines.push('\ntargets:');
  for (const [name, met] of Object.entries(checks)) lines.push(`  ${met ? 'MET   ' : 'MISSED'}  ${name}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
