import type { SourceProgress, SourceProgressState } from './task.ts';

/** What each state is called on screen and in the terminal. */
export const SOURCE_STATE_LABELS: Record<SourceProgressState, string> = {
  queued: 'queued',
  hashing: 'hashing',
  reading: 'reading',
  storing: 'storing',
  'detecting-languages': 'detecting languages',
  tagging: 'looking for indicators',
  'verifying-hash': 'verifying hash',
  done: 'imported',
  failed: 'failed',
  cancelled: 'cancelled',
  'already-imported': 'already imported',
  skipped: 'skipped',
};

const FINAL_STATES: ReadonlySet<SourceProgressState> = new Set(['done', 'failed', 'cancelled', 'already-imported', 'skipped']);

/** A source in one of these states will not change again (and cannot be cancelled). */
export function isFinalSourceState(state: SourceProgressState): boolean {
  return FINAL_STATES.has(state);
}

/**
 * Share of a source's work each step stands for, so one bar can run from 0 to 1 across all of
 * them. Reading (parse + store) dominates; hashing and verifying read the bytes once more each.
 */
const STEP_SPANS: Partial<Record<SourceProgressState, readonly [start: number, end: number]>> = {
  hashing: [0, 0.1],
  reading: [0.1, 0.7],
  storing: [0.7, 0.75],
  'detecting-languages': [0.75, 0.87],
  tagging: [0.87, 0.97],
  'verifying-hash': [0.97, 1],
};

/** How far a source has come, 0..1: 1 once it needs nothing more, 0 when it never started or stopped. */
export function sourceFraction(source: SourceProgress): number {
  if (source.state === 'done' || source.state === 'already-imported' || source.state === 'skipped') return 1;
  const span = STEP_SPANS[source.state];
  if (span === undefined) return 0;
  const [start, end] = span;
  return start + (end - start) * stepFraction(source);
}

function stepFraction(source: SourceProgress): number {
  // Hashing, reading and verifying each go through the source's bytes once.
  if (source.state === 'reading' || source.state === 'hashing' || source.state === 'verifying-hash') return ratio(source.bytesDone, source.bytesTotal);
  if (source.state === 'detecting-languages' || source.state === 'tagging') return ratio(source.messagesDone, source.messages + source.unparsed);
  return 0;
}

function ratio(done: number, total: number): number {
  return total <= 0 ? 0 : Math.max(0, Math.min(1, done / total));
}
