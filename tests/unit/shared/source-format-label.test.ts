import { describe, expect, it } from 'vitest';
import { SourceTracker } from '../../../engine/tasks/source-tracker.ts';
import { sourceFormatLabel } from '../../../shared/domain/source-progress-text.ts';
import type { SourceProgress, SourceProgressState } from '../../../shared/domain/task.ts';

function source(state: SourceProgressState, format: string | null): SourceProgress {
  const sources = new SourceTracker(new AbortController().signal, () => undefined);
  sources.add('/evidence/WhatsApp Chat with C.txt', 10);
  const [queued] = sources.snapshot();
  if (queued === undefined) throw new Error('no source');
  return { ...queued, state, format };
}

describe('sourceFormatLabel', () => {
  it('regression: a source cancelled before it was read is "not checked", not "not recognised"', () => {
    // Cancelling an import with files still queued listed them as "not recognised", as if they
    // were no export Threadline reads.
    expect(sourceFormatLabel(source('cancelled', null))).toBe('not checked');
    expect(sourceFormatLabel(source('cancelled', 'whatsapp-txt'))).toBe('whatsapp-txt');
  });

  it('is the format once detected, "…" while it may still be, "not recognised" for a source that failed without one', () => {
    expect(sourceFormatLabel(source('reading', 'telegram-json'))).toBe('telegram-json');
    expect(sourceFormatLabel(source('queued', null))).toBe('…');
    expect(sourceFormatLabel(source('hashing', null))).toBe('…');
    expect(sourceFormatLabel(source('failed', null))).toBe('not recognised');
  });
});
