/**
 * Unicode hygiene for WhatsApp exports (FORMATS.md §0.3 and §1.5 step 2).
 *
 * Matching runs on a normalised copy of the header prefix; the original text is kept for
 * display. The normalised copy carries a map back to original indices so that the
 * timestamp text and the body can be cut from the original line.
 */

/** Direction marks, embeddings, isolates, the Arabic letter mark, ZWSP and BOMs. */
const INVISIBLE_MARKS = /[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/g;
const HAS_INVISIBLE_MARK = /[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/;

/**
 * Removes invisible direction marks and BOMs; everything else is kept as written. For matching
 * copies only (placeholders, notices, sender names): a message body keeps its marks.
 */
export function removeInvisibleMarks(value: string): string {
  return HAS_INVISIBLE_MARK.test(value) ? value.replace(INVISIBLE_MARKS, '') : value;
}

const LEFT_TO_RIGHT_MARK = 0x200e;
const RIGHT_TO_LEFT_MARK = 0x200f;
const ARABIC_LETTER_MARK = 0x061c;
const BYTE_ORDER_MARK = 0xfeff;

/**
 * The marks WhatsApp writes at the start of its own wording: an LRM or RLM (ALM in Arabic
 * locales) before iOS notices and placeholders (`: \u200eimage omitted`, `] \u200eYou created
 * group`), Android attachment lines (`: \u200ePTT-….opus (file attached)`), and the stray BOMs
 * some exports carry. Embeddings (LRE…PDF around a phone number) open a pair and are not here.
 */
function isOpeningMark(code: number): boolean {
  return code === LEFT_TO_RIGHT_MARK || code === RIGHT_TO_LEFT_MARK || code === ARABIC_LETTER_MARK || code === BYTE_ORDER_MARK;
}

/** `text` split into the opening marks (see isOpeningMark) and the rest, both as written. */
export function splitOpeningMarks(text: string): { marks: string; rest: string } {
  let index = 0;
  while (index < text.length && isOpeningMark(text.charCodeAt(index))) {
    index += 1;
  }
  return index === 0 ? { marks: '', rest: text } : { marks: text.slice(0, index), rest: text.slice(index) };
}

/** Marks as code points for a reader ("U+200E U+200E"): they are invisible when printed. */
export function describeMarks(marks: string): string {
  return [...marks].map((mark) => `U+${(mark.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

/** True for a char that only steers bidi layout or is a BOM. */
export function isInvisibleMark(code: number): boolean {
  return (
    code === 0x200b ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x061c ||
    code === 0xfeff
  );
}

/** Digit blocks that exports write instead of ASCII digits: [first code point, block]. */
const DIGIT_BLOCK_STARTS: readonly number[] = [
  0x0660, // Arabic-Indic
  0x06f0, // Extended Arabic-Indic (Persian, Urdu)
  0x0966, // Devanagari
  0x09e6, // Bengali
  0x1040, // Myanmar (my writes its dates in them: ၂၈/၁/၂၃)
  0xff10, // Fullwidth
];
const DIGITS_PER_BLOCK = 10;
const ASCII_ZERO = 0x30;
const ARABIC_COMMA = 0x060c;
const FIRST_NON_ASCII_CANDIDATE = 0x00a0;

function mapDigit(code: number): number {
  for (const start of DIGIT_BLOCK_STARTS) {
    if (code >= start && code < start + DIGITS_PER_BLOCK) {
      return ASCII_ZERO + (code - start);
    }
  }
  return -1;
}

/** NBSP, narrow NBSP, figure/thin and the other fixed-width spaces. */
function isSpaceLike(code: number): boolean {
  return code === 0x00a0 || code === 0x202f || (code >= 0x2000 && code <= 0x200a) || code === 0x3000;
}

/**
 * A normalised header prefix. When `offsets` is null the prefix is the original text from
 * `shift` on (the common case: at most some leading marks, no allocation beyond a slice);
 * otherwise offsets[i] is the original index of char i and offsets[text.length] the
 * original index just after the last consumed char.
 */
export interface NormalisedPrefix {
  text: string;
  offsets: number[] | null;
  shift: number;
}

/** True for a char that normalisation changes or drops. */
function isNormalisable(code: number): boolean {
  return (
    code >= FIRST_NON_ASCII_CANDIDATE &&
    (isInvisibleMark(code) || isSpaceLike(code) || code === ARABIC_COMMA || mapDigit(code) !== -1)
  );
}

/** Index of the first char in [start, end) that normalisation changes, or -1. */
export function findNormalisable(line: string, start: number, end: number): number {
  for (let index = start; index < end; index += 1) {
    if (isNormalisable(line.charCodeAt(index))) {
      return index;
    }
  }
  return -1;
}

/** Index of the first char that is not an invisible mark. */
export function skipInvisibleMarks(line: string, start: number): number {
  let index = start;
  while (index < line.length && isInvisibleMark(line.charCodeAt(index))) {
    index += 1;
  }
  return index;
}

/** True for ASCII digits and the other digit blocks exports use. */
export function isDigitCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= FIRST_NON_ASCII_CANDIDATE && mapDigit(code) !== -1);
}

/**
 * Normalises line[start, end): drops invisible marks, maps odd spaces to U+0020,
 * non-ASCII digits to ASCII and the Arabic comma to ','.
 */
export function normaliseRange(line: string, start: number, end: number): NormalisedPrefix {
  if (findNormalisable(line, start, end) === -1) {
    return { text: line.slice(start, end), offsets: null, shift: start };
  }
  let text = '';
  const offsets: number[] = [];
  for (let index = start; index < end; index += 1) {
    const code = line.charCodeAt(index);
    if (code < FIRST_NON_ASCII_CANDIDATE) {
      text += line.charAt(index);
      offsets.push(index);
      continue;
    }
    if (isInvisibleMark(code)) {
      continue;
    }
    const digit = mapDigit(code);
    if (digit !== -1) {
      text += String.fromCharCode(digit);
    } else if (isSpaceLike(code)) {
      text += ' ';
    } else if (code === ARABIC_COMMA) {
      text += ',';
    } else {
      text += line.charAt(index);
    }
    offsets.push(index);
  }
  offsets.push(end);
  return { text, offsets, shift: start };
}

/** Original index of normalised index `index`. */
export function originalIndex(prefix: NormalisedPrefix, index: number): number {
  if (prefix.offsets === null) {
    return index + prefix.shift;
  }
  return prefix.offsets[index] ?? prefix.offsets[prefix.offsets.length - 1] ?? index;
}

/**
 * Original index just after normalised char `index - 1`: used for the end of a span, so
 * invisible marks that follow the span's last char stay outside it.
 */
export function originalEndIndex(prefix: NormalisedPrefix, index: number): number {
  if (prefix.offsets === null) {
    return index + prefix.shift;
  }
  if (index === 0) {
    return originalIndex(prefix, 0);
  }
  const last = prefix.offsets[index - 1];
  return last === undefined ? originalIndex(prefix, index) : last + 1;
}
