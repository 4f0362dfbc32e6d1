import type { ReactNode } from 'react';

export type Range = [number, number];

/** Sorts, clamps and merges [start, end) UTF-16 ranges so they can be cut out of `length` units. */
export function normaliseRanges(ranges: readonly Range[], length: number): Range[] {
  const clamped = ranges
    .map(([start, end]): Range => [Math.max(0, Math.min(start, length)), Math.max(0, Math.min(end, length))])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const range of clamped) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** Text with the matched ranges wrapped in <mark>; React escapes every part. */
export function HighlightedText({ text, ranges }: { text: string; ranges: readonly Range[] }): ReactNode {
  const parts: ReactNode[] = [];
  let position = 0;
  for (const [start, end] of normaliseRanges(ranges, text.length)) {
    if (start > position) parts.push(text.slice(position, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    position = end;
  }
  if (position < text.length) parts.push(text.slice(position));
  return <>{parts}</>;
}
