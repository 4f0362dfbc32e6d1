import { AppError, serializeError } from '../errors.ts';
import type { HostToWorker, LogLevel, MessageEndpoint, ProgressReport, Transferable, WorkerApi } from './protocol.ts';
import { isHostToWorker } from './protocol.ts';

/** What a handler gets besides its params: cancellation, progress and logging for its call. */
export interface CallContext {
  signal: AbortSignal;
  progress(progress: ProgressReport): void;
  log(level: LogLevel, message: string): void;
  /** Throws AppError(E_CANCELLED) when the call was cancelled; call it between chunks. */
  throwIfCancelled(): void;
}

/** A handler may return a value with a transfer list to move ArrayBuffers instead of copying. */
export class Transfer<T> {
  constructor(readonly value: T, readonly transfer: readonly Transferable[]) {}
}

export type Handlers<Api extends WorkerApi<Api>> = {
  [M in keyof Api]: (params: Api[M]['params'], context: CallContext) => Promise<Api[M]['result'] | Transfer<Api[M]['result']>>;
};

const PROGRESS_INTERVAL_MS = 100;

/** Serves `handlers` on `endpoint` (a worker's parentPort, or a MessagePort from another worker). */
export function serve<Api extends WorkerApi<Api>>(endpoint: MessageEndpoint, handlers: Handlers<Api>): void {
  const running = new Map<number, AbortController>();

  async function runCall(message: Extract<HostToWorker, { type: 'call' }>): Promise<void> {
    const controller = new AbortController();
    running.set(message.seq, controller);
    let lastProgressAt = 0;
    const context: CallContext = {
      signal: controller.signal,
      progress(progress) {
        // Throttled so a tight parsing loop cannot flood the host with messages.
        const now = Date.now();
        if (now - lastProgressAt < PROGRESS_INTERVAL_MS && progress.done !== progress.total) return;
        lastProgressAt = now;
        endpoint.postMessage({ type: 'progress', seq: message.seq, progress });
      },
      log(level, text) {
        endpoint.postMessage({ type: 'log', seq: message.seq, level, message: text });
      },
      throwIfCancelled() {
        if (controller.signal.aborted) throw new AppError('E_CANCELLED', `${message.method} cancelled`);
      },
    };
    try {
      const handler = (handlers as Record<string, ((params: unknown, context: CallContext) => Promise<unknown>) | undefined>)[message.method];
      if (handler === undefined) throw new AppError('E_INVALID_REQUEST', `Unknown worker method: ${message.method}`, { expected: false });
      const outcome = await handler(message.params, context);
      if (outcome instanceof Transfer) {
        endpoint.postMessage({ type: 'result', seq: message.seq, ok: true, value: outcome.value }, outcome.transfer);
      } else {
        endpoint.postMessage({ type: 'result', seq: message.seq, ok: true, value: outcome });
      }
    } catch (error) {
      endpoint.postMessage({ type: 'result', seq: message.seq, ok: false, error: serializeError(error) });
    } finally {
      running.delete(message.seq);
    }
  }

  endpoint.on('message', (raw: unknown) => {
    if (!isHostToWorker(raw)) return;
    switch (raw.type) {
      case 'call':
        void runCall(raw);
        return;
      case 'cancel':
        running.get(raw.seq)?.abort();
        return;
      case 'init':
        endpoint.postMessage({ type: 'result', seq: raw.seq, ok: true, value: null });
        return;
    }
  });
}
