import type { SerializedError } from '../errors.ts';

/**
 * The typed worker protocol. A worker API is a map of method name -> {params, result}; the
 * worker serves handlers for it and the host talks to it through createWorkerClient<Api>().
 * Messages in: init | call | cancel. Messages out: result | progress | log. Every message
 * carries the sequence id of the call it belongs to.
 */
export interface MethodSpec {
  params: unknown;
  result: unknown;
}

/** F-bounded so plain interfaces (without an index signature) qualify as APIs. */
export type WorkerApi<Api> = { [M in keyof Api]: MethodSpec };

export type MethodOf<Api extends WorkerApi<Api>> = Extract<keyof Api, string>;

export interface ProgressReport {
  stage: string;
  done: number;
  total: number | null;
  /** Records handled so far, where the work counts records as well as bytes (an import's messages). */
  items?: number;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type HostToWorker =
  | { type: 'init'; seq: number; options: unknown }
  | { type: 'call'; seq: number; method: string; params: unknown }
  | { type: 'cancel'; seq: number };

export type WorkerToHost =
  | { type: 'result'; seq: number; ok: true; value: unknown }
  | { type: 'result'; seq: number; ok: false; error: SerializedError }
  | { type: 'progress'; seq: number; progress: ProgressReport }
  | { type: 'log'; seq: number; level: LogLevel; message: string };

/**
 * What both Node's Worker/MessagePort and the browser's MessagePort can do, reduced to what the
 * protocol needs. Keeping shared/ free of node:* types means a worker can also be a client of
 * another worker over a MessageChannel port (bulk data flows worker to worker).
 */
export interface MessageEndpoint {
  postMessage(value: unknown, transfer?: readonly Transferable[]): void;
  on(event: 'message', listener: (value: unknown) => void): unknown;
  off(event: 'message', listener: (value: unknown) => void): unknown;
}

/** Opaque stand-in for the platform's transferable objects (ArrayBuffer, MessagePort). */
export type Transferable = object;

export function isWorkerToHost(value: unknown): value is WorkerToHost {
  return typeof value === 'object' && value !== null && 'type' in value && 'seq' in value;
}

export function isHostToWorker(value: unknown): value is HostToWorker {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return (type === 'init' || type === 'call' || type === 'cancel') && typeof (value as { seq?: unknown }).seq === 'number';
}
