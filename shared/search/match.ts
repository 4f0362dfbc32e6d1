import { phoneTokens } from '../text/phone.ts';
import { wordsWithRanges } from '../text/fold.ts';
import type { ParsedQuery } from './query.ts';
import { termMatches } from './query.ts';

/**
 * Checks a text against the word part of a query (groups, phrases, exclusions) and returns the
 * ranges to highlight, or null when it does not match. Filters are checked elsewhere (on the
 * index's metadata); this decides what a textual hit is and where it is.
 */
export function matchText(query: ParsedQuery, text: string): [number, number][] | null {
  const words = wordsWithRanges(text);
  const phones = phoneTokens(text);
  const isHit = (term: { word: string; prefix: boolean }, word: string): boolean => termMatches(term, word);
  for (const excluded of query.excluded) {
    if (words.some(({ word }) => isHit(excluded, word)) || phones.includes(excluded.word)) return null;
  }
  const highlights: [number, number][] = [];
  for (const group of query.groups) {
    let matched = false;
    for (const term of group.alternatives) {
      for (const range of words) {
        if (!isHit(term, range.word)) continue;
        matched = true;
        highlights.push([range.start, range.end]);
      }
      if (!matched && phones.includes(term.word)) {
        matched = true;
        highlights.push(...phoneRanges(text));
      }
    }
    if (!matched) return null;
  }
  for (const phrase of query.phrases) {
    if (!containsSequence(words.map(({ word }) => word), phrase)) return null;
  }
  return mergeRanges(highlights);
}

const PHONE_RUN = /\+?\(?\p{N}[\p{N}\s().\-/\u00a0\u202f\u200e\u200f\u061c]{5,}\p{N}/gu;

function phoneRanges(text: string): [number, number][] {
  return [...text.matchAll(PHONE_RUN)].map((match) => [match.index, match.index + match[0].length]);
}

function containsSequence(words: string[], sequence: string[]): boolean {
  outer: for (let start = 0; start + sequence.length <= words.length; start++) {
    for (let offset = 0; offset < sequence.length; offset++) {
      if (words[start + offset] !== sequence[offset]) continue outer;
    }
    return true;
  }
  return false;
}

export function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
