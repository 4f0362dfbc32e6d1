/**
 * XML references in a plain sms line's bytes (plain-sms-bytes.ts), read exactly as the text path
 * (XmlPrefilter, then saxes) would read them silently, or declined so that the text path reads
 * them, with its warnings.
 */

import type { ByteScratch } from './byte-scratch.ts';

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const AMPERSAND = 0x26;
const SEMICOLON = 0x3b;
const HASH = 0x23;
const DOUBLE_QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SMALL_X = 0x78;

const NAMED_REFERENCES: ReadonlyMap<string, number> = new Map([
  ['amp', 0x26],
  ['lt', 0x3c],
  ['gt', 0x3e],
  ['quot', 0x22],
  ['apos', 0x27],
]);
/** The JSON escape of a character a value may hold (JSON.stringify's), or undefined when it needs none. */
export const JSON_ESCAPES: ReadonlyMap<number, string> = new Map([
  [DOUBLE_QUOTE, '\\"'],
  [BACKSLASH, '\\\\'],
  [TAB, '\\t'],
  [LINE_FEED, '\\n'],
  [CARRIAGE_RETURN, '\\r'],
]);

const HIGH_FIRST = 0xd800;
const HIGH_LAST = 0xdbff;
const LOW_FIRST = 0xdc00;
const LOW_LAST = 0xdfff;

interface Reference {
  code: number;
  /** Index after the reference (after both, for a surrogate pair). */
  next: number;
  pair: boolean;
}

/**
 * The reference at `at` (an '&') as the prefilter and saxes read it, or null when they would
 * not read it silently: an unknown name, a reference to a character XML forbids, a lone half of
 * a surrogate pair, a form saxes or the prefilter reads otherwise (`&#X41;`, eight digits).
 */
export function readReference(bytes: Buffer, at: number, end: number): Reference | null {
  const semicolon = bytes.indexOf(SEMICOLON, at + 1);
  if (semicolon < 0 || semicolon >= end || semicolon - at > 12) return null;
  if (bytes[at + 1] !== HASH) {
    const code = NAMED_REFERENCES.get(bytes.toString('latin1', at + 1, semicolon));
    return code === undefined ? null : { code, next: semicolon + 1, pair: false };
  }
  const code = characterReference(bytes, at, semicolon);
  if (code < 0) return null;
  if (code < HIGH_FIRST || code > LOW_LAST) return allowed(code) ? { code, next: semicolon + 1, pair: false } : null;
  // Half of a surrogate pair: read only as the prefilter joins it, high then low, each written
  // as `&#5xxxx;` (five digits) or `&#xDxxx;` (four hex digits after a small x).
  if (code > HIGH_LAST || !surrogateForm(bytes, at, semicolon)) return null;
  const lowAt = semicolon + 1;
  if (bytes[lowAt] !== AMPERSAND || bytes[lowAt + 1] !== HASH) return null;
  const lowEnd = bytes.indexOf(SEMICOLON, lowAt + 1);
  if (lowEnd < 0 || lowEnd >= end || lowEnd - lowAt > 12) return null;
  const low = characterReference(bytes, lowAt, lowEnd);
  if (low < LOW_FIRST || low > LOW_LAST || !surrogateForm(bytes, lowAt, lowEnd)) return null;
  return { code: 0x10000 + ((code - HIGH_FIRST) << 10) + (low - LOW_FIRST), next: lowEnd + 1, pair: true };
}

/** `&#ddd;` (1 to 7 digits) or `&#xhhh;` (1 to 6 hex digits, small x), as saxes reads silently; -1 otherwise. */
function characterReference(bytes: Buffer, at: number, semicolon: number): number {
  const hex = bytes[at + 2] === SMALL_X;
  const first = at + (hex ? 3 : 2);
  const digits = semicolon - first;
  if (digits < 1 || digits > (hex ? 6 : 7)) return -1;
  let code = 0;
  for (let index = first; index < semicolon; index += 1) {
    const digit = hexDigit(bytes[index] ?? 0);
    if (digit < 0 || (!hex && digit > 9)) return -1;
    code = code * (hex ? 16 : 10) + digit;
  }
  return code;
}

/** The forms of a surrogate reference the prefilter joins: five decimal digits, or `x` + four hex digits. */
function surrogateForm(bytes: Buffer, at: number, semicolon: number): boolean {
  return bytes[at + 2] === SMALL_X ? semicolon - at === 7 : semicolon - at === 7 && bytes[at + 2] === 0x35;
}

function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  return -1;
}

/** Characters XML 1.0 allows. */
function allowed(code: number): boolean {
  return code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Writes the reference at `at` (checked by readReference) and returns the index after it. */
export function writeReference(bytes: Buffer, at: number, out: ByteScratch, json: boolean): number {
  const reference = readReference(bytes, at, bytes.length);
  if (reference === null) throw new Error('a reference the line reader accepted does not read');
  const escape = json ? JSON_ESCAPES.get(reference.code) : undefined;
  if (escape !== undefined) out.ascii(escape);
  else out.codePoint(reference.code);
  return reference.next;
}
