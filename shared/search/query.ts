import { AppError } from '../errors.ts';
import { foldedWords } from '../text/fold.ts';

/**
 * The search query language (first slice): words (all must match), "exact phrases", -exclusion
 * and prefix* terms. Words are folded the same way as the index (see text/fold.ts).
 */
export interface QueryTerm {
  word: string;
  prefix: boolean;
}

export interface ParsedQuery {
  /** Every required term, phrases included word by word. */
  required: QueryTerm[];
  /** Phrases as folded word sequences; a hit must contain each sequence contiguously. */
  phrases: string[][];
  excluded: QueryTerm[];
}

const MAX_TERMS = 32;
const TOKEN = /(-?)"([^"]*)"?|(-?)(\S+)/gu;

export function parseQuery(input: string): ParsedQuery {
  const query: ParsedQuery = { required: [], phrases: [], excluded: [] };
  for (const match of input.matchAll(TOKEN)) {
    const [, phraseNegation, phrase, wordNegation, bare] = match;
    if (phrase !== undefined) {
      const words = foldedWords(phrase);
      if (words.length === 0) continue;
      if (phraseNegation === '-') {
        for (const word of words) query.excluded.push({ word, prefix: false });
      } else {
        query.phrases.push(words);
        for (const word of words) query.required.push({ word, prefix: false });
      }
      continue;
    }
    if (bare === undefined) continue;
    const prefix = bare.endsWith('*');
    const words = foldedWords(bare);
    words.forEach((word, index) => {
      const term = { word, prefix: prefix && index === words.length - 1 };
      if (wordNegation === '-') query.excluded.push(term);
      else query.required.push(term);
    });
  }
  if (query.required.length + query.excluded.length > MAX_TERMS) {
    throw new AppError('E_QUERY_SYNTAX', `A query may hold at most ${MAX_TERMS} terms`);
  }
  return query;
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.required.length === 0;
}

export function termMatches(term: QueryTerm, word: string): boolean {
  return term.prefix ? word.startsWith(term.word) : word === term.word;
}
