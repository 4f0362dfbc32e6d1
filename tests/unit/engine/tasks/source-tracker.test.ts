import { describe, expect, it } from 'vitest';
import { SourceTracker } from '../../../../engine/tasks/source-tracker.ts';
import { sourceFraction } from '../../../../shared/domain/source-progress.ts';

function tracker(): { tracker: SourceTracker; task: AbortController; changes: () => number } {
  const task = new AbortController();
  let changes = 0;
  return { tracker: new SourceTracker(task.signal, () => changes++), task, changes: () => changes };
}

describe('SourceTracker', () => {
  it('lists sources in order, queued, with their size as the byte total', () => {
    const { tracker: sources } = tracker();
    expect(sources.add('/evidence/a.txt', 10)).toBe(0);
    expect(sources.add('/evidence/б.zip', 20)).toBe(1);
    expect(sources.snapshot().map(({ index, path, state, bytesTotal, format }) => ({ index, path, state, bytesTotal, format }))).toEqual([
      { index: 0, path: '/evidence/a.txt', state: 'queued', bytesTotal: 10, format: null },
      { index: 1, path: '/evidence/б.zip', state: 'queued', bytesTotal: 20, format: null },
    ]);
  });

  it('cancels one source without touching the others or the task', () => {
    const { tracker: sources, task } = tracker();
    for (const name of ['a', 'b', 'c']) sources.add(`/e/${name}`, 1);
    const b = sources.signal(1);
    expect(sources.cancel(1)).toBe(true);
    expect(b.aborted).toBe(true);
    expect(sources.cancelledAlone(1)).toBe(true);
    expect(sources.signal(0).aborted).toBe(false);
    expect(sources.signal(2).aborted).toBe(false);
    expect(task.signal.aborted).toBe(false);
    expect(sources.cancel(1)).toBe(false);
  });

  it('cancelling the task aborts every source, none of them alone', () => {
    const { tracker: sources, task } = tracker();
    sources.add('/e/a', 1);
    sources.add('/e/b', 1);
    const first = sources.signal(0);
    task.abort();
    expect(first.aborted).toBe(true);
    expect(sources.signal(1).aborted).toBe(true);
    expect(sources.cancelledAlone(0)).toBe(false);
  });

  it('refuses to cancel a source that has ended or does not exist', () => {
    const { tracker: sources } = tracker();
    sources.add('/e/a', 1);
    sources.update(0, { state: 'done', messages: 4 });
    expect(sources.cancel(0)).toBe(false);
    expect(sources.cancel(7)).toBe(false);
  });

  it('keeps a final state: late progress from a worker cannot revive a cancelled source', () => {
    const { tracker: sources, changes } = tracker();
    sources.add('/e/a', 100);
    sources.update(0, { state: 'reading', bytesDone: 10 });
    sources.update(0, { state: 'cancelled', error: { code: 'E_CANCELLED', message: 'cancelled by the user' } });
    const before = changes();
    sources.update(0, { state: 'reading', bytesDone: 90 });
    expect(sources.get(0)).toMatchObject({ state: 'cancelled', bytesDone: 10 });
    expect(changes()).toBe(before);
  });

  it('hands out copies, so a published update cannot change under its reader', () => {
    const { tracker: sources } = tracker();
    sources.add('/e/a', 100);
    const first = sources.snapshot();
    sources.update(0, { state: 'reading', bytesDone: 50, issueSamples: [{ place: 'a:1', reason: 'x' }] });
    expect(first[0]).toMatchObject({ state: 'queued', bytesDone: 0, issueSamples: [] });
  });
});

describe('sourceFraction', () => {
  it('runs from 0 to 1 across the steps and never goes back when a step starts', () => {
    const { tracker: sources } = tracker();
    sources.add('/e/a', 1000);
    const at = (patch: Parameters<SourceTracker['update']>[1]): number => {
      sources.update(0, patch);
      return sourceFraction(sources.get(0));
    };
    const fractions = [
      at({ state: 'queued' }),
      at({ state: 'hashing' }),
      at({ state: 'reading', bytesDone: 0 }),
      at({ state: 'reading', bytesDone: 500 }),
      at({ state: 'storing', bytesDone: 1000 }),
      at({ state: 'detecting-languages', messages: 40, unparsed: 0, messagesDone: 0 }),
      at({ state: 'detecting-languages', messagesDone: 40 }),
      at({ state: 'tagging', messagesDone: 20 }),
      at({ state: 'verifying-hash' }),
      at({ state: 'done' }),
    ];
    expect(fractions[0]).toBe(0);
    expect(fractions[3]).toBeCloseTo(0.4);
    expect(fractions.at(-1)).toBe(1);
    for (let index = 1; index < fractions.length; index++) expect(fractions[index]).toBeGreaterThanOrEqual(fractions[index - 1] ?? 0);
  });
});

describe('source activity while bytes are read', () => {
  it('shows hashing and verifying progress and the messages read so far', async () => {
    const { sourceActivity } = await import('../../../../shared/domain/source-progress-text.ts');
    const { tracker: sources } = tracker();
    sources.add('/e/a', 2_000_000);
    sources.update(0, { state: 'hashing', bytesDone: 1_000_000 });
    expect(sourceFraction(sources.get(0))).toBeCloseTo(0.05);
    expect(sourceActivity(sources.get(0))).toBe('hashing 976.6 KB of 1.9 MB');
    sources.update(0, { state: 'reading', bytesDone: 500_000, messages: 1234 });
    expect(sourceActivity(sources.get(0))).toMatch(/1,234 messages so far/u);
    sources.update(0, { state: 'verifying-hash', bytesDone: 2_000_000 });
    expect(sourceFraction(sources.get(0))).toBeCloseTo(1);
  });
});
