import type { Range } from '../../../app/HighlightedText.tsx';

const SNIPPET_LENGTH = 280;
const CONTEXT_BEFORE = 70;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A window of `text` around the first highlight, with the ranges moved into it. */
export function makeSnippet(text: string, highlights: readonly Range[]): { text: string; ranges: Range[] } {
  if (text.length <= SNIPPET_LENGTH) return { text, ranges: [...highlights] };
  const firstStart = Math.min(...highlights.map(([start]) => start), text.length);
  let start = Math.max(0, Math.min(firstStart - CONTEXT_BEFORE, text.length - SNIPPET_LENGTH));
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  // Never cut an astral character (emoji, rare CJK) in half.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  const ranges = highlights
    .filter(([rangeStart, rangeEnd]) => rangeEnd > start && rangeStart < end)
    .map(([rangeStart, rangeEnd]): Range => [Math.max(rangeStart, start) + shift, Math.min(rangeEnd, end) + shift]);
  return { text: prefix + text.slice(start, end) + suffix, ranges };
}
