import { Worker } from 'node:worker_threads';
import type { DamageJob, DamageJobResult, DamageWorkerReply } from './damage-worker-protocol.ts';

const BOOTSTRAP = new URL('../../workers/runtime/tsx-bootstrap.mjs', import.meta.url);
const ENTRY = new URL('./damage-worker.ts', import.meta.url);

export interface DamageWorkerLimits {
  /** Wall-clock limit per damaged copy; the thread is terminated past it, so a synchronous loop is caught too. */
  jobMs: number;
  /** V8 old-generation cap: a memory blow-up ends the thread with ERR_WORKER_OUT_OF_MEMORY, not the test run. */
  maxOldGenerationSizeMb: number;
}

/**
 * One damage worker thread, reused job after job (starting tsx and every importer costs about a
 * second), and replaced only after a job hung, ran out of memory or crashed the thread.
 */
export class DamageWorkerHost {
  private worker: Worker | null = null;
  /** Largest heap a job left behind since the last takePeakHeap(). */
  private peakHeapBytes = 0;

  constructor(
    private readonly limits: DamageWorkerLimits,
    private readonly zipFolder: string,
  ) {}

  run(job: DamageJob): Promise<DamageJobResult> {
    const worker = this.current();
    return new Promise<DamageJobResult>((resolve) => {
      const finish = (result: DamageJobResult, replaceWorker: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (replaceWorker) this.discard(worker);
        resolve(result);
      };
      const onMessage = (reply: DamageWorkerReply): void => {
        this.peakHeapBytes = Math.max(this.peakHeapBytes, reply.heapBytes);
        finish(reply.ok ? { ok: true } : { ok: false, problem: reply.problem }, false);
      };
      const onError = (error: Error & { code?: string }): void => {
        const problem = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `ran out of memory (heap capped at ${this.limits.maxOldGenerationSizeMb} MB): ${error.message}`
          : `crashed the worker thread: ${error.stack ?? error.message}`;
        finish({ ok: false, problem }, true);
      };
      const onExit = (code: number): void => finish({ ok: false, problem: `the worker thread exited (code ${code})` }, true);
      const timer = setTimeout(() => finish({ ok: false, problem: `still running after ${this.limits.jobMs} ms (a hang; the worker was terminated)` }, true), this.limits.jobMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
    });
  }

  /** The peak heap (V8 heap plus external memory, sampled after each job) since the last call. */
  takePeakHeap(): number {
    const peak = this.peakHeapBytes;
    this.peakHeapBytes = 0;
    return peak;
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.terminate();
  }

  private current(): Worker {
    this.worker ??= new Worker(BOOTSTRAP, {
      workerData: { entry: ENTRY.href, zipFolder: this.zipFolder },
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxOldGenerationSizeMb },
      name: 'threadline-damage',
    });
    return this.worker;
  }

  private discard(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    // A hung thread never answers: terminate() is the only way to stop a synchronous loop.
    void worker.terminate();
  }
}
