import type { Envelope } from '../../../shared/errors.ts';
import type { Channel, EventName, EventTypes, RequestOf, ResponseOf } from '../../../shared/ipc/contract.ts';

/** How the renderer reaches the engine: Electron IPC (preload bridge) or loopback HTTP. */
export interface Transport {
  readonly kind: 'electron' | 'loopback';
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Envelope<ResponseOf<C>>>;
  subscribe(listener: (event: EngineEvent) => void): () => void;
  /**
   * Makes engine-readable paths from files the user picked or dropped: one path per loose file
   * and one per dropped folder (its files keep their places under it).
   */
  pathsForFiles(files: PickedFile[], onProgress: (done: number, total: number) => void): Promise<string[]>;
}

/** A file the user picked or dropped; `relativePath` is its path from a dropped folder down ("Export/Media/IMG-1.jpg"), '' for a loose file. */
export interface PickedFile {
  file: File;
  relativePath: string;
}

export type EngineEvent = { [E in EventName]: { name: E; payload: EventTypes[E] } }[EventName];

/** What the Electron preload exposes on window.threadline (see electron/preload). */
export interface PreloadBridge {
  invoke(channel: string, request: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
  pathForFile(file: File): string;
  pickFiles(): Promise<string[]>;
}

declare global {
  interface Window {
    threadline?: PreloadBridge;
  }
}

export function electronTransport(bridge: PreloadBridge): Transport {
  return {
    kind: 'electron',
    invoke: async (channel, request) => (await bridge.invoke(channel, request)) as Envelope<never>,
    subscribe: (listener) => bridge.onEvent((event) => listener(event as EngineEvent)),
    // Electron hands a dropped folder over as one File with the folder's path: nothing comes with a relative path.
    pathsForFiles: async (files) => files.map(({ file }) => bridge.pathForFile(file)),
  };
}

const TOKEN_KEY = 'threadline.token';

/** Reads the per-launch token from the URL fragment once, then keeps it for this tab only. */
export function loopbackToken(): string {
  const fromHash = /token=([0-9a-f]+)/.exec(window.location.hash)?.[1];
  if (fromHash !== undefined) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function loopbackTransport(token: string): Transport {
  const headers = { 'Content-Type': 'application/json', 'X-Threadline-Token': token };
  return {
    kind: 'loopback',
    async invoke(channel, request) {
      const response = await fetch(`/api/invoke/${channel}`, { method: 'POST', headers, body: JSON.stringify(request) });
      return (await response.json()) as Envelope<never>;
    },
    subscribe(listener) {
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message: MessageEvent<string>) => listener(JSON.parse(message.data) as EngineEvent);
      return () => source.close();
    },
    async pathsForFiles(files, onProgress) {
      // The browser cannot reveal file paths, so the bytes are copied into the case's intake folder.
      const total = files.reduce((sum, { file }) => sum + file.size, 0);
      let done = 0;
      // A loose file is imported as itself, a dropped folder as the folder (in drop order, once).
      const paths = new Set<string>();
      // One folder per drop on the engine's side, as the files would lie together on disk.
      const batch = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
      for (const { file, relativePath } of files) {
        const place = relativePath === '' ? '' : `&path=${encodeURIComponent(relativePath)}`;
        const response = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}&batch=${batch}${place}`, { method: 'PUT', headers: { 'X-Threadline-Token': token }, body: file });
        const envelope = (await response.json()) as Envelope<{ path: string; root: string }>;
        if (!envelope.ok) throw new Error(envelope.error.message);
        paths.add(envelope.value.root);
        done += file.size;
        onProgress(done, total);
      }
      return [...paths];
    },
  };
}
