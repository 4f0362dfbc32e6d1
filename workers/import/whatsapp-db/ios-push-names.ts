/**
 * What a stored iOS push name (`ZWAPROFILEPUSHNAME.ZPUSHNAME`, `ZWAMESSAGE.ZPUSHNAME`) says. Newer
 * stores do not always hold the name as text:
 * - wrapped: "+" then base64 of a protobuf whose field 1 is the name (field 2 a time) [source: a
 *   WhatsApp-for-Mac exporter worked out on a real ChatStorage, whose layout iOS shares];
 * - metadata: base64 of a protobuf of numbers only, no name at all, in `ZWAMESSAGE.ZPUSHNAME`
 *   [source: a diagnostic tool's notes on its real store, "a protobuf of integers, not a name"].
 * Shown as they were, these made a sender "+CglMw6lh…" or "CAcQAw==". A plain name stays as it is.
 */

import { protobufFields, utf8Text } from './protobuf-fields.ts';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/u;
const FIELD_NAME = 1;
/** Base64 of numbers only is taken for metadata when it decodes to at least this many fields (a short real name may decode to one by chance). */
const MIN_METADATA_FIELDS = 2;

export type StoredPushName =
  | { kind: 'name'; name: string }
  | { kind: 'wrapped'; name: string }
  | { kind: 'metadata' };

/** null for NULL or empty; otherwise what the value is. */
export function readStoredPushName(value: string | null): StoredPushName | null {
  if (value === null || value.trim() === '') return null;
  if (value.startsWith('+')) {
    const name = wrappedName(value.slice(1));
    if (name !== null) return { kind: 'wrapped', name };
  }
  if (isNumbersOnlyProtobuf(value)) return { kind: 'metadata' };
  return { kind: 'name', name: value };
}

/** The name the value shows, or null when it holds none. */
export function pushNameText(value: string | null): string | null {
  const read = readStoredPushName(value);
  return read === null || read.kind === 'metadata' ? null : read.name;
}

function decodedBase64(text: string): Uint8Array | null {
  if (!BASE64.test(text)) return null;
  return new Uint8Array(Buffer.from(text, 'base64'));
}

function wrappedName(text: string): string | null {
  const bytes = decodedBase64(text);
  const fields = bytes === null ? null : protobufFields(bytes);
  const first = fields?.[0];
  if (first === undefined || first.field !== FIELD_NAME || first.wire !== 'bytes') return null;
  const name = utf8Text(first.value);
  return name === null || name.trim() === '' ? null : name;
}

function isNumbersOnlyProtobuf(text: string): boolean {
  if (text.length % 4 !== 0) return false;
  const bytes = decodedBase64(text);
  const fields = bytes === null ? null : protobufFields(bytes);
  return fields !== null && fields.length >= MIN_METADATA_FIELDS && fields.every((field) => field.wire === 'varint');
}
