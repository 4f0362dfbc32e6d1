/**
 * Parse + store, timed through the engine's own workers: the hash of the source, the import
 * worker's parser and RecordWriter, the db worker's inserts and the case database written to
 * disk. The one difference from Engine.startImport is that the import worker is connected to no
 * index shards: the import target excludes indexing (measured by `bench -- search`).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import type { DbWorkerApi } from '../../shared/contracts/db-worker.ts';
import type { ImportWorkerApi } from '../../shared/contracts/import-worker.ts';
import { hashFile } from '../../engine/import/hash-file.ts';
import { newSourceRecord } from '../../engine/import/new-source-record.ts';
import { spawnWorker } from '../../engine/workers/worker-host.ts';

export interface PipelineResult {
  messages: number;
  unparsed: number;
  seconds: { hash: number; parseStore: number; finish: number; total: number };
  /** Size of the case database written to disk at the end. */
  databaseBytes: number;
  /**
   * Seconds each worker's thread was busy (event-loop utilisation) during parse + store: when
   * both come close to the wall time, both cores are saturated and only less work per message,
   * not more overlap, makes the import faster.
   */
  busySeconds: { import: number; db: number };
}

export async function parseAndStore(path: string, format: string): Promise<PipelineResult> {
  const casePath = mkdtempSync(join(tmpdir(), 'threadline-import-bench-'));
  const db = spawnWorker<DbWorkerApi>('db');
  const importer = spawnWorker<ImportWorkerApi>('import');
  try {
    await db.client.call('open', { casePath, create: true, settings: { timeZone: 'UTC', ocrLanguages: ['eng'] } });
    const channel = new MessageChannel();
    await db.client.call('attachPort', { port: channel.port1 }, { transfer: [channel.port1] });
    await importer.client.call('connect', { dbPort: channel.port2, indexPorts: [] }, { transfer: [channel.port2] });
    const started = performance.now();
    const digests = await hashFile(path, new AbortController().signal);
    const hashed = performance.now();
    const source = newSourceRecord(path, format, digests, 'UTC', 'flag');
    await db.client.call('beginSource', { source });
    const importIdle = importer.worker.performance.eventLoopUtilization();
    const dbIdle = db.worker.performance.eventLoopUtilization();
    const outcome = await importer.client.call('importSource', { source, path, casePath, format });
    const parsed = performance.now();
    const busySeconds = {
      import: importer.worker.performance.eventLoopUtilization(importIdle).active / 1000,
      db: db.worker.performance.eventLoopUtilization(dbIdle).active / 1000,
    };
    const finished = await db.client.call('finishSource', {
      sourceId: source.id,
      status: 'imported',
      sha256After: digests.sha256,
      hashVerified: true,
      parser: { name: outcome.parser, version: outcome.parserVersion, formatVersion: outcome.formatVersion },
      details: { ...source.details, ...outcome.details },
      chats: outcome.chats,
    });
    const done = performance.now();
    const summary = await db.client.call('caseSummary', {});
    if (summary.messageCount + summary.unparsedCount < finished.messageCount) throw new Error('the case holds fewer messages than were imported');
    return {
      messages: outcome.messages,
      unparsed: outcome.unparsed,
      seconds: { hash: (hashed - started) / 1000, parseStore: (parsed - hashed) / 1000, finish: (done - parsed) / 1000, total: (done - started) / 1000 },
      databaseBytes: statSync(join(casePath, 'case.sqlite')).size,
      busySeconds,
    };
  } finally {
    await Promise.all([importer.terminate(), db.terminate()]);
    rmSync(casePath, { recursive: true, force: true });
  }
}
