import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { IndexWorkerApi } from '../../shared/contracts/index-worker.ts';
import { AppError, BugError } from '../../shared/errors.ts';
import type { Handlers } from '../../shared/worker/serve.ts';
import { serve } from '../../shared/worker/serve.ts';
import { INDEX_FOLDER, MessageIndex } from './message-index.ts';

let index: MessageIndex | null = null;

function current(): MessageIndex {
  if (index === null) throw new AppError('E_CASE_NOT_FOUND', 'No case index is open', { expected: false });
  return index;
}

const handlers: Handlers<IndexWorkerApi> = {
  async open({ casePath }) {
    const folder = join(casePath, INDEX_FOLDER);
    mkdirSync(folder, { recursive: true });
    index = new MessageIndex(folder);
    return index.load();
  },
  async attachPort({ port }) {
    serve<IndexWorkerApi>(port as MessagePort, handlers);
    return null;
  },
  async add({ documents }) {
    current().add(documents);
    return null;
  },
  async clear() {
    current().clear();
    return null;
  },
  async candidates({ terms, limit }) {
    return { rowids: current().candidates(terms, limit) };
  },
  async persist({ sourceIds }) {
    return current().persist(sourceIds);
  },
};

if (parentPort === null) throw new BugError('index.worker must run in a worker thread');
serve<IndexWorkerApi>(parentPort, handlers);
