/**
 * Text folded for matching WhatsApp's own wordings: lower case, NFC. Every message body is
 * compared with dozens of localised wordings (placeholders.ts), so the common case, text that
 * cannot be one of them, is told cheaply.
 */

const FIRST_COMBINING_MARK = 0x0300;
const FIRST_NON_ASCII = 0x80;
const ASCII_UPPER_A = 0x41;
const ASCII_UPPER_Z = 0x5a;

/**
 * Lower case, NFC. Text below U+0300 skips normalisation (nothing there composes or decomposes
 * on its own); lower-case ASCII is returned as it is, without the copy toLowerCase makes (most
 * last words of messages, which are checked against the omitted-media wordings).
 */
export function fold(value: string): string {
  let lower = true;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code >= FIRST_COMBINING_MARK) return value.normalize('NFC').toLowerCase();
    if (code >= FIRST_NON_ASCII || (code >= ASCII_UPPER_A && code <= ASCII_UPPER_Z)) lower = false;
  }
  return lower ? value : value.toLowerCase();
}

/** Chars below U+0300 lower-cased one by one, or NO_SINGLE_LOWER where that makes more than one char (U+0130). */
const LOWER_BELOW_COMBINING = new Uint16Array(FIRST_COMBINING_MARK);
const NO_SINGLE_LOWER = 0xffff;
for (let code = 0; code < FIRST_COMBINING_MARK; code += 1) {
  const lower = String.fromCharCode(code).toLowerCase();
  LOWER_BELOW_COMBINING[code] = lower.length === 1 && lower.charCodeAt(0) < FIRST_COMBINING_MARK ? lower.charCodeAt(0) : NO_SINGLE_LOWER;
}

/** Two chars as one number once each is lower-cased, or -1 when their fold cannot be told so. */
function loweredPair(first: number, second: number): number {
  if (first >= FIRST_COMBINING_MARK || second >= FIRST_COMBINING_MARK) return -1;
  const lowerFirst = LOWER_BELOW_COMBINING[first] ?? NO_SINGLE_LOWER;
  const lowerSecond = LOWER_BELOW_COMBINING[second] ?? NO_SINGLE_LOWER;
  return lowerFirst === NO_SINGLE_LOWER || lowerSecond === NO_SINGLE_LOWER ? -1 : lowerFirst * FIRST_COMBINING_MARK + lowerSecond;
}

/**
 * The first and last two chars of a set of folded texts, for a quick "cannot be one of them".
 * Two chars below U+0300 fold to themselves lower-cased one by one (no context-dependent case
 * such as a final sigma), unless a combining mark follows them, which NFC may join: at a text's
 * end nothing follows, at its start the third char is checked. Anything else is "may be".
 */
export class FoldedEdges {
  private readonly starts = new Set<number>();
  private readonly ends = new Set<number>();
  /** A text of one char (or none) has no first or last two: then every text may be like it. */
  private readonly anyShort: boolean;

  constructor(folded: Iterable<string>) {
    let anyShort = false;
    for (const text of folded) {
      if (text.length < 2) {
        anyShort = true;
        continue;
      }
      const last = text.length - 1;
      this.starts.add(text.charCodeAt(0) * FIRST_COMBINING_MARK + text.charCodeAt(1));
      this.ends.add(text.charCodeAt(last - 1) * FIRST_COMBINING_MARK + text.charCodeAt(last));
    }
    this.anyShort = anyShort;
  }

  /** False when `text` cannot fold to text starting like any of the texts; true when it may. */
  mayStart(text: string): boolean {
    if (text.length < 2 || this.anyShort) return true;
    if (text.length > 2 && text.charCodeAt(2) >= FIRST_COMBINING_MARK) return true;
    const pair = loweredPair(text.charCodeAt(0), text.charCodeAt(1));
    return pair === -1 || this.starts.has(pair);
  }

  /** False when `text` cannot fold to text ending like any of the texts; true when it may. */
  mayEnd(text: string): boolean {
    const last = text.length - 1;
    if (last < 1 || this.anyShort) return true;
    const pair = loweredPair(text.charCodeAt(last - 1), text.charCodeAt(last));
    return pair === -1 || this.ends.has(pair);
  }
}
