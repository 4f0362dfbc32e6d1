/**
 * Meta's "Download your information" JSON writes every non-ASCII character as the `\u00XX`
 * escapes of its UTF-8 bytes, so a parsed string holds the bytes as Latin-1 characters
 * ("J\u00e2\u009d\u00a4\u00ef\u00b8\u008fhn" → "Jâ\x9d¤ï¸\x8fhn" instead of "J❤️hn").
 *
 * The repair re-encodes each character as one byte and decodes UTF-8, and only when that is
 * safe: every character fits in a byte and the bytes are valid UTF-8. Anything else (real
 * Latin-1 text such as "café", characters above U+00FF) is left exactly as written. A string
 * holding a character above U+00FF is never repaired in part, even where some of its Latin-1
 * characters read as UTF-8 (README.md, "Mojibake": Meta's writer cannot have written it, so
 * nothing says they are its mojibake); such strings are counted and the import says so.
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

/** Counts the strings changed, and the strings left that read as mixed (below), for the import's details. */
export interface RepairCounter {
  repaired: number;
  mixedLeft: number;
}

export function newRepairCounter(): RepairCounter {
  return { repaired: 0, mixedLeft: 0 };
}

/** A character Meta's DYI writer never writes: it writes every non-ASCII character as `\u00XX` escapes of its bytes. */
const ABOVE_LATIN1 = /[^\u0000-\u00ff]/u;
/** Latin-1 characters standing for one UTF-8 multi-byte sequence: a lead byte and its continuation bytes. */
const UTF8_SEQUENCE_AS_LATIN1 = /[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}|[\u00f0-\u00f4][\u0080-\u00bf]{3}/gu;

/**
 * A string left as written that holds a character above U+00FF beside Latin-1 characters reading
 * as a valid UTF-8 sequence ("Ã©" beside "😀"). Meta's writer cannot have written it so (README.md,
 * "Mojibake"): the file was written or re-saved by something else, and whether those characters
 * are mojibake or a person's own cannot be told. Counted and said, never repaired.
 */
export function isMixedMojibake(text: string): boolean {
  if (!ABOVE_LATIN1.test(text)) return false;
  for (const match of text.matchAll(UTF8_SEQUENCE_AS_LATIN1)) {
    const bytes = Uint8Array.from(match[0], (character) => character.charCodeAt(0));
    try {
      strictUtf8.decode(bytes);
      return true;
    } catch {
      // An overlong form or a surrogate: not UTF-8 a writer makes; look on.
    }
  }
  return false;
}

/** A copy of a JSON value with every string (not keys: Meta's keys are ASCII) repaired. */
export function repairDeep(value: JsonValue, counter: RepairCounter): JsonValue {
  if (typeof value === 'string') {
    const repaired = repairMojibake(value);
    if (repaired !== value) counter.repaired += 1;
    else if (isMixedMojibake(value)) counter.mixedLeft += 1;
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
