/**
 * Tokens and term syntax shared by the rule compiler and the matcher, so a term in a pack is
 * cut into words exactly as a message is.
 *
 * Term syntax (see README.md): words separated by spaces; a trailing `*` makes the word a stem
 * (prefix) of at least MIN_STEM letters; `#num` stands for any number; punctuation inside a
 * term separates words as it does in messages ("check-in" = "check" "in").
 */
import { foldText } from '../text/fold.ts';

/**
 * Arabic letters folded for matching only (search keeps shared/text/fold.ts): chat writes
 * ta marbuta as ha and alef maqsura as ya (or the reverse), stretches words with tatweel, and
 * Persian keyboards give ی and ک; Arabic-Indic and Eastern Arabic-Indic digits are digits.
 * Alef with hamza or madda (أ إ آ) and harakat already fold to bare letters in foldText.
 * Every mapping is one code point to at most one, so the scanner can apply it per character.
 */
const MARKER_LETTERS: Readonly<Record<string, string>> = {
  '\u0629': '\u0647', // ة → ه
  '\u0649': '\u064a', // ى → ي
  '\u06cc': '\u064a', // ی → ي
  '\u06a9': '\u0643', // ک → ك
  '\u0671': '\u0627', // ٱ → ا
  '\u0640': '', // tatweel
  ...Object.fromEntries(Array.from({ length: 10 }, (_, digit) => [String.fromCharCode(0x0660 + digit), String(digit)])),
  ...Object.fromEntries(Array.from({ length: 10 }, (_, digit) => [String.fromCharCode(0x06f0 + digit), String(digit)])),
};
const MARKER_LETTER = /[\u0629\u0649\u06cc\u06a9\u0671\u0640\u0660-\u0669\u06f0-\u06f9]/gu;
const HAS_MARKER_LETTER = /[\u0629\u0649\u06cc\u06a9\u0671\u0640\u0660-\u0669\u06f0-\u06f9]/u;

/** foldText, then the Arabic letter folding the tagger applies to terms and messages alike. */
export function foldForMarkers(text: string): string {
  const folded = foldText(text);
  return HAS_MARKER_LETTER.test(folded) ? folded.replace(MARKER_LETTER, (letter) => MARKER_LETTERS[letter] ?? letter) : folded;
}

/**
 * A word as in shared/text/fold.ts (letters, marks, digits, _), or one currency sign, `%` or
 * pictograph (emoji), which rules may name: "€", "😂".
 */
export const TOKEN_SOURCE = String.raw`[\p{L}\p{M}\p{N}_]+|[\p{Sc}%]|\p{Extended_Pictographic}`;
const TOKEN = new RegExp(TOKEN_SOURCE, 'gu');

/** Stems shorter than this match too many unrelated words. */
export const MIN_STEM = 3;
export const NUMBER_TERM = '#num';

export interface TermWord {
  /** Lower-cased, not folded: transliteration needs й, ё, ї before folding removes them. */
  raw: string;
  /** Folded as messages are (foldForMarkers). */
  folded: string;
  prefix: boolean;
  number: boolean;
}

export interface ParsedTerm {
  words: TermWord[];
  error?: string;
}

function tokens(text: string): string[] {
  return Array.from(text.matchAll(TOKEN), (match) => match[0]);
}

/** Parses one term of a pack; `error` explains what is wrong with it. */
export function parseTerm(text: string): ParsedTerm {
  const words: TermWord[] = [];
  for (const piece of text.trim().split(/\s+/)) {
    if (piece === NUMBER_TERM) {
      words.push({ raw: piece, folded: piece, prefix: false, number: true });
      continue;
    }
    const prefix = piece.endsWith('*');
    const body = prefix ? piece.slice(0, -1) : piece;
    if (body.includes('*')) return { words, error: `"*" may only end a word ("${piece}")` };
    if (body.includes('#')) return { words, error: `"#" is only allowed in ${NUMBER_TERM} ("${piece}")` };
    const parts = tokens(body.normalize('NFC').toLowerCase());
    if (parts.length === 0) return { words, error: `"${piece}" contains no word` };
    parts.forEach((part, index) => {
      words.push({ raw: part, folded: foldForMarkers(part), prefix: prefix && index === parts.length - 1, number: false });
    });
    const last = words[words.length - 1];
    if (prefix && last !== undefined && [...last.folded].length < MIN_STEM) {
      return { words, error: `stem "${piece}" is shorter than ${MIN_STEM} letters` };
    }
  }
  if (words.length === 0) return { words, error: 'empty term' };
  return { words };
}
