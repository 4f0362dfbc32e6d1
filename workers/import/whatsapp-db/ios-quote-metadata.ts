/**
 * What an iOS reply quotes, from its media item's ZMETADATA: a protobuf message whose field 5 is
 * the quoted message's stanza id, field 6 its sender's jid and field 19 the quoted text
 * [source: IPED's ExtractorIOS.findQuotedMessages and Whatsapp-Chat-Exporter, which read real
 * stores so; no sample holds one]. ZPARENTMESSAGE, the row a reply points at, is often empty, and
 * the quoted words survive here when the original is gone. Only length-delimited fields are taken,
 * and only as valid UTF-8: anything else in the blob (or a blob that is no protobuf) gives nothing.
 */

import { protobufFields, utf8Text } from './protobuf-fields.ts';

const FIELD_STANZA_ID = 5;
const FIELD_SENDER = 6;
const FIELD_TEXT = 19;
/** A quote's facts are near the start; a larger blob is read this far (the fields before the cut count). */
const MAX_BYTES = 64 * 1024;

export interface IosQuote {
  stanzaId: string | null;
  senderJid: string | null;
  text: string | null;
}

export function quoteFromMetadata(blob: Uint8Array | null): IosQuote | null {
  if (blob === null || blob.length === 0) return null;
  const fields = topLevelStrings(blob.subarray(0, MAX_BYTES), blob.length > MAX_BYTES);
  if (fields === null) return null;
  const quote = { stanzaId: fields.get(FIELD_STANZA_ID) ?? null, senderJid: fields.get(FIELD_SENDER) ?? null, text: fields.get(FIELD_TEXT) ?? null };
  return quote.stanzaId === null && quote.text === null ? null : quote;
}

/** The first UTF-8 text of each length-delimited field, by field number; null when the bytes are no protobuf. */
function topLevelStrings(bytes: Uint8Array, cut: boolean): Map<number, string> | null {
  const fields = protobufFields(bytes, cut);
  if (fields === null) return null;
  const strings = new Map<number, string>();
  for (const field of fields) {
    if (field.wire !== 'bytes' || strings.has(field.field)) continue;
    // A nested message or binary value is no text field.
    const text = utf8Text(field.value);
    if (text !== null) strings.set(field.field, text);
  }
  return strings;
}
