/**
 * Text folded for matching WhatsApp's own wordings: lower case, NFC. Every message body is
 * compared with dozens of localised wordings (placeholders.ts), so the common case, text that
 * cannot be one of them, is told cheaply.
 */

const FIRST_COMBINING_MARK = 0x0300;
const FIRST_NON_ASCII = 0x80;
const ASCII_UPPER_A = 0x41;
const ASCII_UPPER_Z = 0x5a;
const ASCII_CASE_BIT = 0x20;

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

function asciiLower(code: number): number {
  return code >= ASCII_UPPER_A && code <= ASCII_UPPER_Z ? code | ASCII_CASE_BIT : code;
}

/**
 * The first two chars of a set of folded texts, for a quick "cannot be one of them": a text
 * whose first two chars are ASCII folds to text starting with them lower-cased, unless a
 * combining mark follows the second (NFC may join the two). Other texts are always "may be".
 */
export class FoldedStarts {
  private readonly pairs = new Uint8Array(FIRST_NON_ASCII * FIRST_NON_ASCII);

  /** A text of one char (or none) has no first two: then every text may start like it. */
  private readonly anyShort: boolean;

  constructor(folded: Iterable<string>) {
    let anyShort = false;
    for (const text of folded) {
      const first = text.charCodeAt(0);
      const second = text.charCodeAt(1);
      if (text.length < 2) anyShort = true;
      else if (first < FIRST_NON_ASCII && second < FIRST_NON_ASCII) this.pairs[first * FIRST_NON_ASCII + second] = 1;
    }
    this.anyShort = anyShort;
  }

  /** False when `text` cannot fold to any of the texts; true when it may. */
  mayStart(text: string): boolean {
    if (text.length < 2 || this.anyShort) return true;
    const first = text.charCodeAt(0);
    const second = text.charCodeAt(1);
    if (first >= FIRST_NON_ASCII || second >= FIRST_NON_ASCII) return true;
    if (text.length > 2 && text.charCodeAt(2) >= FIRST_COMBINING_MARK) return true;
    return this.pairs[asciiLower(first) * FIRST_NON_ASCII + asciiLower(second)] === 1;
  }
}

/** Chars below U+0300 lower-cased one by one, or NO_SINGLE_LOWER where that makes more than one char (U+0130). */
const LOWER_BELOW_COMBINING = new Uint16Array(FIRST_COMBINING_MARK);
const NO_SINGLE_LOWER = 0xffff;
for (let code = 0; code < FIRST_COMBINING_MARK; code += 1) {
  const lower = String.fromCharCode(code).toLowerCase();
  LOWER_BELOW_COMBINING[code] = lower.length === 1 && lower.charCodeAt(0) < FIRST_COMBINING_MARK ? lower.charCodeAt(0) : NO_SINGLE_LOWER;
}

/**
 * The last two chars of a set of folded texts, for a quick "cannot end like any of them": two
 * chars below U+0300 end the text's fold as they are, lower-cased one by one (no combining
 * mark to join, no context-dependent case such as a final sigma). Other endings are "may be".
 */
export class FoldedEnds {
  private readonly pairs = new Set<number>();
  /** A text of one char (or none) has no last two: then every text may end like it. */
  private readonly anyShort: boolean;

  constructor(folded: Iterable<string>) {
    let anyShort = false;
    for (const text of folded) {
      const last = text.length - 1;
      if (last >= 1) this.pairs.add(text.charCodeAt(last - 1) * FIRST_COMBINING_MARK + text.charCodeAt(last));
      else anyShort = true;
    }
    this.anyShort = anyShort;
  }

  /** False when `text` cannot fold to text ending like any of the texts; true when it may. */
  mayEnd(text: string): boolean {
    const last = text.length - 1;
    if (last < 1 || this.anyShort) return true;
    const before = text.charCodeAt(last - 1);
    const end = text.charCodeAt(last);
    if (before >= FIRST_COMBINING_MARK || end >= FIRST_COMBINING_MARK) return true;
    const lowerBefore = LOWER_BELOW_COMBINING[before] ?? NO_SINGLE_LOWER;
    const lowerEnd = LOWER_BELOW_COMBINING[end] ?? NO_SINGLE_LOWER;
    if (lowerBefore === NO_SINGLE_LOWER || lowerEnd === NO_SINGLE_LOWER) return true;
    return this.pairs.has(lowerBefore * FIRST_COMBINING_MARK + lowerEnd);
  }
}
