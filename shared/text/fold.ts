/**
 * Folding and word splitting shared by indexing, querying, highlighting and the marker rules,
 * so that a query typed without diacritics or in another case finds the text as written:
 * NFKC, lower case, combining marks removed, a few letters that do not decompose mapped by hand.
 */
const COMBINING_MARKS = /\p{M}+/gu;
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

export function foldText(text: string): string {
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
const UNSPACED_SCRIPT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

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
        words.push({ word: foldText(segment.segment), start: start + segment.index, end: start + segment.index + segment.segment.length });
      }
      continue;
    }
    words.push({ word: foldText(raw), start, end: start + raw.length });
  }
  return words;
}

export function foldedWords(text: string): string[] {
  return wordsWithRanges(text).map((range) => range.word);
}
