import { AppError, deserializeError } from '../errors.ts';
import type { MessageEndpoint, MethodOf, ProgressReport, Transferable, WorkerApi, WorkerToHost, LogLevel } from './protocol.ts';
import { isWorkerToHost } from './protocol.ts';

export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ProgressReport) => void;
  transfer?: readonly Transferable[];
}

export interface WorkerClient<Api extends WorkerApi<Api>> {
  call<M extends MethodOf<Api>>(method: M, params: Api[M]['params'], options?: CallOptions): Promise<Api[M]['result']>;
  /** Rejects every pending call with `error` and refuses new ones (used when the worker dies). */
  failAll(error: AppError): void;
  pendingCount(): number;
  dispose(): void;
}

interface PendingCall {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  onProgress: ((progress: ProgressReport) => void) | undefined;
  cleanup: () => void;
}

export interface ClientOptions {
  name: string;
  onLog?: (level: LogLevel, message: string) => void;
}

export function createWorkerClient<Api extends WorkerApi<Api>>(endpoint: MessageEndpoint, options: ClientOptions): WorkerClient<Api> {
  const pending = new Map<number, PendingCall>();
  let nextSeq = 1;
  let deadError: AppError | null = null;

  function onMessage(raw: unknown): void {
    if (!isWorkerToHost(raw)) return;
    const message: WorkerToHost = raw;
    const call = pending.get(message.seq);
    switch (message.type) {
      case 'progress':
        call?.onProgress?.(message.progress);
        return;
      case 'log':
        options.onLog?.(message.level, message.message);
        return;
      case 'result':
        if (call === undefined) return;
        pending.delete(message.seq);
        call.cleanup();
        if (message.ok) call.resolve(message.value);
        else call.reject(deserializeError(message.error));
        return;
    }
  }
  endpoint.on('message', onMessage);

  return {
    call(method, params, callOptions = {}) {
      if (deadError !== null) return Promise.reject(deadError);
      const { signal } = callOptions;
      if (signal?.aborted === true) return Promise.reject(new AppError('E_CANCELLED', `${options.name}.${method} cancelled`));
      const seq = nextSeq++;
      return new Promise((resolve, reject) => {
        const onAbort = (): void => endpoint.postMessage({ type: 'cancel', seq });
        signal?.addEventListener('abort', onAbort, { once: true });
        pending.set(seq, {
          resolve: resolve as (value: unknown) => void,
          reject,
          onProgress: callOptions.onProgress,
          cleanup: () => signal?.removeEventListener('abort', onAbort),
        });
        endpoint.postMessage({ type: 'call', seq, method, params }, callOptions.transfer ?? []);
      });
    },
    failAll(error) {
      deadError = error;
      for (const call of pending.values()) {
        call.cleanup();
        call.reject(error);
      }
      pending.clear();
    },
    pendingCount: () => pending.size,
    dispose() {
      endpoint.off('message', onMessage);
    },
  };
}
