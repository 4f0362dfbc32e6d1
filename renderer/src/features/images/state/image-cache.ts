import type { OcrWordBox } from '../../../../../shared/domain/image.ts';
import { api } from '../../../api/client.ts';

/** An image ready to show: a blob: URL of its original bytes (CSP allows blob: images) and its word boxes. */
export interface LoadedImage {
  url: string;
  mimeType: string;
  words: OcrWordBox[];
  ocrText: string | null;
  ocrSearchableText: string | null;
  /** ImageContent.onlySureWordsSearched: false for a result read before only sure words were searched. */
  onlySureWordsSearched: boolean;
}

interface Entry {
  key: string;
  attachmentId: number;
  revision: number;
  refs: number;
  lastUsed: number;
  promise: Promise<LoadedImage>;
  url: string | null;
}

export interface Lease {
  promise: Promise<LoadedImage>;
  release(): void;
}

/** Enough for a screenful of tiles plus the neighbours of the open image; each holds a whole original. */
const CAPACITY = 48;
/** Visible tiles all ask at once; the engine reads and base64-encodes each original. */
const CONCURRENCY = 4;

class Cancelled extends Error {}

export function isCancelled(error: unknown): boolean {
  return error instanceof Cancelled;
}

function toBlobUrl(base64: string, mimeType: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return URL.createObjectURL(new Blob([bytes], { type: mimeType }));
}

/**
 * images.content answers, shared by tiles and the viewer, least recently used dropped first.
 * An entry in use (leased) is never dropped, so no <img> loses its URL; `revision` changes when
 * OCR or an import finishes, and then an image is fetched again for its new word boxes.
 */
export class ImageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly queue: (() => void)[] = [];
  private running = 0;
  private clock = 0;
  private disposed = false;

  lease(attachmentId: number, revision: number): Lease {
    const key = `${attachmentId}@${revision}`;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = { key, attachmentId, revision, refs: 0, lastUsed: 0, promise: new Promise<LoadedImage>(() => undefined), url: null };
      entry.promise = this.load(entry);
      entry.promise.catch(() => this.entries.get(key) === entry && this.entries.delete(key));
      this.entries.set(key, entry);
    }
    const held = entry;
    held.refs++;
    held.lastUsed = ++this.clock;
    let released = false;
    return {
      promise: held.promise,
      release: () => {
        if (released) return;
        released = true;
        held.refs--;
        held.lastUsed = ++this.clock;
        this.trim();
      },
    };
  }

  /** Again usable after dispose(): React's StrictMode unmounts and remounts once in development. */
  open(): void {
    this.disposed = false;
  }

  dispose(): void {
    this.disposed = true;
    for (const entry of this.entries.values()) if (entry.url !== null) URL.revokeObjectURL(entry.url);
    this.entries.clear();
    this.queue.length = 0;
  }

  private load(entry: Entry): Promise<LoadedImage> {
    return new Promise<void>((resolve) => {
      this.queue.push(resolve);
      this.pump();
    }).then(async () => {
      try {
        // Scrolled past before its turn came: not worth fetching.
        if (entry.refs === 0 || this.disposed) throw new Cancelled('no longer needed');
        const content = await api.invoke('images.content', { attachmentId: entry.attachmentId });
        if (this.disposed) throw new Cancelled('closed');
        const url = toBlobUrl(content.base64, content.mimeType);
        if (this.entries.get(entry.key) !== entry) {
          URL.revokeObjectURL(url);
          throw new Cancelled('dropped while loading');
        }
        entry.url = url;
        return { url, mimeType: content.mimeType, words: content.words, ocrText: content.ocrText, ocrSearchableText: content.ocrSearchableText, onlySureWordsSearched: content.onlySureWordsSearched };
      } finally {
        this.running--;
        this.pump();
      }
    });
  }

  private pump(): void {
    while (this.running < CONCURRENCY && this.queue.length > 0) {
      this.running++;
      // Newest first: the tiles just scrolled into view matter more than those asked for earlier.
      this.queue.pop()?.();
    }
  }

  private trim(): void {
    const latest = new Map<number, number>();
    for (const entry of this.entries.values()) latest.set(entry.attachmentId, Math.max(latest.get(entry.attachmentId) ?? 0, entry.revision));
    const idle = [...this.entries.values()].filter((entry) => entry.refs === 0).sort((a, b) => a.lastUsed - b.lastUsed);
    let excess = this.entries.size - CAPACITY;
    for (const entry of idle) {
      const outdated = entry.revision < (latest.get(entry.attachmentId) ?? 0);
      if (!outdated && excess <= 0) continue;
      this.entries.delete(entry.key);
      if (entry.url !== null) URL.revokeObjectURL(entry.url);
      excess--;
    }
  }
}
