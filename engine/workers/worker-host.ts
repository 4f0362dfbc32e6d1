import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { AppError } from '../../shared/errors.ts';
import type { WorkerClient } from '../../shared/worker/client.ts';
import { createWorkerClient } from '../../shared/worker/client.ts';
import type { LogLevel, WorkerApi } from '../../shared/worker/protocol.ts';

export type WorkerName = 'db' | 'index' | 'import' | 'language' | 'tag' | 'ocr';

/**
 * Where worker entries live. From source (npm start, the CLI, tests) each worker is its
 * TypeScript entry run through the tsx bootstrap; a packaged build points at compiled bundles.
 */
export interface WorkerLocation {
  script: URL;
  workerData: Record<string, unknown>;
}

const REPO_ROOT = new URL('../../', import.meta.url);

export function workerLocation(name: WorkerName): WorkerLocation {
  const bundled = process.env['THREADLINE_WORKERS_DIR'];
  if (bundled !== undefined && bundled !== '') {
    return { script: pathToFileURL(`${bundled}/${name}.worker.mjs`), workerData: {} };
  }
  const entry = new URL(`workers/${name}/${name}.worker.ts`, REPO_ROOT);
  if (!existsSync(fileURLToPath(entry))) throw new AppError('E_INTERNAL', `Worker entry missing: ${fileURLToPath(entry)}`, { expected: false });
  return { script: new URL('workers/runtime/tsx-bootstrap.mjs', REPO_ROOT), workerData: { entry: entry.href } };
}

export interface HostedWorker<Api extends WorkerApi<Api>> {
  name: WorkerName;
  client: WorkerClient<Api>;
  worker: Worker;
  /** True once the thread has ended, crashed or stopped; a dead worker never comes back. */
  readonly exited: boolean;
  terminate(): Promise<void>;
}

/**
 * The import worker makes a few short-lived strings and objects for every message of a file of
 * millions. With V8's default young generation (16 MB semi-spaces) it collected ~1.2 s per 1M
 * WhatsApp messages, 9% of the thread; with 64 MB semi-spaces (192 MB, the young generation
 * being three of them) 0.4–0.8 s, and 1M-message imports ran 3–10% faster (interleaved runs,
 * WhatsApp and SMS backup). Peak RSS of those imports was 720–880 MB; `npm run bench -- import`
 * afterwards gave 1,012 MB for the 1M WhatsApp export (its target is 1.5 GB).
 */
const RESOURCE_LIMITS: Partial<Record<WorkerName, ResourceLimits>> = { import: { maxYoungGenerationSizeMb: 192 } };

export function spawnWorker<Api extends WorkerApi<Api>>(name: WorkerName, onLog?: (level: LogLevel, message: string) => void): HostedWorker<Api> {
  const location = workerLocation(name);
  const limits = RESOURCE_LIMITS[name];
  const worker = new Worker(location.script, { workerData: location.workerData, name: `threadline-${name}`, ...(limits === undefined ? {} : { resourceLimits: limits }) });
  const client = createWorkerClient<Api>(worker, { name, ...(onLog === undefined ? {} : { onLog }) });
  let exited = false;
  worker.on('error', (error) => {
    client.failAll(new AppError('E_WORKER_DIED', `The ${name} worker failed: ${error.message}`, { expected: false, cause: error }));
  });
  worker.on('exit', (code) => {
    exited = true;
    client.failAll(new AppError('E_WORKER_DIED', `The ${name} worker exited (code ${code})`, { expected: false }));
  });
  return {
    name,
    client,
    worker,
    get exited() {
      return exited;
    },
    async terminate() {
      if (exited) return;
      client.failAll(new AppError('E_WORKER_DIED', `The ${name} worker was stopped`, { expected: true }));
      await worker.terminate();
    },
  };
}
