import type { SourceProgress, TaskView } from '../../shared/domain/task.ts';
import { SOURCE_STATE_LABELS, isFinalSourceState, sourceFraction } from '../../shared/domain/source-progress.ts';
import { sourceActivity, sourceCounts, sourceName } from '../../shared/domain/source-progress-text.ts';
import { createProgressPrinter } from '../progress.ts';

const BAR_WIDTH = 30;
const DEFAULT_COLUMNS = 100;
/** Wide enough for "already imported", the longest final state. */
const STATE_COLUMN = 17;

export interface ProgressPrinter {
  update(task: TaskView): void;
  finish(): void;
}

/**
 * Progress of `threadline import` on stderr. On a terminal each source gets a line when it ends
 * (state, name, format, counts or reason) under a redrawn bar for the source being read; piped,
 * and for every other task, the plain progress of cli/progress.ts. stdout is never touched.
 */
export function createImportProgressPrinter(stream: NodeJS.WriteStream = process.stderr): ProgressPrinter {
  const general = createProgressPrinter(stream);
  if (stream.isTTY !== true) return general;
  const printed = new Map<string, Set<number>>();
  let barShown = false;
  let lastBar = '';
  const width = (): number => (stream.columns ?? DEFAULT_COLUMNS) - 1;

  function writeLine(text: string): void {
    stream.write(`\r${text.slice(0, width()).padEnd(width())}\n`);
    barShown = false;
  }

  return {
    update(task) {
      if (task.kind !== 'import' || task.sources === undefined) {
        // The general printer redraws the same line, so the import's bar is no longer ours to clear.
        if (task.state === 'RUNNING') barShown = false;
        general.update(task);
        return;
      }
      const done = printed.get(task.id) ?? new Set<number>();
      printed.set(task.id, done);
      for (const source of task.sources) {
        if (!isFinalSourceState(source.state) || done.has(source.index)) continue;
        done.add(source.index);
        writeLine(finishedLine(source));
      }
      if (task.state !== 'RUNNING') return;
      const current = task.sources.find((source) => !isFinalSourceState(source.state) && source.state !== 'queued');
      const bar = (current === undefined ? overallLine(task) : barLine(current, task.sources.length)).slice(0, width()).padEnd(width());
      if (barShown && bar === lastBar) return;
      stream.write(`\r${bar}`);
      lastBar = bar;
      barShown = true;
    },
    finish() {
      if (barShown) stream.write(`\r${''.padEnd(width())}\r`);
      general.finish();
    },
  };
}

/** "imported          chat.txt  whatsapp-txt  9 messages · 2 issues" */
export function finishedLine(source: SourceProgress): string {
  const counts = sourceCounts(source);
  const reason = source.state === 'done' ? '' : (source.error?.message ?? source.issueSamples[0]?.reason ?? '');
  const detail = [counts, reason].filter((part) => part !== '').join(' · ');
  return `${SOURCE_STATE_LABELS[source.state].padEnd(STATE_COLUMN)} ${sourceName(source)}  ${source.format ?? '-'}${detail === '' ? '' : `  ${detail}`}`;
}

/** "[#########.....................]  30% 2/3 big.txt: reading 1.2 MB of 11.3 MB" */
export function barLine(source: SourceProgress, count: number): string {
  const fraction = sourceFraction(source);
  const filled = Math.round(fraction * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${`${Math.round(fraction * 100)}%`.padStart(4)} ${source.index + 1}/${count} ${sourceName(source)}: ${sourceActivity(source)}`;
}

function overallLine(task: TaskView): string {
  return task.total === null ? task.stage : `${task.stage} (${task.done} of ${task.total})`;
}
