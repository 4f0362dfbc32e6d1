/**
 * Meta's "Download your information" JSON writes every non-ASCII character as the `\u00XX`
 * escapes of its UTF-8 bytes, so a parsed string holds the bytes as Latin-1 characters
 * ("J\u00e2\u009d\u00a4\u00ef\u00b8\u008fhn" → "Jâ\x9d¤ï¸\x8fhn" instead of "J❤️hn").
 *
 * The repair re-encodes each character as one byte and decodes UTF-8, and only when that is
 * safe: every character fits in a byte and the bytes are valid UTF-8. Anything else (real
 * Latin-1 text such as "café", characters above U+00FF) is left exactly as written.
 */

import type { JsonValue } from '../telegram/json-walker.ts';

// ignoreBOM keeps a U+FEFF that is part of the content instead of silently dropping it.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LATIN1_MAX = 0xff;
const ASCII_MAX = 0x7f;

export function repairMojibake(text: string): string {
  let nonAscii = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code > LATIN1_MAX) return text;
    if (code > ASCII_MAX) nonAscii = true;
  }
  if (!nonAscii) return text;
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return text;
  }
}

/** Counts the strings changed, for the import's details. */
export interface RepairCounter {
  repaired: number;
}

/** A copy of a JSON value with every string (not keys: Meta's keys are ASCII) repaired. */
export function repairDeep(value: JsonValue, counter: RepairCounter): JsonValue {
  if (typeof value === 'string') {
    const repaired = repairMojibake(value);
    if (repaired !== value) counter.repaired += 1;
    return repaired;
  }
  if (Array.isArray(value)) return value.map((item) => repairDeep(item, counter));
  if (value !== null && typeof value === 'object') {
    const copy = Object.create(null) as Record<string, JsonValue>;
    for (const [key, item] of Object.entries(value)) copy[key] = repairDeep(item, counter);
    return copy;
  }
  return value;
}
