import { Worker } from 'node:worker_threads';
import type { DamageJob, DamageJobResult, DamageWorkerReply, SampleHeap } from './damage-worker-protocol.ts';

const BOOTSTRAP = new URL('../../workers/runtime/tsx-bootstrap.mjs', import.meta.url);
const ENTRY = new URL('./damage-worker.ts', import.meta.url);

/** A job's result, with why the thread was replaced when it was. */
export type HostedJobResult = DamageJobResult & { outOfMemory?: boolean; hung?: boolean };

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
  /** Largest heap a job left behind since the last takeSampleHeap(), and the heap at rest before it. */
  private peakHeapBytes = 0;
  private idleHeapBytes = 0;
  /** The next job starts a sample: the worker collects garbage first, so the sample's peak is its own. */
  private startOfSample = true;
  /** An error the thread raised between jobs (a timer a finished import left behind), reported by the next run(). */
  private strayError: string | null = null;

  constructor(
    private readonly limits: DamageWorkerLimits,
    private readonly zipFolder: string,
  ) {}

  async run(job: DamageJob): Promise<HostedJobResult> {
    const stray = this.strayError;
    if (stray !== null) {
      this.strayError = null;
      return { ok: false, problem: `the worker thread crashed after the previous variant had answered (a stray async error): ${stray}` };
    }
    const reused = this.worker !== null;
    const result = await this.runOnce(job);
    // Garbage left by earlier jobs counts against the cap too: only a fresh thread's OOM is the job's own.
    if (!result.ok && result.outOfMemory === true && reused) return this.runOnce(job);
    return result;
  }

  private runOnce(job: DamageJob): Promise<HostedJobResult> {
    const worker = this.current();
    const message: DamageJob = { ...job, collectGarbageFirst: this.startOfSample };
    this.startOfSample = false;
    return new Promise<HostedJobResult>((resolve) => {
      const finish = (result: HostedJobResult, replaceWorker: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (replaceWorker) this.discard(worker);
        resolve(result);
      };
      const onMessage = (reply: DamageWorkerReply): void => {
        this.peakHeapBytes = Math.max(this.peakHeapBytes, reply.heapBytes);
        if (reply.idleHeapBytes !== undefined) this.idleHeapBytes = reply.idleHeapBytes;
        finish(reply.ok ? { ok: true } : { ok: false, problem: reply.problem }, false);
      };
      const onError = (error: Error & { code?: string }): void => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          finish({ ok: false, outOfMemory: true, problem: `ran out of memory (heap capped at ${this.limits.maxOldGenerationSizeMb} MB, in a fresh worker thread): ${error.message}` }, true);
        } else {
          finish({ ok: false, problem: `crashed the worker thread: ${error.stack ?? error.message}` }, true);
        }
      };
      const onExit = (code: number): void => finish({ ok: false, problem: `the worker thread exited (code ${code})` }, true);
      const timer = setTimeout(() => finish({ ok: false, hung: true, problem: `still running after ${this.limits.jobMs} ms (a hang; the worker was terminated)` }, true), this.limits.jobMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(message);
    });
  }

  /**
   * The peak heap (V8 heap plus external memory) since the last call, sampled after each job before
   * any collection: a synchronous import cannot be sampled while it runs, so this is the heap its
   * garbage left, a floor of the true peak. The hard limit is the cap, not this figure.
   */
  takeSampleHeap(): SampleHeap {
    const heap = { idleBytes: this.idleHeapBytes, peakBytes: this.peakHeapBytes };
    this.peakHeapBytes = 0;
    this.startOfSample = true;
    return heap;
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.terminate();
  }

  private current(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = new Worker(BOOTSTRAP, {
      workerData: { entry: ENTRY.href, zipFolder: this.zipFolder },
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxOldGenerationSizeMb },
      name: 'threadline-damage',
    });
    // Between jobs no run() listens: without this, an 'error' event would be thrown in the test runner.
    worker.on('error', (error) => {
      if (worker.listenerCount('message') === 0) this.strayError = error.stack ?? error.message;
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
    });
    this.worker = worker;
    return worker;
  }

  private discard(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    // A hung thread never answers: terminate() is the only way to stop a synchronous loop.
    void worker.terminate();
  }
}
