import { describe, expect, it } from 'vitest';
import { medianRun } from '../../../scripts/bench/import-bench.ts';

function run(messages: number, seconds: number): { messages: number; unparsed: number; seconds: { total: number }; peakRssMb: number } {
  return { messages, unparsed: 0, seconds: { total: seconds }, peakRssMb: 100 };
}

describe('the import benchmark checks the median run', () => {
  it('takes the middle run by messages per second, not the fastest, the slowest or the last', () => {
    const runs = [run(1_000_000, 8), run(1_000_000, 12), run(1_000_000, 10)];
    expect(medianRun(runs).seconds.total).toBe(10);
  });

  it('takes the slower middle run of an even count', () => {
    const runs = [run(1_000_000, 8), run(1_000_000, 9), run(1_000_000, 11), run(1_000_000, 12)];
    expect(medianRun(runs).seconds.total).toBe(11);
  });

  it('ranks by rate, so a run of more messages in the same time counts as faster', () => {
    const runs = [run(900_000, 10), run(1_000_000, 10), run(1_100_000, 10)];
    expect(medianRun(runs).messages).toBe(1_000_000);
  });

  it('refuses to make a figure from no runs', () => {
    expect(() => medianRun([])).toThrow(/no runs/);
  });
});
