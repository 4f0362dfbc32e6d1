import type { SourceProgress } from '../../shared/domain/task.ts';
import { isFinalSourceState } from '../../shared/domain/source-progress.ts';
import { BugError } from '../../shared/errors.ts';

/** What a caller may change about a source; its index and path are fixed at the start. */
export type SourceProgressPatch = Partial<Omit<SourceProgress, 'index' | 'path'>>;

interface TrackedSource {
  progress: SourceProgress;
  /** Aborted when the user cancels this source alone. */
  own: AbortController;
  /** own + the task's signal, made on first use. */
  combined: AbortSignal | null;
}

/**
 * The per-source side of an import task: each source's progress, and a cancel of its own that
 * stops that source only while the task's cancel still stops them all. A source that reached a
 * final state keeps it: late progress from a worker cannot bring it back to life.
 */
export class SourceTracker {
  private readonly sources: TrackedSource[] = [];

  constructor(
    private readonly taskSignal: AbortSignal,
    private readonly changed: () => void,
  ) {}

  /** Adds a source in state 'queued' (or the state given, for one rejected before it could start); returns its index. */
  add(path: string, size: number, initial: SourceProgressPatch = {}): number {
    const index = this.sources.length;
    this.sources.push({
      progress: { index, path, format: null, size, state: 'queued', bytesDone: 0, bytesTotal: size, messages: 0, unparsed: 0, attachments: 0, messagesDone: 0, issues: 0, issueSamples: [], error: null, sourceId: null, device: null, timeZone: null, dateOrder: null, csvMapping: null, ...initial },
      own: new AbortController(),
      combined: null,
    });
    this.changed();
    return index;
  }

  get(index: number): SourceProgress {
    return { ...this.entry(index).progress };
  }

  update(index: number, patch: SourceProgressPatch): void {
    const { progress } = this.entry(index);
    if (isFinalSourceState(progress.state)) return;
    Object.assign(progress, patch);
    this.changed();
  }

  /** The signal the work on this source must honour: aborted by its own cancel or the task's. */
  signal(index: number): AbortSignal {
    const entry = this.entry(index);
    entry.combined ??= AbortSignal.any([this.taskSignal, entry.own.signal]);
    return entry.combined;
  }

  /** Cancels one source (queued or in progress); false when there is no such source or it already ended. */
  cancel(index: number): boolean {
    const entry = this.sources[index];
    if (entry === undefined || isFinalSourceState(entry.progress.state) || entry.own.signal.aborted) return false;
    entry.own.abort();
    this.changed();
    return true;
  }

  /** True when this source alone was cancelled (not the whole task). */
  cancelledAlone(index: number): boolean {
    return this.entry(index).own.signal.aborted;
  }

  snapshot(): SourceProgress[] {
    return this.sources.map(({ progress }) => ({ ...progress, issueSamples: [...progress.issueSamples] }));
  }

  get size(): number {
    return this.sources.length;
  }

  private entry(index: number): TrackedSource {
    const entry = this.sources[index];
    if (entry === undefined) throw new BugError(`No source ${index} in this import (it has ${this.sources.length})`);
    return entry;
  }
}
