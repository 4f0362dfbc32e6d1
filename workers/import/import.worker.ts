import { parentPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { DbWorkerApi } from '../../shared/contracts/db-worker.ts';
import type { ImportWorkerApi } from '../../shared/contracts/import-worker.ts';
import type { IndexWorkerApi } from '../../shared/contracts/index-worker.ts';
import { AppError, BugError } from '../../shared/errors.ts';
import { createWorkerClient } from '../../shared/worker/client.ts';
import type { Handlers } from '../../shared/worker/serve.ts';
import { serve } from '../../shared/worker/serve.ts';
import { detectFormat } from './detect-format.ts';
import { importSource } from './import-source.ts';
import { extractZipAttachments } from './zip/extract-attachments.ts';
import type { Sinks } from './record-writer.ts';

let sinks: Sinks | null = null;

const handlers: Handlers<ImportWorkerApi> = {
  async connect({ dbPort, indexPorts }) {
    sinks = {
      db: createWorkerClient<DbWorkerApi>(dbPort as MessagePort, { name: 'db' }),
      index: indexPorts.map((port, shard) => createWorkerClient<IndexWorkerApi>(port as MessagePort, { name: `index-${shard}` })),
    };
    return null;
  },
  async detectFormat({ path, csvMapping, importedWith }) {
    return detectFormat(path, csvMapping, importedWith);
  },
  async extractZipAttachments({ zipPath, casePath, items }) {
    return extractZipAttachments(zipPath, casePath, items);
  },
  async importSource(job, context) {
    if (sinks === null) throw new AppError('E_INTERNAL', 'import worker used before connect()', { expected: false });
    return importSource(job, sinks, context);
  },
};

if (parentPort === null) throw new BugError('import.worker must run in a worker thread');
serve<ImportWorkerApi>(parentPort, handlers);
