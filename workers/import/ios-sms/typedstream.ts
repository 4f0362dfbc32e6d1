/**
 * The text of an iMessage `attributedBody`: an NSAttributedString archived with NSArchiver in the
 * old NeXT "typedstream" format. From iOS 16 / macOS Ventura on, `message.text` is often NULL and
 * this blob is the only copy of what was written.
 *
 * Layout of the part read here (little-endian "streamtyped" variant):
 *
 *   04 0B "streamtyped" 81 E8 03        version 4, signature, system version 1000
 *   84 01 40 84 84 84 ..NSMutableAttributedString.. NSAttributedString .. NSObject 00 85
 *   92 84 84 84 0F "NSMutableString" 01 84 84 08 "NSString" 01 95   the string's class chain
 *   84 01 2B                            a new type string of length 1: "+" (bytes follow)
 *   <length> <UTF-8 bytes>              length: 1 byte, or 81 + u16 LE, or 82 + u32 LE
 *   86 84 ...                           end of object, then the attribute runs (ignored)
 *
 * This is deliberately not a general typedstream reader: it finds the first NSString object (the
 * message body always comes first) and reads its bytes, with every read bounded by the blob.
 */

const HEADER = [0x04, 0x0b, ...Array.from('streamtyped', (char) => char.charCodeAt(0))];
const CLASS_NAMES = ['NSString', 'NSMutableString'].map((name) => Uint8Array.from([name.length, ...Array.from(name, (char) => char.charCodeAt(0))]));
/** "new shared string of length 1: '+'": the type of an object's raw byte string. */
const BYTES_TYPE = [0x84, 0x01, 0x2b];
/** How far after the class name the type marker may be (version and superclass references). */
const TYPE_SEARCH_WINDOW = 64;
/** Bytes scanned for the class name at most (real bodies put it within the first 200 bytes). */
const CLASS_SEARCH_LIMIT = 4096;
const LENGTH_U16 = 0x81;
const LENGTH_U32 = 0x82;
const END_OF_OBJECT = [0x86, 0x84];

export type AttributedBodyText =
  | { ok: true; text: string; /** Set when the blob was damaged but some text could be read. */ note?: string }
  | { ok: false; reason: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false });

/** Reads the message text from an attributedBody blob; never throws. */
export function decodeAttributedBody(blob: Uint8Array): AttributedBodyText {
  if (!HEADER.every((byte, index) => blob[index] === byte)) {
    return { ok: false, reason: 'not a typedstream (the blob does not start with 04 0B "streamtyped")' };
  }
  const classEnd = findClassName(blob);
  if (classEnd === null) return { ok: false, reason: 'no NSString object in the typedstream' };
  const typeAt = indexOf(blob, BYTES_TYPE, classEnd, Math.min(blob.byteLength, classEnd + TYPE_SEARCH_WINDOW));
  if (typeAt === null) return { ok: false, reason: 'the NSString object has no byte-string ("+") value' };
  const length = readLength(blob, typeAt + BYTES_TYPE.length);
  if (length === null) return { ok: false, reason: 'the NSString length cannot be read' };

  const start = length.next;
  const declaredEnd = start + length.value;
  if (declaredEnd <= blob.byteLength) return decodeUtf8(blob.subarray(start, declaredEnd), null);
  // A blob cut short (or edited by hand): keep what is there, up to the end-of-object marker.
  const end = indexOf(blob, END_OF_OBJECT, start, blob.byteLength) ?? blob.byteLength;
  return decodeUtf8(blob.subarray(start, end), `the string declares ${length.value} bytes but only ${end - start} are present; the text may be incomplete`);
}

function decodeUtf8(bytes: Uint8Array, note: string | null): AttributedBodyText {
  try {
    const text = strictUtf8.decode(bytes);
    return note === null ? { ok: true, text } : { ok: true, text, note };
  } catch {
    const text = lenientUtf8.decode(bytes);
    const invalid = 'bytes that are not valid UTF-8 were replaced with U+FFFD';
    return { ok: true, text, note: note === null ? invalid : `${note}; ${invalid}` };
  }
}

/** Offset just after the first "NSString" / "NSMutableString" class name (length-prefixed). */
function findClassName(blob: Uint8Array): number | null {
  const limit = Math.min(blob.byteLength, CLASS_SEARCH_LIMIT);
  let best: number | null = null;
  for (const name of CLASS_NAMES) {
    const at = indexOf(blob, name, HEADER.length, limit);
    if (at !== null && (best === null || at + name.byteLength < best)) best = at + name.byteLength;
  }
  return best;
}

/** A typedstream integer used as a length: one byte 0..127, or a tag and 2 or 4 little-endian bytes. */
function readLength(blob: Uint8Array, at: number): { value: number; next: number } | null {
  const tag = blob[at];
  if (tag === undefined) return null;
  if (tag < 0x80) return { value: tag, next: at + 1 };
  if (tag === LENGTH_U16 && at + 3 <= blob.byteLength) {
    return { value: new DataView(blob.buffer, blob.byteOffset + at + 1, 2).getUint16(0, true), next: at + 3 };
  }
  if (tag === LENGTH_U32 && at + 5 <= blob.byteLength) {
    return { value: new DataView(blob.buffer, blob.byteOffset + at + 1, 4).getUint32(0, true), next: at + 5 };
  }
  return null;
}

function indexOf(haystack: Uint8Array, needle: ArrayLike<number>, from: number, to: number): number | null {
  outer: for (let position = from; position + needle.length <= to; position++) {
    for (let index = 0; index < needle.length; index++) {
      if (haystack[position + index] !== needle[index]) continue outer;
    }
    return position;
  }
  return null;
}

/** Printable runs of a blob (for an 'unparsed' record when decoding fails), bounded. */
export function printableRuns(blob: Uint8Array, limit = 2000): string {
  const text = lenientUtf8.decode(blob.subarray(0, limit * 2));
  return (text.match(/[\p{L}\p{N}\p{P}\p{S} ]{4,}/gu) ?? []).join(' ').slice(0, limit);
}
