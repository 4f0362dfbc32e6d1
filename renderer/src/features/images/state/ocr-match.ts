import type { OcrWordBox } from '../../../../../shared/domain/image.ts';
import { parseQuery, termMatches } from '../../../../../shared/search/query.ts';
import type { QueryTerm } from '../../../../../shared/search/query.ts';
import { queryWordVariants } from '../../../../../shared/search/query-variants.ts';
import { foldedWords, wordsWithRanges } from '../../../../../shared/text/fold.ts';
import { phoneTokens } from '../../../../../shared/text/phone.ts';
import type { Range } from '../../../app/HighlightedText.tsx';

/** A phone number in a screenshot is split over several OCR words ("+40", "721", "000", "111"). */
const MAX_PHONE_PARTS = 6;
const PHONE_TERM = /^tel\d+$/u;
const HAS_DIGIT = /\p{N}/u;

/**
 * Decides which words of an image's OCR text the current search matched, folding like the index
 * so "pasaport" marks "Pașaport" and a Latin query marks the Cyrillic spelling, as search does.
 * Filters (sender:, lang:...) and concepts say nothing about single words and are ignored.
 */
export interface OcrMatcher {
  /** One flag per token: the token (alone or as part of a phone number) matched. */
  matchTokens(tokens: readonly string[]): boolean[];
}

export function buildMatcher(query: string): OcrMatcher | null {
  let terms: QueryTerm[];
  try {
    terms = parseQuery(query, { variants: queryWordVariants }).groups.flatMap((group) => group.alternatives);
  } catch {
    return null;
  }
  const wordTerms = terms.filter((term) => !PHONE_TERM.test(term.word));
  const phoneTerms = new Set(terms.filter((term) => PHONE_TERM.test(term.word)).map((term) => term.word));
  if (wordTerms.length === 0 && phoneTerms.size === 0) return null;

  const wordMatches = (token: string): boolean => foldedWords(token).some((word) => wordTerms.some((term) => termMatches(term, word)));

  return {
    matchTokens(tokens) {
      const flags = tokens.map(wordMatches);
      if (phoneTerms.size === 0) return flags;
      for (let start = 0; start < tokens.length; start++) {
        let joined = '';
        for (let end = start; end < Math.min(tokens.length, start + MAX_PHONE_PARTS); end++) {
          const token = tokens[end] ?? '';
          if (!HAS_DIGIT.test(token)) break;
          joined = joined === '' ? token : `${joined} ${token}`;
          if (phoneTokens(joined).some((found) => phoneTerms.has(found))) for (let index = start; index <= end; index++) flags[index] = true;
        }
      }
      return flags;
    },
  };
}

export function matchWords(matcher: OcrMatcher | null, words: readonly OcrWordBox[]): boolean[] {
  return matcher === null ? words.map(() => false) : matcher.matchTokens(words.map((word) => word.text));
}

/** UTF-16 ranges of the matched words of a text, for <HighlightedText>. */
export function matchRanges(matcher: OcrMatcher | null, text: string): Range[] {
  if (matcher === null) return [];
  const words = wordsWithRanges(text);
  const flags = matcher.matchTokens(words.map((word) => text.slice(word.start, word.end)));
  return words.filter((_, index) => flags[index] === true).map((word): Range => [word.start, word.end]);
}

export function textMatches(matcher: OcrMatcher | null, text: string | null): boolean {
  return text !== null && matchRanges(matcher, text).length > 0;
}
