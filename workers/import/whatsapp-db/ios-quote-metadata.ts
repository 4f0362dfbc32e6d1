/**
 * What an iOS reply quotes, from its media item's ZMETADATA: a protobuf message whose field 5 is
 * the quoted message's stanza id, field 6 its sender's jid and field 19 the quoted text
 * [source: IPED's ExtractorIOS.findQuotedMessages and Whatsapp-Chat-Exporter, which read real
 * stores so; no sample holds one]. ZPARENTMESSAGE, the row a reply points at, is often empty, and
 * the quoted words survive here when the original is gone. Only length-delimited fields are taken,
 * and only as valid UTF-8: anything else in the blob (or a blob that is no protobuf) gives nothing.
 */

const FIELD_STANZA_ID = 5;
const FIELD_SENDER = 6;
const FIELD_TEXT = 19;
const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH = 2;
const WIRE_FIXED32 = 5;
/** A quote's facts are near the start; a larger blob is read this far (the fields before the cut count). */
const MAX_BYTES = 64 * 1024;
/** A varint has at most ten bytes (a negative int64). */
const MAX_VARINT_BYTES = 10;

export interface IosQuote {
  stanzaId: string | null;
  senderJid: string | null;
  text: string | null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function quoteFromMetadata(blob: Uint8Array | null): IosQuote | null {
  if (blob === null || blob.length === 0) return null;
  const fields = topLevelStrings(blob.subarray(0, MAX_BYTES), blob.length > MAX_BYTES);
  if (fields === null) return null;
  const quote = { stanzaId: fields.get(FIELD_STANZA_ID) ?? null, senderJid: fields.get(FIELD_SENDER) ?? null, text: fields.get(FIELD_TEXT) ?? null };
  return quote.stanzaId === null && quote.text === null ? null : quote;
}

/** The top-level length-delimited fields that are UTF-8 text, by field number; null when the bytes are no protobuf. */
function topLevelStrings(bytes: Uint8Array, cut = false): Map<number, string> | null {
  const strings = new Map<number, string>();
  let at = 0;
  while (at < bytes.length) {
    const key = varint(bytes, at);
    if (key === null) return null;
    at = key.next;
    const field = Math.floor(key.value / 8);
    const wire = key.value % 8;
    if (field === 0) return null;
    if (wire === WIRE_VARINT) {
      const skipped = varint(bytes, at);
      if (skipped === null) return null;
      at = skipped.next;
    } else if (wire === WIRE_FIXED64 || wire === WIRE_FIXED32) {
      at += wire === WIRE_FIXED64 ? 8 : 4;
    } else if (wire === WIRE_LENGTH) {
      const length = varint(bytes, at);
      // A field running past a cut made here ends the reading; past the blob's own end, it is no protobuf.
      if (length !== null && length.next + length.value > bytes.length && cut) return strings;
      if (length === null || length.next + length.value > bytes.length) return null;
      const end = length.next + length.value;
      if (!strings.has(field)) {
        try {
          strings.set(field, strictUtf8.decode(bytes.subarray(length.next, end)));
        } catch {
          // A nested message or binary value: not a text field.
        }
      }
      at = end;
    } else {
      return null;
    }
  }
  return at === bytes.length ? strings : null;
}

function varint(bytes: Uint8Array, start: number): { value: number; next: number } | null {
  let value = 0;
  let shift = 0;
  for (let at = start; at < bytes.length && at - start < MAX_VARINT_BYTES; at += 1, shift += 7) {
    const byte = bytes[at] ?? 0;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return { value, next: at + 1 };
  }
  return null;
}
