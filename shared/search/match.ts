import { wordsWithRanges } from '../text/fold.ts';
import type { ParsedQuery } from './query.ts';
import { termMatches } from './query.ts';

/**
 * Checks a candidate from the index against the whole query (phrases, exclusions) and returns
 * the ranges to highlight, or null when the text does not satisfy the query. The index narrows
 * candidates; this is the authority on what a hit is.
 */
export function matchText(query: ParsedQuery, text: string): [number, number][] | null {
  const words = wordsWithRanges(text);
  for (const excluded of query.excluded) {
    if (words.some(({ word }) => termMatches(excluded, word))) return null;
  }
  const highlights: [number, number][] = [];
  for (const term of query.required) {
    const hits = words.filter(({ word }) => termMatches(term, word));
    if (hits.length === 0) return null;
    for (const hit of hits) highlights.push([hit.start, hit.end]);
  }
  for (const phrase of query.phrases) {
    if (!containsSequence(words.map(({ word }) => word), phrase)) return null;
  }
  return mergeRanges(highlights);
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
