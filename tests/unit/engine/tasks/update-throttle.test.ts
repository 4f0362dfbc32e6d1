import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UpdateThrottle } from '../../../../engine/tasks/update-throttle.ts';
import { updateIntervalMs } from '../../../../engine/tasks/task-manager.ts';

describe('UpdateThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('publishes the first request at once and collapses a burst into one trailing publish', async () => {
    const published: number[] = [];
    let state = 0;
    const throttle = new UpdateThrottle(() => published.push(state), () => 100);
    state = 1;
    throttle.request();
    await Promise.resolve();
    expect(published).toEqual([1]);
    for (state = 2; state <= 50; state++) throttle.request();
    state = 50;
    await Promise.resolve();
    expect(published).toEqual([1]);
    vi.advanceTimersByTime(100);
    expect(published).toEqual([1, 50]);
  });

  it('sends changes made in the same step together', async () => {
    const published: string[] = [];
    let overall = 'hashing';
    let source = 'hashing';
    const throttle = new UpdateThrottle(() => published.push(`${overall}/${source}`), () => 100);
    overall = 'reading';
    throttle.request();
    source = 'reading';
    throttle.request();
    await Promise.resolve();
    expect(published).toEqual(['reading/reading']);
  });

  it('sends at most 10 updates a second however often progress is reported', async () => {
    let count = 0;
    const throttle = new UpdateThrottle(() => count++, () => 100);
    // One report per millisecond for a second: a parser reporting per batch on a fast machine.
    for (let ms = 0; ms < 1000; ms++) {
      throttle.request();
      await Promise.resolve();
      vi.advanceTimersByTime(1);
    }
    expect(count).toBeGreaterThanOrEqual(9);
    expect(count).toBeLessThanOrEqual(11);
  });

  it('never loses the newest state: a flush publishes now and drops the pending trailing publish', async () => {
    const published: string[] = [];
    let state = 'start';
    const throttle = new UpdateThrottle(() => published.push(state), () => 100);
    throttle.request();
    await Promise.resolve();
    state = 'reading';
    throttle.request();
    state = 'done';
    throttle.flush();
    vi.advanceTimersByTime(500);
    expect(published).toEqual(['start', 'done']);
  });

  it('asks for the interval on every request, so it can grow with the payload', async () => {
    let interval = 100;
    let count = 0;
    const throttle = new UpdateThrottle(() => count++, () => interval);
    throttle.request();
    await Promise.resolve();
    interval = 1000;
    throttle.request();
    vi.advanceTimersByTime(999);
    expect(count).toBe(1);
    vi.advanceTimersByTime(1);
    expect(count).toBe(2);
  });
});

describe('updateIntervalMs', () => {
  it('is 100 ms for an ordinary import and grows, bounded, with the number of sources carried', () => {
    expect(updateIntervalMs(0)).toBe(100);
    expect(updateIntervalMs(3)).toBeLessThan(110);
    expect(updateIntervalMs(1000)).toBe(600);
    expect(updateIntervalMs(1_000_000)).toBe(2000);
  });
});
