/**
 * The plain `<sms …/>` line, read from the file's bytes (ADR 0015, session 11). Nearly every line
 * of a backup is one element, `  <sms name="value" … />`, with values that need nothing of XML
 * but the five named references and character references. saxes reads a character at a time,
 * and even read as a string such an element cost more than storing it; read here, its values
 * stay UTF-8 bytes (copied into the batch as they are, `extra` written as JSON from them) and
 * only the few a record needs as strings become strings.
 *
 * A line is taken only where the reading cannot differ from the one the text path (UTF-8
 * decoder, XmlPrefilter, saxes) would give, and declined (false) otherwise; the text path then
 * reads it, faults and warnings included. "Cannot differ", here:
 *
 * - the line is `[spaces or tabs]<sms` + attributes + `[spaces]/>[spaces or tabs][CR]LF`, and
 *   the caller has checked it is valid UTF-8;
 * - names of ASCII letters, digits, `_ . -` only (a letter or `_` first), each once, none a
 *   JavaScript object already answers to (`constructor`, `__proto__`), `=` right after the name,
 *   the value quoted right after `=`, one or more spaces between attributes;
 * - values without `<`, tab, line break or carriage return (XML turns those into spaces), without
 *   characters XML forbids (controls, U+FFFE/FFFF), and with no reference but `&amp; &lt; &gt;
 *   &quot; &apos;`, character references to characters XML allows, and the two references to
 *   the halves of a surrogate pair that SMS Backup & Restore writes for an emoji (joined, as the
 *   prefilter joins them: `&#55357;&#56832;` is 😀, and counted as joined);
 * - the element is at most MAX_PLAIN_SMS_BYTES long.
 */

import type { ByteScratch } from './byte-scratch.ts';
import type { RecurringStrings } from './recurring-strings.ts';
import { JSON_ESCAPES, readReference, writeReference } from './xml-reference-bytes.ts';

export { ByteScratch } from './byte-scratch.ts';

/** Longest line read here; a longer one is left to the text path. */
export const MAX_PLAIN_SMS_BYTES = 64 * 1024;
/** Most attributes of a plain element; an element with more is left to the text path. */
const MAX_ATTRIBUTES = 64;

const SPACE = 0x20;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const GREATER = 0x3e;
const LESS = 0x3c;
const AMPERSAND = 0x26;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;
const NAME_START = 2;
const NAME_PART = 1;
/** ASCII name characters: NAME_START for `A-Z a-z _`, NAME_PART for those and `0-9 . -`. */
const NAME_CHARACTERS = ((): Uint8Array => {
  const table = new Uint8Array(256);
  for (let code = 0; code < 128; code += 1) {
    const character = String.fromCharCode(code);
    if (/[A-Za-z_]/u.test(character)) table[code] = NAME_START | NAME_PART;
    else if (/[0-9.-]/u.test(character)) table[code] = NAME_PART;
  }
  return table;
})();
const ORDINARY = 0;
/**
 * Bytes a value's scan must look at (ORDINARY for the rest): quotes, controls, `<`, `&`, `\\`,
 * and 0xEF, the lead byte of U+FFFE and U+FFFF.
 */
const VALUE_BYTES = ((): Uint8Array => {
  const table = new Uint8Array(256);
  for (let code = 0; code < 0x20; code += 1) table[code] = 1;
  for (const code of [DOUBLE_QUOTE, SINGLE_QUOTE, LESS, AMPERSAND, BACKSLASH, 0xef]) table[code] = 1;
  return table;
})();
/** The opening of every plain element, after its indentation. */
const OPENING = Buffer.from('<sms ', 'latin1');

/**
 * Reads plain lines one at a time into reusable arrays (a million elements make no objects
 * here): where each attribute's name and value lie in the line's bytes.
 */
export class PlainSmsLineReader {
  /** The bytes of the line last read. */
  bytes: Buffer = Buffer.alloc(0);
  /** Column (1-based, in characters) of the element's '<'. */
  column = 0;
  /** Attributes of the line last read. */
  count = 0;
  readonly valueStart = new Int32Array(MAX_ATTRIBUTES);
  readonly valueEnd = new Int32Array(MAX_ATTRIBUTES);
  /** 1 when the value holds a reference (its bytes are not its text as they are). */
  readonly hasReference = new Uint8Array(MAX_ATTRIBUTES);
  /** 1 when the value holds a byte a JSON string escapes (`"` or `\\`; the reader takes no control characters). */
  readonly hasJsonEscape = new Uint8Array(MAX_ATTRIBUTES);
  /** Surrogate pairs written as two references in the line last read (the prefilter counts them as joined). */
  joinedPairs = 0;
  /**
   * The attribute names, in order, of the last element read. The elements of a backup nearly
   * all have the same names in the same order; an element that has them is read without
   * making or checking its names again.
   */
  names: string[] = [];
  private readonly nameBytes: Buffer[] = [];
  /** Incremented whenever `names` changes, so callers can cache where an attribute is. */
  namesVersion = 0;
  /** What scanValue found in the value it scanned last. */
  private scannedReferences = false;
  private scannedJsonEscapes = false;
  private scannedPairs = 0;

  /** Index of the attribute called `name` in the line last read, or -1. */
  indexOf(name: string): number {
    return this.names.indexOf(name);
  }

  /**
   * Reads the line `bytes[start, end)` (`end` just after its line feed); true when it is a
   * plain sms element, false when the text path must read it.
   */
  read(bytes: Buffer, start: number, end: number): boolean {
    if (end - start > MAX_PLAIN_SMS_BYTES || bytes[end - 1] !== LINE_FEED) return false;
    let position = start;
    while (bytes[position] === SPACE || bytes[position] === TAB) position += 1;
    if (!startsWith(bytes, position, OPENING)) return false;
    this.column = position - start + 1;
    position += OPENING.length - 1;
    let count = 0;
    let pairs = 0;
    let namesChanged = false;
    for (;;) {
      let spaced = false;
      while (bytes[position] === SPACE) {
        spaced = true;
        position += 1;
      }
      if (bytes[position] === SLASH) {
        if (bytes[position + 1] !== GREATER || count === 0) return namesChanged ? this.forget() : false;
        position += 2;
        break;
      }
      if (!spaced || count === MAX_ATTRIBUTES) return namesChanged ? this.forget() : false;
      // The name the element before had here, followed by '=': that name again (a name ends at
      // the first byte that is not a name character; '=' is not one).
      const sameAsBefore = !namesChanged && this.isNameAt(count, bytes, position);
      const nameStart = position;
      if (sameAsBefore) position += this.nameBytes[count]?.length ?? 0;
      else {
        if (((NAME_CHARACTERS[bytes[position] ?? 0] ?? 0) & NAME_START) === 0) return namesChanged ? this.forget() : false;
        do position += 1;
        while (((NAME_CHARACTERS[bytes[position] ?? 0] ?? 0) & NAME_PART) !== 0);
        if (bytes[position] !== EQUALS) return namesChanged ? this.forget() : false;
      }
      if (!sameAsBefore) {
        if (!namesChanged) {
          this.names = this.names.slice(0, count);
          this.nameBytes.length = count;
          namesChanged = true;
        }
        const name = bytes.toString('latin1', nameStart, position);
        // A plain object's names are what the record reads; one it already answers to
        // (toString, __proto__) or a second of the same name is left to saxes.
        if (name in Object.prototype || this.names.includes(name)) return this.forget();
        this.names.push(name);
        this.nameBytes.push(Buffer.from(bytes.subarray(nameStart, position)));
      }
      const quote = bytes[position + 1];
      if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) return namesChanged ? this.forget() : false;
      const valueStart = position + 2;
      const close = this.scanValue(bytes, valueStart, quote, end);
      if (close < 0) return namesChanged ? this.forget() : false;
      this.valueStart[count] = valueStart;
      this.valueEnd[count] = close;
      this.hasReference[count] = this.scannedReferences ? 1 : 0;
      this.hasJsonEscape[count] = this.scannedJsonEscapes ? 1 : 0;
      pairs += this.scannedPairs;
      count += 1;
      position = close + 1;
    }
    // Nothing but spaces or tabs after the element, then the line's end.
    while (bytes[position] === SPACE || bytes[position] === TAB) position += 1;
    if (bytes[position] === CARRIAGE_RETURN) position += 1;
    if (position !== end - 1) return namesChanged ? this.forget() : false;
    if (!namesChanged && count !== this.names.length) {
      this.names = this.names.slice(0, count);
      this.nameBytes.length = count;
      namesChanged = true;
    }
    if (namesChanged) this.namesVersion += 1;
    this.bytes = bytes;
    this.count = count;
    this.joinedPairs = pairs;
    return true;
  }

  /** The value of attribute `index` as a string (references read). */
  value(index: number, scratch: ByteScratch): string {
    const start = this.valueStart[index] ?? 0;
    const end = this.valueEnd[index] ?? 0;
    if (this.hasReference[index] === 0) return this.bytes.toString('utf8', start, end);
    const from = scratch.used;
    this.writeValue(index, scratch, false);
    const value = scratch.bytes.toString('utf8', from, scratch.used);
    scratch.used = from;
    return value;
  }

  /** The value of attribute `index` as `value` gives it, the same string each time it recurs. */
  recurringValue(index: number, strings: RecurringStrings, scratch: ByteScratch): string {
    if (this.hasReference[index] !== 0) return this.value(index, scratch);
    return strings.text(this.bytes, this.valueStart[index] ?? 0, this.valueEnd[index] ?? 0);
  }

  /** Whether attribute `index` reads exactly as `text` (ASCII) does, without making its string. */
  valueIs(index: number, text: string): boolean {
    const start = this.valueStart[index] ?? 0;
    if (this.hasReference[index] !== 0 || (this.valueEnd[index] ?? 0) - start !== text.length) return false;
    for (let at = 0; at < text.length; at += 1) if (this.bytes[start + at] !== text.charCodeAt(at)) return false;
    return true;
  }

  /** Writes the value's text as UTF-8 (references read), escaped for a JSON string when `json`. */
  writeValue(index: number, out: ByteScratch, json: boolean): void {
    const bytes = this.bytes;
    const start = this.valueStart[index] ?? 0;
    const end = this.valueEnd[index] ?? 0;
    if (this.hasReference[index] === 0 && (!json || this.hasJsonEscape[index] === 0)) {
      out.bytesIn(bytes, start, end);
      return;
    }
    out.reserve((end - start) * 2);
    for (let at = start; at < end; ) {
      const code = bytes[at] ?? 0;
      if (code === AMPERSAND) {
        at = writeReference(bytes, at, out, json);
        continue;
      }
      const escape = json ? JSON_ESCAPES.get(code) : undefined;
      if (escape === undefined) {
        out.bytes[out.used] = code;
        out.used += 1;
      } else {
        out.ascii(escape);
      }
      at += 1;
    }
  }

  /** The line cannot be read here; the names it changed are not the previous element's any more. */
  private forget(): false {
    this.names = [];
    this.nameBytes.length = 0;
    this.namesVersion += 1;
    return false;
  }

  /** Whether the line holds the `index`th name of the element before at `start`, followed by '='. */
  private isNameAt(index: number, bytes: Buffer, start: number): boolean {
    const known = this.nameBytes[index];
    if (known === undefined || bytes[start + known.length] !== EQUALS) return false;
    for (let at = 0; at < known.length; at += 1) if (known[at] !== bytes[start + at]) return false;
    return true;
  }

  /**
   * Finds the quote that closes the value starting at `start` and checks the bytes before it:
   * -1 when the text path must read the value (or the line ends first: its line feed is a
   * control character), else the quote's index, with scannedReferences and scannedPairs set.
   * One loop instead of indexOf and a check: most values are a few bytes, where a native call
   * costs more than the loop.
   */
  private scanValue(bytes: Buffer, start: number, quote: number, end: number): number {
    this.scannedReferences = false;
    this.scannedJsonEscapes = false;
    this.scannedPairs = 0;
    for (let at = start; at < end; at += 1) {
      const code = bytes[at] ?? 0;
      if (VALUE_BYTES[code] === ORDINARY) continue;
      if (code === quote) return at;
      if (code < 0x20 || code === LESS) return -1;
      if (code === DOUBLE_QUOTE || code === BACKSLASH) this.scannedJsonEscapes = true;
      // U+FFFE and U+FFFF (EF BF BE, EF BF BF): characters XML forbids.
      if (code === 0xef && bytes[at + 1] === 0xbf && ((bytes[at + 2] ?? 0) & 0xfe) === 0xbe) return -1;
      if (code === AMPERSAND) {
        const reference = readReference(bytes, at, end);
        if (reference === null) return -1;
        this.scannedReferences = true;
        if (reference.pair) this.scannedPairs += 1;
        at = reference.next - 1;
      }
    }
    return -1;
  }
}

function startsWith(bytes: Buffer, at: number, prefix: Buffer): boolean {
  for (let index = 0; index < prefix.length; index += 1) if (bytes[at + index] !== prefix[index]) return false;
  return true;
}
