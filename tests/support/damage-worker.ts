// Runs inside a worker thread started by tests/support/damage-worker-host.ts: imports one damaged
// copy at a time, so an importer stuck in a synchronous loop or eating memory takes down only this
// thread, which the host can terminate on a wall-clock limit, and not the test runner.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceParser } from '../../shared/contracts/parsed-source.ts';
import { AppError } from '../../shared/errors.ts';
import { createCsvParser, validateCsvMapping } from '../../workers/import/csv/index.ts';
import { parserFor, PARSERS } from '../../workers/import/parsers.ts';
import type { RecordWriter } from '../../workers/import/record-writer.ts';
import { importZip } from '../../workers/import/zip/zip-source.ts';
import type { DamageJob, DamageJobResult, DamageWorkerReply, ParserSpec } from './damage-worker-protocol.ts';
import { collectingSink, inputFromBytes, runParser as runTextParser } from './parser-harness.ts';
import { isSqlite } from './sample-damage.ts';
import { runParser as runSqliteParser } from './sqlite-parser-harness.ts';

const { zipFolder } = workerData as { zipFolder: string };

// gc() without --expose-gc on the command line: the flag is set now, and a new context picks it up.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function parserOf(spec: ParserSpec): SourceParser {
  if (spec.kind === 'csv') return createCsvParser(validateCsvMapping(spec.mapping));
  const parser = spec.kind === 'format' ? parserFor(spec.format) : undefined;
  if (parser === undefined) throw new Error(`no parser for ${JSON.stringify(spec)}`);
  return parser;
}

/** importZip reads a path and writes through a RecordWriter: the collecting sink stands in for one. */
async function runZip(bytes: Uint8Array, displayName: string): Promise<void> {
  const path = join(zipFolder, displayName);
  writeFileSync(path, bytes);
  const writer = Object.assign(collectingSink(), { files: null }) as unknown as RecordWriter;
  await importZip(path, writer, PARSERS, {});
}

async function runJob(job: DamageJob): Promise<unknown> {
  if (job.parser.kind === 'zip') return runZip(job.bytes, job.displayName);
  const parser = parserOf(job.parser);
  // SQLite importers read through the SQLite harness (companion and nearby files as the worker offers them).
  if (parser.format.endsWith('-db') || isSqlite(job.bytes)) return runSqliteParser(parser, job.bytes, job.displayName);
  return runTextParser(parser, inputFromBytes(job.bytes, { displayName: job.displayName }));
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = error instanceof AppError ? ` ${error.code}` : '';
  return `${error.name}${code}: ${error.message}\n${error.stack?.split('\n').slice(1, 4).join('\n') ?? ''}`;
}

async function settle(job: DamageJob): Promise<DamageJobResult> {
  try {
    await runJob(job);
    return { ok: true };
  } catch (error) {
    // AppError is checked here: its class does not survive the trip to the host thread.
    if (error instanceof AppError && error.message.includes(job.displayName)) return { ok: true };
    return { ok: false, problem: describeError(error) };
  }
}

function heapInUse(): number {
  const heap = getHeapStatistics();
  return heap.used_heap_size + heap.external_memory;
}

parentPort?.on('message', (job: DamageJob) => {
  let idleHeapBytes: number | undefined;
  if (job.collectGarbageFirst === true) {
    collectGarbage();
    idleHeapBytes = heapInUse();
  }
  void settle(job).then((result) => {
    // Sampled right after the import, before the heap is collected, so it holds the import's garbage too.
    const reply: DamageWorkerReply = { ...result, heapBytes: heapInUse(), ...(idleHeapBytes === undefined ? {} : { idleHeapBytes }) };
    parentPort?.postMessage(reply);
  });
});
