import { describe, expect, it } from 'vitest';
import { createMarkerTagger, MARKER_IDS } from '../../../../shared/markers/index.ts';
import { DEFAULT_DEV_SET, evaluate, readLabelledLines, TARGETS } from '../../../../scripts/eval-markers.ts';

/** The targets on the labelled dev set, so CI fails when a rule change regresses them. */
describe('dev-set evaluation', () => {
  const result = evaluate(readLabelledLines(DEFAULT_DEV_SET), createMarkerTagger());

  it('reaches the micro-F1 target', () => {
    expect(result.micro.f1).toBeGreaterThanOrEqual(TARGETS.microF1);
  });

  it.each(MARKER_IDS)('recalls %s often enough', (marker) => {
    expect(result.perMarker[marker]?.recall).toBeGreaterThanOrEqual(TARGETS.markerRecall);
  });

  it('keeps false positives on unlabelled lines low', () => {
    expect(result.negativeFalsePositiveRate).toBeLessThanOrEqual(TARGETS.negativeFalsePositiveRate);
  });

  it('reports no missed target', () => {
    expect(result.failures).toEqual([]);
  });
});
