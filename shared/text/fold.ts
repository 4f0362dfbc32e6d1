import { FNV_OFFSET, hashStep, WordTable } from './word-table.ts';

/**
 * Folding and word splitting shared by indexing, querying, highlighting and the marker rules,
 * so that a query typed without diacritics or in another case finds the text as written:
 * NFKC, lower case, combining marks removed, a few letters that do not decompose mapped by hand.
 */
/**
 * Accents are dropped where people routinely type without them (Latin incl. Vietnamese, Greek,
 * Cyrillic, Arabic harakat, Hebrew niqqud); in Thai, Devanagari and other abugidas the marks
 * are the vowels themselves and must stay.
 */
const COMBINING_MARKS = /(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}]\p{M}*)\p{M}+/gu;
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
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(UNFOLDABLE, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? letter)
    .normalize('NFC');
}

/** Word characters in any script; emoji are words of their own so "🙈" can be searched. */
const WORD = /[\p{L}\p{M}\p{N}_]+|\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic})*/gu;
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
  let start = -1;
  let hash = FNV_OFFSET;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      // Astral plane: emoji are words of their own, other letters (rare scripts) join words.
      const pair = text.slice(index, index + 2);
      if (PICTOGRAPHIC.test(pair)) {
        if (start !== -1) words.push(wordTable.lookup(text, start, index, hash));
        start = -1;
        let end = index + 2;
        while (text.charCodeAt(end) === 0x200d && PICTOGRAPHIC.test(text.slice(end + 1, end + 3))) end += 3;
        words.push(foldWord(text.slice(index, end)));
        index = end - 1;
        continue;
      }
      if (ASTRAL_WORD.test(pair)) {
        if (start === -1) {
          start = index;
          hash = FNV_OFFSET;
        }
        hash = hashStep(hashStep(hash, code), text.charCodeAt(index + 1));
        index++;
        continue;
      }
    }
    if (classes[code] === 1) {
      if (start === -1) {
        start = index;
        hash = FNV_OFFSET;
      }
      hash = hashStep(hash, code);
    } else if (start !== -1) {
      words.push(wordTable.lookup(text, start, index, hash));
      start = -1;
    }
  }
  if (start !== -1) words.push(wordTable.lookup(text, start, text.length, hash));
  return words;
}

const PICTOGRAPHIC = /^\p{Extended_Pictographic}/u;
const ASTRAL_WORD = /^[\p{L}\p{M}\p{N}]/u;
const BMP_WORD = /[\p{L}\p{M}\p{N}_]/u;
let classTable: Uint8Array | null = null;

/** 1 for every BMP code unit that belongs to a word, built once from the Unicode properties. */
function characterClasses(): Uint8Array {
  if (classTable !== null) return classTable;
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (BMP_WORD.test(String.fromCharCode(code))) table[code] = 1;
  }
  classTable = table;
  return table;
}
