/**
 * Streaming UTF-8 decoding that says where the bytes were not UTF-8.
 *
 * TextDecoder silently replaces malformed sequences with U+FFFD; a forensic importer must tell
 * the examiner that (and where) it happened, so a small incremental validator runs beside the
 * decoder. It follows the WHATWG decoder's rules, so its count matches the U+FFFD it inserts.
 * Shared by every streaming importer in workers/import (Telegram, Meta, SMS XML, CSV).
 */

import { isUtf8 } from 'node:buffer';

/** Offsets of the first few malformed sequences are kept; the rest are only counted. */
const MAX_REPORTED_OFFSETS = 10;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export interface Utf8Report {
  /** Malformed sequences replaced with U+FFFD. */
  invalidSequences: number;
  /** Byte offsets (0-based, in the file) of the first malformed sequences. */
  invalidOffsets: number[];
  /** The file started with a UTF-8 byte-order mark (dropped from the text). */
  hadBom: boolean;
}

export class Utf8ChunkDecoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });
  private bytesSeen = 0;
  /** Continuation bytes still expected by the validator, and the range the next one must fall in. */
  private needed = 0;
  private lower = 0x80;
  private upper = 0xbf;
  /** Offset where the sequence being validated started. */
  private sequenceStart = 0;
  readonly report: Utf8Report = { invalidSequences: 0, invalidOffsets: [], hadBom: false };

  /** Bytes consumed so far. */
  get bytesDone(): number {
    return this.bytesSeen;
  }

  decode(chunk: Uint8Array): string {
    if (this.bytesSeen === 0 && chunk.length >= UTF8_BOM.length && UTF8_BOM.every((byte, index) => chunk[index] === byte)) {
      this.report.hadBom = true;
    }
    this.validate(chunk);
    this.bytesSeen += chunk.length;
    return this.decoder.decode(chunk, { stream: true });
  }

  /** True when no UTF-8 sequence is open: the next byte starts a character. */
  get atCharacterStart(): boolean {
    return this.needed === 0;
  }

  /**
   * Counts bytes read elsewhere (a reader working on a file's bytes), which the caller has
   * checked are whole, valid UTF-8 and start at a character (atCharacterStart), so the offsets
   * of problems in what this decoder reads later stay offsets in the file.
   */
  passValid(byteCount: number): void {
    if (this.needed !== 0) throw new Error('bytes were read elsewhere in the middle of a UTF-8 sequence');
    this.bytesSeen += byteCount;
  }

  /** Flushes the decoder; a sequence cut off by the end of the file counts as malformed. */
  end(): string {
    if (this.needed > 0) {
      this.invalid(this.sequenceStart);
      this.needed = 0;
    }
    return this.decoder.decode();
  }

  private invalid(offset: number): void {
    this.report.invalidSequences += 1;
    if (this.report.invalidOffsets.length < MAX_REPORTED_OFFSETS) {
      this.report.invalidOffsets.push(offset);
    }
  }

  /**
   * A chunk that is clean UTF-8 up to its last, possibly cut, sequence (nearly every chunk of
   * nearly every file) is checked natively (buffer.isUtf8); only its last few bytes, and any
   * chunk with a problem or a sequence left open by the chunk before, go through the validator
   * below, which says where the problem is.
   */
  private validate(chunk: Uint8Array): void {
    if (this.needed === 0) {
      const complete = completePrefixLength(chunk);
      if (isUtf8(chunk.subarray(0, complete))) {
        this.validateFrom(chunk, complete);
        return;
      }
    }
    this.validateFrom(chunk, 0);
  }

  private validateFrom(chunk: Uint8Array, start: number): void {
    const base = this.bytesSeen;
    let index = start;
    while (index < chunk.length) {
      const byte = chunk[index] ?? 0;
      if (this.needed === 0) {
        if (byte < 0x80) {
          index += 1;
          // ASCII fast path: most chat text is ASCII markup around the content.
          while (index < chunk.length && (chunk[index] ?? 0x80) < 0x80) index += 1;
          continue;
        }
        this.sequenceStart = base + index;
        this.lower = 0x80;
        this.upper = 0xbf;
        if (byte >= 0xc2 && byte <= 0xdf) this.needed = 1;
        else if (byte >= 0xe0 && byte <= 0xef) {
          this.needed = 2;
          if (byte === 0xe0) this.lower = 0xa0;
          if (byte === 0xed) this.upper = 0x9f;
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          this.needed = 3;
          if (byte === 0xf0) this.lower = 0x90;
          if (byte === 0xf4) this.upper = 0x8f;
        } else {
          this.invalid(base + index);
        }
        index += 1;
        continue;
      }
      if (byte < this.lower || byte > this.upper) {
        // The sequence is broken; this byte is looked at again as the start of a new one.
        this.invalid(this.sequenceStart);
        this.needed = 0;
        continue;
      }
      this.lower = 0x80;
      this.upper = 0xbf;
      this.needed -= 1;
      index += 1;
    }
  }
}

/**
 * Length of the chunk without a multi-byte sequence its end may cut: the bytes from the last
 * lead byte among the final three on, when that lead byte announces more bytes than follow it.
 */
function completePrefixLength(chunk: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= chunk.length; back++) {
    const byte = chunk[chunk.length - back] ?? 0;
    if (byte < 0x80) return chunk.length;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length > back ? chunk.length - back : chunk.length;
    }
  }
  return chunk.length;
}

/** One warning text for a decoding report, or null when the bytes were clean UTF-8. */
export function describeUtf8Problems(report: Utf8Report): string | null {
  if (report.invalidSequences === 0) return null;
  const offsets = report.invalidOffsets.join(', ');
  const more = report.invalidSequences > report.invalidOffsets.length ? ` and ${report.invalidSequences - report.invalidOffsets.length} more` : '';
  return `${report.invalidSequences} byte sequence(s) are not valid UTF-8 (at byte offset ${offsets}${more}); each was read as U+FFFD`;
}
