import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { IndexDocument, IndexUpdate, IndexWorkerApi, ShardHit, ShardQuery, ShardResult } from '../../shared/contracts/index-worker.ts';
import { AppError } from '../../shared/errors.ts';
import { compareHits } from '../../shared/search/hit-order.ts';
import type { HostedWorker } from '../workers/worker-host.ts';
import { spawnWorker } from '../workers/worker-host.ts';

/**
 * 3: words run through direction marks and other format characters (shared/text/fold.ts), so an
 * index written before splits such words differently; a case's older index is rebuilt on open.
 */
const MANIFEST_FORMAT = 3;

/**
 * Written before the case database gets derived data the index must reflect too (OCR text,
 * markers) and removed once an index generation holding it is committed. Found when the case
 * opens, it means the process stopped in between: those results are stored (and so no longer
 * pending) but the index on disk lacks them, so the index is rebuilt from the database.
 */
const DERIVED_PENDING_FILE = 'derived-writes-pending';

interface IndexManifest {
  format: number;
  shards: number;
  generation: number;
  /** The imported sources this generation covers (reconciled with the database on open). */
  sourceIds: string[];
  documentCount: number;
}

/**
 * The case's search index: one FlexSearch shard per core, each owned by its own worker thread.
 * Documents go to shard rowid % shards; queries fan out to every shard and the hits are merged.
 * Persisted as generations: every shard writes generation g+1 beside g, then the manifest is
 * replaced atomically, so a crash at any point leaves a consistent index.
 */
export class SearchIndex {
  /** Tasks storing derived data the index has not persisted yet (beginDerivedWrites). */
  private derivedWriters = 0;

  private constructor(
    private readonly casePath: string,
    readonly shards: HostedWorker<IndexWorkerApi>[],
    private manifest: IndexManifest,
    readonly loaded: boolean,
  ) {}

  static async open(casePath: string): Promise<SearchIndex> {
    mkdirSync(join(casePath, 'index'), { recursive: true });
    // An index older than derived data already stored in the database is rebuilt, as a missing one is.
    const existing = existsSync(join(casePath, 'index', DERIVED_PENDING_FILE)) ? null : readManifest(casePath);
    const count = existing?.shards ?? Math.max(1, availableParallelism());
    const manifest = existing ?? { format: MANIFEST_FORMAT, shards: count, generation: 0, sourceIds: [], documentCount: 0 };
    const shards = Array.from({ length: count }, () => spawnWorker<IndexWorkerApi>('index'));
    try {
      await Promise.all(shards.map((shard, number) => shard.client.call('open', { casePath, shard: number, generation: existing === null ? null : manifest.generation })));
      return new SearchIndex(casePath, shards, manifest, existing !== null);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'E_INDEX_CORRUPT')) {
        await Promise.all(shards.map((shard) => shard.terminate()));
        throw error;
      }
      // A damaged index is derived data: start empty and let reconciliation rebuild it.
      await Promise.all(shards.map((shard, number) => shard.client.call('open', { casePath, shard: number, generation: null })));
      return new SearchIndex(casePath, shards, { ...manifest, sourceIds: [] }, false);
    }
  }

  get coveredSources(): string[] {
    return this.manifest.sourceIds;
  }

  /**
   * Call before storing derived data in the case database that this index is then told about
   * (update); call the returned function when that writer stops, finished or not, then persist.
   * A process that stops in between leaves the mark, and the next open rebuilds the index from
   * the database instead of trusting one that lacks it. Another task's persist leaves the mark
   * while a writer is still running.
   */
  beginDerivedWrites(): () => void {
    const fd = openSync(join(this.casePath, 'index', DERIVED_PENDING_FILE), 'w', 0o600);
    try {
      writeSync(fd, 'derived data (OCR text, markers) was being stored in the case database; the index on disk may lack it\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.derivedWriters++;
    let ended = false;
    return () => {
      if (!ended) this.derivedWriters--;
      ended = true;
    };
  }

  /** One MessagePort per shard, for a worker (the importer) that adds documents directly. */
  async portsForWorker(): Promise<MessagePort[]> {
    const ports: MessagePort[] = [];
    for (const shard of this.shards) {
      const channel = new MessageChannel();
      await shard.client.call('attachPort', { port: channel.port1 }, { transfer: [channel.port1] });
      ports.push(channel.port2);
    }
    return ports;
  }

  async add(documents: IndexDocument[]): Promise<void> {
    await Promise.all(splitByShard(documents, this.shards.length).map((part, shard) => (part.length === 0 ? null : this.shards[shard]?.client.call('add', { documents: part }))));
  }

  async update(updates: IndexUpdate[]): Promise<void> {
    await Promise.all(splitByShard(updates, this.shards.length).map((part, shard) => (part.length === 0 ? null : this.shards[shard]?.client.call('update', { updates: part }))));
  }

  async dropSources(sourceIds: string[]): Promise<void> {
    await Promise.all(this.shards.map((shard) => shard.client.call('dropSources', { sourceIds })));
  }

  async clear(): Promise<void> {
    await Promise.all(this.shards.map((shard) => shard.client.call('clear', {})));
  }

  async query(request: ShardQuery): Promise<ShardResult> {
    const results = await Promise.all(this.shards.map((shard) => shard.client.call('query', request)));
    return mergeResults(results, request);
  }

  async persist(sourceIds: string[]): Promise<{ generation: number; bytes: number }> {
    const generation = this.manifest.generation + 1;
    const written = await Promise.all(this.shards.map((shard) => shard.client.call('persist', { generation })));
    const manifest: IndexManifest = {
      format: MANIFEST_FORMAT,
      shards: this.shards.length,
      generation,
      sourceIds,
      documentCount: written.reduce((sum, shard) => sum + shard.documentCount, 0),
    };
    // The first shard's worker writes the manifest (atomically) once every shard has written.
    await this.shards[0]?.client.call('commitManifest', { manifest: JSON.stringify(manifest, null, 2) });
    this.manifest = manifest;
    // The committed generation holds everything told to the index so far, unless a writer is still at work.
    if (this.derivedWriters === 0) rmSync(join(this.casePath, 'index', DERIVED_PENDING_FILE), { force: true });
    await Promise.all(this.shards.map((shard) => shard.client.call('prune', { keep: generation })));
    return { generation, bytes: written.reduce((sum, shard) => sum + shard.bytes, 0) };
  }

  async stats(): Promise<{ documentCount: number; rss: number; heapUsed: number }[]> {
    return Promise.all(this.shards.map((shard) => shard.client.call('stats', {})));
  }

  async close(): Promise<void> {
    await Promise.all(this.shards.map((shard) => shard.terminate()));
  }
}

function readManifest(casePath: string): IndexManifest | null {
  const file = join(casePath, 'index', 'manifest.json');
  if (!existsSync(file)) return null;
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as IndexManifest;
    return manifest.format === MANIFEST_FORMAT && manifest.shards > 0 ? manifest : null;
  } catch {
    return null;
  }
}

export function splitByShard<T extends { rowid: number }>(items: T[], shards: number): T[][] {
  const parts: T[][] = Array.from({ length: shards }, () => []);
  for (const item of items) parts[item.rowid % shards]?.push(item);
  return parts;
}

function mergeResults(results: ShardResult[], request: ShardQuery): ShardResult {
  const better = compareHits(request.sort);
  const hits: ShardHit[] = results.flatMap((result) => result.hits).sort(better).slice(0, request.limit);
  const langFacets: Record<string, number> = {};
  for (const result of results) for (const [lang, count] of Object.entries(result.langFacets)) langFacets[lang] = (langFacets[lang] ?? 0) + count;
  return { total: results.reduce((sum, result) => sum + result.total, 0), hits, langFacets };
}
