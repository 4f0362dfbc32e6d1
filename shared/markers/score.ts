/**
 * Scoring (applied in match.ts). Each matched rule is independent evidence with a weight in
 * [0, 1]; a marker's score is their noisy-or, 1 − Π(1 − weight), so two weak cues
 * (0.35 + 0.35 → 0.58) can pass where one cannot, and repeating one rule adds nothing. Benign
 * context multiplies the score by the smallest factor among the suppressions that matched. A
 * marker is reported when its score reaches the pack's threshold.
 */
export const DEFAULT_THRESHOLD = 0.5;

/** Scores are reported with this many decimals so output is stable across platforms. */
const SCORE_DECIMALS = 3;

export function roundScore(score: number): number {
  const scale = 10 ** SCORE_DECIMALS;
  return Math.round(score * scale) / scale;
}

/** Sorted, merged [start, end) ranges. */
export function mergeSpans(spans: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
