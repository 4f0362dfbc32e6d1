import { describe, expect, it } from 'vitest';
import { importTaskSummary } from '../../../engine/engine.ts';

describe('importTaskSummary', () => {
  it('regression: groups counts and says "source" and "issue" for one ("1 of 1 sources imported, 300000 messages, 1 issues")', () => {
    expect(importTaskSummary(1, { sources: 1, messages: 300_000, issues: 1 })).toBe('1 of 1 source imported, 300,000 messages, 1 issue');
    expect(importTaskSummary(8, { sources: 10, messages: 528, issues: 4 })).toBe('8 of 10 sources imported, 528 messages, 4 issues');
    expect(importTaskSummary(0, { sources: 1_200, messages: 1, issues: 0 })).toBe('0 of 1,200 sources imported, 1 message, 0 issues');
  });
});
