/**
 * Strings for values a backup repeats line after line (addresses, contact names, type codes),
 * found by their bytes. A million elements name a few hundred addresses: making each one's
 * string again cost a native call per value, and every Map that then looked it up (chat keys,
 * senders seen) hashed the fresh string again. Found here, a value is the same string object
 * every time, its hash already computed.
 *
 * A cache, not a set: a slot holds the value that came last, so a backup of endless distinct
 * values holds no more than SLOTS of them.
 */

const SLOTS = 4096;
/** Values longer than this are made afresh each time: long ones seldom recur. */
const MAX_BYTES = 64;
const ASCII_CHARACTERS = Array.from({ length: 0x80 }, (_unused, code) => String.fromCharCode(code));
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export class RecurringStrings {
  private readonly keys: (Buffer | undefined)[] = new Array<Buffer | undefined>(SLOTS).fill(undefined);
  private readonly strings: string[] = new Array<string>(SLOTS).fill('');

  /** The UTF-8 text of `bytes[start, end)`. */
  text(bytes: Buffer, start: number, end: number): string {
    const length = end - start;
    // A type code, a flag: one ASCII character.
    if (length === 1 && (bytes[start] ?? 0x80) < 0x80) return ASCII_CHARACTERS[bytes[start] ?? 0] ?? '';
    if (length > MAX_BYTES) return bytes.toString('utf8', start, end);
    let hash = FNV_OFFSET;
    for (let at = start; at < end; at += 1) hash = Math.imul(hash ^ (bytes[at] ?? 0), FNV_PRIME);
    const slot = (hash >>> 0) & (SLOTS - 1);
    const key = this.keys[slot];
    if (key !== undefined && key.length === length && sameBytes(key, bytes, start)) return this.strings[slot] ?? '';
    const text = bytes.toString('utf8', start, end);
    // A copy: a slice would keep the whole chunk of the file it came from alive.
    this.keys[slot] = Buffer.from(bytes.subarray(start, end));
    this.strings[slot] = text;
    return text;
  }
}

function sameBytes(key: Buffer, bytes: Buffer, start: number): boolean {
  for (let index = 0; index < key.length; index += 1) if (key[index] !== bytes[start + index]) return false;
  return true;
}
