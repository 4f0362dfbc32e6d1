/**
 * A minimal protobuf wire reader for the blobs iOS WhatsApp keeps in ChatStorage
 * (`ZWAMESSAGEINFO.ZRECEIPTINFO`, `ZWAMEDIAITEM.ZMETADATA`, wrapped push names). No schema: each field comes back with its
 * number and its raw value, and a blob that does not read as protobuf to its last byte gives null,
 * so nothing is ever read out of bytes that are something else.
 */

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH = 2;
const WIRE_FIXED32 = 5;
/** A varint has at most ten bytes (a negative int64). */
const MAX_VARINT_BYTES = 10;

export type ProtobufField =
  | { field: number; wire: 'varint'; value: number }
  | { field: number; wire: 'bytes'; value: Uint8Array }
  | { field: number; wire: 'fixed'; value: Uint8Array };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The top-level fields of `bytes` in order, or null when the bytes are not a whole protobuf
 * message. `cut`: the bytes are the start of a larger blob, cut by the caller; a field running past
 * their end ends the reading there, the fields before it counting (past a blob's own end, the
 * bytes are no protobuf).
 */
export function protobufFields(bytes: Uint8Array, cut = false): ProtobufField[] | null {
  const fields: ProtobufField[] = [];
  let at = 0;
  while (at < bytes.length) {
    const key = readVarint(bytes, at);
    if (key === null) return null;
    at = key.next;
    const field = Math.floor(key.value / 8);
    const wire = key.value % 8;
    if (field === 0) return null;
    if (wire === WIRE_VARINT) {
      const value = readVarint(bytes, at);
      if (value === null) return null;
      fields.push({ field, wire: 'varint', value: value.value });
      at = value.next;
    } else if (wire === WIRE_FIXED64 || wire === WIRE_FIXED32) {
      const size = wire === WIRE_FIXED64 ? 8 : 4;
      if (at + size > bytes.length) return cut ? fields : null;
      fields.push({ field, wire: 'fixed', value: bytes.subarray(at, at + size) });
      at += size;
    } else if (wire === WIRE_LENGTH) {
      const length = readVarint(bytes, at);
      if (length !== null && length.next + length.value > bytes.length && cut) return fields;
      if (length === null || length.next + length.value > bytes.length) return null;
      fields.push({ field, wire: 'bytes', value: bytes.subarray(length.next, length.next + length.value) });
      at = length.next + length.value;
    } else {
      return null;
    }
  }
  return fields;
}

/** A length-delimited value as UTF-8 text, or null when it is not valid UTF-8. */
export function utf8Text(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

function readVarint(bytes: Uint8Array, start: number): { value: number; next: number } | null {
  let value = 0;
  for (let at = start, shift = 0; at < bytes.length && at - start < MAX_VARINT_BYTES; at += 1, shift += 7) {
    const byte = bytes[at] ?? 0;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return { value, next: at + 1 };
  }
  return null;
}
