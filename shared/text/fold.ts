import { FNV_OFFSET, hashStep, WordTable } from './word-table.ts';

/**
 * Folding and word splitting shared by indexing, querying, highlighting and the marker rules,
 * so that a query typed without diacritics or in another case finds the text as written:
 * NFKC, lower case, combining marks removed, a few letters that do not decompose mapped by hand.
 */
/**
 * Accents are dropped where people routinely type without them (Latin incl. Vietnamese, Greek,
 * Cyrillic, Arabic harakat, Hebrew niqqud); in Thai, Devanagari and other abugidas the marks
 * are the vowels themselves and must stay. The marker scanner folds the same (shared/markers/scan.ts).
 */
const MARKS_FOLD_AFTER = '\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}\\p{Script=Arabic}\\p{Script=Hebrew}';
/** A letter of a script whose combining marks fold away. */
export const MARK_FOLDING_LETTER = new RegExp(`^[${MARKS_FOLD_AFTER}]$`, 'u');
const COMBINING_MARKS = new RegExp(`(?<=[${MARKS_FOLD_AFTER}]\\p{M}*)\\p{M}+`, 'gu');
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
  ð: 'd',
};
const UNFOLDABLE = /[łđøßæœıþð]/g;
/**
 * Invisible format characters a word runs through (Unicode word boundaries, UAX #29 rule WB4:
 * Word_Break=Format is ignored inside a word): direction marks (LRM, RLM, ALM), bidi embeddings
 * and isolates, the word joiner and invisible operators, BOMs, the soft hyphen. Chat exports keep
 * them where the writer or the app put them, sometimes inside a word ("pașa\u200fport"); a word
 * is folded without them, so a query typed without them finds it. ZWSP, ZWNJ and ZWJ are not
 * here: ZWSP separates words, ZWNJ and ZWJ are part of how some scripts and emoji are written.
 */
const IGNORABLE_IN_WORD = /[\u00ad\u061c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/** True for a code unit that a word runs through and folding drops (see IGNORABLE_IN_WORD). */
export function isIgnorableInWord(code: number): boolean {
  return (
    code === 0x00ad ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

const ASCII_LOWER_OR_DIGIT = /^[a-z0-9_]*$/u;
const ASCII_WORD = /^[A-Za-z0-9_]*$/u;
/** Chat text repeats the same words endlessly; folding each distinct word once pays for the cache many times over. */
const WORD_CACHE_LIMIT = 200_000;
const foldedWordCache = new Map<string, string>();
const wordTable = new WordTable(foldText);

export function foldText(text: string): string {
  if (ASCII_LOWER_OR_DIGIT.test(text)) return text;
  if (ASCII_WORD.test(text)) return text.toLowerCase();
  return foldUnicode(text);
}

/** foldText for a single word, memoised. */
export function foldWord(word: string): string {
  let folded = foldedWordCache.get(word);
  if (folded === undefined) {
    folded = foldText(word);
    if (foldedWordCache.size >= WORD_CACHE_LIMIT) foldedWordCache.clear();
    foldedWordCache.set(word, folded);
  }
  return folded;
}

function foldUnicode(text: string): string {
  return text
    .replace(IGNORABLE_IN_WORD, '')
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(UNFOLDABLE, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? letter)
    .normalize('NFC');
}

/**
 * Word characters in any script, running through invisible format characters between them (a
 * word never starts or ends with one); emoji are words of their own so "🙈" can be searched.
 */
const WORD =
  /[\p{L}\p{M}\p{N}_]+(?:[\u00ad\u061c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+[\p{L}\p{M}\p{N}_]+)*|\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic})*/gu;
/** Scripts written without spaces between words: split them with Intl.Segmenter. */
// Plain code point ranges (Thai, Lao, Myanmar, Khmer, Kana, CJK) test far faster than \p{Script=...}.
const UNSPACED_SCRIPT = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud87f]/u;

let segmenter: Intl.Segmenter | null = null;

export interface WordRange {
  word: string;
  start: number;
  end: number;
}

/** Folded words of `text` with their UTF-16 [start, end) ranges in the ORIGINAL text. */
export function wordsWithRanges(text: string): WordRange[] {
  const words: WordRange[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const raw = match[0];
    if (UNSPACED_SCRIPT.test(raw)) {
      segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
      for (const segment of segmenter.segment(raw)) {
        if (segment.isWordLike !== true) continue;
        words.push({ word: foldWord(segment.segment), start: start + segment.index, end: start + segment.index + segment.segment.length });
      }
      continue;
    }
    words.push({ word: foldWord(raw), start, end: start + raw.length });
  }
  return words;
}

/**
 * The folded words of a text, without ranges: the hot path of indexing. Splits the text as
 * written with a character-class table (several times faster than a Unicode-property regex) and
 * folds each word through a memo looked up by the span's hash (see word-table.ts), so a word
 * seen before costs no string at all. It yields the same words as wordsWithRanges.
 */
export function foldedWords(text: string): string[] {
  if (UNSPACED_SCRIPT.test(text)) return wordsWithRanges(text).map((range) => range.word);
  const classes = characterClasses();
  const words: string[] = [];
  // The current word is text[start, end): `end` is just after its last word character, so
  // format characters it ran through at its end stay out; `hash` covers text[start, index),
  // `endHash` text[start, end).
  let start = -1;
  let end = -1;
  let hash = FNV_OFFSET;
  let endHash = FNV_OFFSET;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      // Astral plane: emoji are words of their own, other letters (rare scripts) join words.
      const pair = text.slice(index, index + 2);
      if (PICTOGRAPHIC.test(pair)) {
        if (start !== -1) words.push(wordTable.lookup(text, start, end, endHash));
        start = -1;
        let emojiEnd = index + 2;
        while (text.charCodeAt(emojiEnd) === 0x200d && PICTOGRAPHIC.test(text.slice(emojiEnd + 1, emojiEnd + 3))) emojiEnd += 3;
        words.push(foldWord(text.slice(index, emojiEnd)));
        index = emojiEnd - 1;
        continue;
      }
      if (ASTRAL_WORD.test(pair)) {
        if (start === -1) {
          start = index;
          hash = FNV_OFFSET;
        }
        hash = hashStep(hashStep(hash, code), text.charCodeAt(index + 1));
        index++;
        end = index + 1;
        endHash = hash;
        continue;
      }
    }
    const kind = classes[code];
    if (kind === WORD_CHARACTER) {
      if (start === -1) {
        start = index;
        hash = FNV_OFFSET;
      }
      hash = hashStep(hash, code);
      end = index + 1;
      endHash = hash;
    } else if (start !== -1) {
      if (kind === INSIDE_WORD) {
        hash = hashStep(hash, code);
        continue;
      }
      words.push(wordTable.lookup(text, start, end, endHash));
      start = -1;
    }
  }
  if (start !== -1) words.push(wordTable.lookup(text, start, end, endHash));
  return words;
}

const PICTOGRAPHIC = /^\p{Extended_Pictographic}/u;
const ASTRAL_WORD = /^[\p{L}\p{M}\p{N}]/u;
const BMP_WORD = /[\p{L}\p{M}\p{N}_]/u;
const WORD_CHARACTER = 1;
/** A format character: part of a word when a word character follows it (isIgnorableInWord). */
const INSIDE_WORD = 2;
let classTable: Uint8Array | null = null;

/** The class of every BMP code unit (0: between words), built once from the Unicode properties. */
function characterClasses(): Uint8Array {
  if (classTable !== null) return classTable;
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (BMP_WORD.test(String.fromCharCode(code))) table[code] = WORD_CHARACTER;
    else if (isIgnorableInWord(code)) table[code] = INSIDE_WORD;
  }
  classTable = table;
  return table;
}
