/**
 * Folding used by indexing, querying and highlighting alike, so that a query typed without
 * diacritics or in another case finds the text as written: NFKC, lower case, combining marks
 * removed, a few letters that do not decompose mapped by hand.
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

/** Word characters: letters, marks, numbers in any script; everything else separates words. */
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;

/** Folded words of `text` with their UTF-16 [start, end) ranges in the ORIGINAL text. */
export function wordsWithRanges(text: string): { word: string; start: number; end: number }[] {
  const words: { word: string; start: number; end: number }[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    words.push({ word: foldText(match[0]), start, end: start + match[0].length });
  }
  return words;
}

export function foldedWords(text: string): string[] {
  const words: string[] = [];
  for (const match of foldText(text).matchAll(WORD)) words.push(match[0]);
  return words;
}
