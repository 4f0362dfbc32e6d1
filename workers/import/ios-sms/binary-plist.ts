/**
 * A small, bounded reader for Apple binary property lists ("bplist00"), enough for the blobs iOS
 * keeps in sms.db (`message_summary_info`: edit history and unsent parts). Format: objects, an
 * offset table and a 32-byte trailer (see Apple's CFBinaryPList.c comments). Every offset and
 * count is checked against the blob; nesting and object counts are capped, so a hostile blob gives
 * null, never a crash or a runaway allocation.
 */

export class PlistUid {
  constructor(readonly value: number) {}
}

/** A date: seconds since 2001-01-01 UTC (Apple's reference date). */
export class PlistDate {
  constructor(readonly secondsSince2001: number) {}
}

export type PlistValue = null | boolean | number | string | Uint8Array | PlistUid | PlistDate | PlistValue[] | Map<string, PlistValue>;

const MAGIC = 'bplist00';
const TRAILER_BYTES = 32;
const MAX_DEPTH = 32;
const MAX_OBJECTS = 100_000;
const MAX_CONTAINER_ENTRIES = 10_000;
/** Objects visited at most: shared references could otherwise multiply the work exponentially. */
const MAX_VISITS = 200_000;

class PlistError extends Error {}

/** Parses a binary plist, or returns null when the blob is not one or is damaged. */
export function parseBinaryPlist(blob: Uint8Array): PlistValue | null {
  try {
    return new Reader(blob).root();
  } catch (error) {
    if (error instanceof PlistError || error instanceof RangeError) return null;
    throw error;
  }
}

class Reader {
  private readonly view: DataView;
  private readonly offsetSize: number;
  private readonly refSize: number;
  private readonly objectCount: number;
  private readonly topObject: number;
  private readonly offsetTable: number;
  private visits = 0;

  constructor(private readonly blob: Uint8Array) {
    if (blob.byteLength < MAGIC.length + TRAILER_BYTES || !Array.from(MAGIC).every((char, index) => blob[index] === char.charCodeAt(0))) {
      throw new PlistError('not a binary plist');
    }
    this.view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
    const trailer = blob.byteLength - TRAILER_BYTES;
    this.offsetSize = this.view.getUint8(trailer + 6);
    this.refSize = this.view.getUint8(trailer + 7);
    this.objectCount = this.uint(trailer + 8, 8);
    this.topObject = this.uint(trailer + 16, 8);
    this.offsetTable = this.uint(trailer + 24, 8);
    const sizesValid = [1, 2, 4, 8].includes(this.offsetSize) && [1, 2, 4, 8].includes(this.refSize);
    if (!sizesValid || this.objectCount > MAX_OBJECTS || this.topObject >= this.objectCount) throw new PlistError('bad trailer');
    if (this.offsetTable + this.objectCount * this.offsetSize > trailer) throw new PlistError('offset table past the trailer');
  }

  root(): PlistValue {
    return this.object(this.topObject, 0);
  }

  private uint(offset: number, size: number): number {
    let value = 0;
    for (let index = 0; index < size; index++) value = value * 256 + this.view.getUint8(offset + index);
    return value;
  }

  private object(ref: number, depth: number): PlistValue {
    this.visits += 1;
    if (depth > MAX_DEPTH || ref >= this.objectCount || this.visits > MAX_VISITS) throw new PlistError('too deep, too large or a bad reference');
    const offset = this.uint(this.offsetTable + ref * this.offsetSize, this.offsetSize);
    const marker = this.view.getUint8(offset);
    const kind = marker >> 4;
    const info = marker & 0x0f;
    switch (kind) {
      case 0x0:
        return info === 0x08 ? false : info === 0x09 ? true : null;
      case 0x1:
        return this.integer(offset + 1, 2 ** info);
      case 0x2:
        return info === 2 ? this.view.getFloat32(offset + 1) : this.view.getFloat64(offset + 1);
      case 0x3:
        return new PlistDate(this.view.getFloat64(offset + 1));
      case 0x4: {
        const { count, start } = this.count(offset, info);
        return this.blob.slice(start, this.end(start, count));
      }
      case 0x5: {
        const { count, start } = this.count(offset, info);
        const end = this.end(start, count);
        let text = '';
        for (let position = start; position < end; position++) text += String.fromCharCode(this.view.getUint8(position));
        return text;
      }
      case 0x6: {
        const { count, start } = this.count(offset, info);
        const end = this.end(start, count * 2);
        let text = '';
        for (let position = start; position < end; position += 2) text += String.fromCharCode(this.view.getUint16(position));
        return text;
      }
      case 0x8:
        return new PlistUid(this.uint(offset + 1, info + 1));
      case 0xa: {
        const { count, start } = this.count(offset, info);
        this.checkEntries(count, start, 1);
        return Array.from({ length: count }, (_, index) => this.object(this.uint(start + index * this.refSize, this.refSize), depth + 1));
      }
      case 0xd: {
        const { count, start } = this.count(offset, info);
        this.checkEntries(count, start, 2);
        const map = new Map<string, PlistValue>();
        for (let index = 0; index < count; index++) {
          const key = this.object(this.uint(start + index * this.refSize, this.refSize), depth + 1);
          const value = this.object(this.uint(start + (count + index) * this.refSize, this.refSize), depth + 1);
          map.set(typeof key === 'string' ? key : String(key), value);
        }
        return map;
      }
      default:
        throw new PlistError(`unsupported object type 0x${marker.toString(16)}`);
    }
  }

  private integer(offset: number, size: number): number {
    if (size === 8) return Number(this.view.getBigInt64(offset));
    if (size > 8) return Number(this.view.getBigInt64(offset + size - 8));
    return this.uint(offset, size);
  }

  /** Counts of 15 or more are written as a following integer object. */
  private count(offset: number, info: number): { count: number; start: number } {
    if (info !== 0x0f) return { count: info, start: offset + 1 };
    const marker = this.view.getUint8(offset + 1);
    if (marker >> 4 !== 0x1) throw new PlistError('bad count');
    const size = 2 ** (marker & 0x0f);
    return { count: this.integer(offset + 2, size), start: offset + 2 + size };
  }

  private end(start: number, bytes: number): number {
    if (bytes < 0 || start + bytes > this.blob.byteLength) throw new PlistError('object past the end');
    return start + bytes;
  }

  private checkEntries(count: number, start: number, refsPerEntry: number): void {
    if (count > MAX_CONTAINER_ENTRIES) throw new PlistError('container too large');
    this.end(start, count * refsPerEntry * this.refSize);
  }
}
