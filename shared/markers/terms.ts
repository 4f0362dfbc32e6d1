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
  /** Folded as messages are (shared/text/fold.ts). */
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
      words.push({ raw: part, folded: foldText(part), prefix: prefix && index === parts.length - 1, number: false });
    });
    const last = words[words.length - 1];
    if (prefix && last !== undefined && [...last.folded].length < MIN_STEM) {
      return { words, error: `stem "${piece}" is shorter than ${MIN_STEM} letters` };
    }
  }
  if (words.length === 0) return { words, error: 'empty term' };
  return { words };
}
