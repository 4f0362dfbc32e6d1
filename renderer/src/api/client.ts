import type { SerializedError } from '../../../shared/errors.ts';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract.ts';
import type { EngineEvent, PickedFile, Transport } from './transport.ts';
import { electronTransport, loopbackToken, loopbackTransport } from './transport.ts';

/** An engine error as the UI sees it: a code to branch on and a message to show. */
/** What the import panel sets besides the paths: device, time zone, date order, CSV mapping. */
export type ImportRequestOptions = Omit<RequestOf<'import.start'>, 'paths'>;

export class EngineError extends Error {
  readonly code: string;
  constructor(error: SerializedError) {
    super(error.message);
    this.code = error.code;
  }
}

/**
 * The only module that talks to the engine. Components call `api.invoke(...)` and never know
 * whether Electron IPC or the loopback transport carries it.
 */
export class ApiClient {
  constructor(private readonly transport: Transport) {}

  get mode(): Transport['kind'] {
    return this.transport.kind;
  }

  async invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const envelope = await this.transport.invoke(channel, request);
    if (!envelope.ok) throw new EngineError(envelope.error);
    return envelope.value;
  }

  subscribe(listener: (event: EngineEvent) => void): () => void {
    return this.transport.subscribe(listener);
  }

  /** Paths the engine can read for files the user picked or dropped; in browser mode they are uploaded into the case first. */
  async uploadFiles(files: PickedFile[], onUpload: (done: number, total: number) => void): Promise<string[]> {
    return this.transport.pathsForFiles(files, onUpload);
  }

  /** Native file picker (Electron only); null where the browser's <input type=file> is used. */
  async pickPaths(): Promise<string[] | null> {
    return window.threadline === undefined ? null : window.threadline.pickFiles();
  }
}

export function createApiClient(): ApiClient {
  const bridge = window.threadline;
  return new ApiClient(bridge === undefined ? loopbackTransport(loopbackToken()) : electronTransport(bridge));
}

export const api = createApiClient();
export type { EngineEvent, PickedFile };
