import { availableParallelism } from 'node:os';
import type { CallOptions } from '../../shared/worker/client.ts';
import type { MethodOf, WorkerApi } from '../../shared/worker/protocol.ts';
import type { HostedWorker, WorkerName } from './worker-host.ts';
import { spawnWorker } from './worker-host.ts';

/**
 * A pool of identical workers for parallel, stateless work (language detection, tagging, OCR).
 * Each call goes to the worker with the fewest calls in flight. A worker that died (a crash,
 * an out-of-memory kill) is replaced before the next call: the calls it held fail with
 * E_WORKER_DIED, the work after them goes on at full strength.
 */
export class WorkerPool<Api extends WorkerApi<Api>> {
  private readonly workers: HostedWorker<Api>[];
  private closed = false;

  constructor(
    private readonly name: WorkerName,
    size = Math.max(1, availableParallelism()),
  ) {
    this.workers = Array.from({ length: size }, () => spawnWorker<Api>(name));
  }

  get size(): number {
    return this.workers.length;
  }

  call<M extends MethodOf<Api>>(method: M, params: Api[M]['params'], options?: CallOptions): Promise<Api[M]['result']> {
    if (!this.closed) this.workers.forEach((worker, index) => {
      if (worker.exited) this.workers[index] = spawnWorker<Api>(this.name);
    });
    const idlest = this.workers.reduce((best, worker) => (worker.client.pendingCount() < best.client.pendingCount() ? worker : best));
    return idlest.client.call(method, params, options);
  }

  async terminate(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
