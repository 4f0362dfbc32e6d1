/**
 * A file read in chunks, handed on as regions of whole lines: each region ends at a line feed
 * (or at the end of the file), so no line straddles two regions and each region is decoded
 * on its own. A line feed byte never sits inside a UTF-8 sequence, so cutting after one gives
 * the same text as decoding the whole file at once. A line longer than a chunk (a 50 MB line)
 * is gathered until its line feed arrives.
 */

import { splitLines, type SplitText } from './split-lines.ts';

const LINE_FEED_BYTE = 0x0a;

export interface LineRegion {
  split: SplitText;
  /** 0-based number, in the file, of the region's first line. */
  firstLine: number;
  /** Offset, in the file, of the region's first byte. */
  byteOffset: number;
}

export class LineRegionSplitter {
  private pending: Uint8Array[] = [];
  private nextLine = 0;
  private nextByte = 0;

  /** The region of whole lines the chunk completes, or null while a line is still open. */
  push(chunk: Uint8Array): LineRegion | null {
    const lastFeed = chunk.lastIndexOf(LINE_FEED_BYTE);
    if (lastFeed === -1) {
      if (chunk.length > 0) this.pending.push(chunk.slice());
      return null;
    }
    const head = chunk.subarray(0, lastFeed + 1);
    const bytes = this.pending.length === 0 ? head : Buffer.concat([...this.pending, head]);
    // The tail is copied: a stream may reuse the chunk's memory for its next read.
    this.pending = lastFeed + 1 < chunk.length ? [chunk.slice(lastFeed + 1)] : [];
    return this.cut(bytes);
  }

  /** The last region: the bytes after the final line feed, if any. */
  end(): LineRegion | null {
    if (this.pending.length === 0) return null;
    const bytes = Buffer.concat(this.pending);
    this.pending = [];
    return this.cut(bytes);
  }

  /** Lines handed on so far. */
  get lineCount(): number {
    return this.nextLine;
  }

  private cut(bytes: Uint8Array): LineRegion {
    const region: LineRegion = { split: splitLines(bytes, this.nextByte === 0), firstLine: this.nextLine, byteOffset: this.nextByte };
    this.nextLine += region.split.lineCount;
    this.nextByte += bytes.length;
    return region;
  }
}

/** The regions of bytes already in memory: one region, no copy. */
export function* regionsOfBytes(bytes: Uint8Array): Generator<LineRegion> {
  if (bytes.length > 0) yield { split: splitLines(bytes), firstLine: 0, byteOffset: 0 };
}

/** The regions of a stream of chunks, in file order. */
export async function* regionsOfStream(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<LineRegion> {
  const splitter = new LineRegionSplitter();
  for await (const chunk of chunks) {
    const region = splitter.push(chunk);
    if (region !== null) yield region;
  }
  const last = splitter.end();
  if (last !== null) yield last;
}
