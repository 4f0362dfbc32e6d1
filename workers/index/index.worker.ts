import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { IndexWorkerApi } from '../../shared/contracts/index-worker.ts';
import { AppError, BugError } from '../../shared/errors.ts';
import type { Handlers } from '../../shared/worker/serve.ts';
import { serve } from '../../shared/worker/serve.ts';
import { writeFileAtomic } from '../runtime/atomic-write.ts';
import { ShardIndex } from './shard-index.ts';
import { generationFolder, loadShard, removeOtherGenerations, saveShard } from './shard-persistence.ts';

let shard: ShardIndex | null = null;
let location: { casePath: string; shard: number } | null = null;

function current(): ShardIndex {
  if (shard === null) throw new AppError('E_CASE_NOT_FOUND', 'No index shard is open', { expected: false });
  return shard;
}

const handlers: Handlers<IndexWorkerApi> = {
  async open({ casePath, shard: number, generation }) {
    location = { casePath, shard: number };
    if (generation === null) {
      shard = new ShardIndex();
      return { documentCount: 0, loaded: false };
    }
    shard = loadShard(generationFolder(casePath, number, generation));
    return { documentCount: shard.size, loaded: true };
  },
  async attachPort({ port }) {
    serve<IndexWorkerApi>(port as MessagePort, handlers);
    return null;
  },
  async add({ documents }) {
    current().add(documents);
    return null;
  },
  async update({ updates }) {
    current().update(updates);
    return null;
  },
  async dropSources({ sourceIds }) {
    current().dropSources(sourceIds);
    return null;
  },
  async clear() {
    shard = new ShardIndex();
    return null;
  },
  async query(request) {
    return current().query(request);
  },
  async persist({ generation }) {
    if (location === null) throw new AppError('E_CASE_NOT_FOUND', 'No index shard is open', { expected: false });
    const folder = generationFolder(location.casePath, location.shard, generation);
    const bytes = await saveShard(current(), folder);
    return { bytes, documentCount: current().size };
  },
  async commitManifest({ manifest }) {
    if (location === null) throw new AppError('E_CASE_NOT_FOUND', 'No index shard is open', { expected: false });
    writeFileAtomic(join(location.casePath, 'index', 'manifest.json'), manifest);
    return null;
  },
  async prune({ keep }) {
    if (location === null) return null;
    const folder = generationFolder(location.casePath, location.shard, keep);
    removeOtherGenerations(dirname(folder), folder);
    return null;
  },
  async stats() {
    const memory = process.memoryUsage();
    return { documentCount: current().size, vocabulary: current().postings.vocabularySize, heapUsed: memory.heapUsed, rss: memory.rss };
  },
};

if (parentPort === null) throw new BugError('index.worker must run in a worker thread');
serve<IndexWorkerApi>(parentPort, handlers);
