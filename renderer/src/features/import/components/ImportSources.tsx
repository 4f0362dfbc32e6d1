import { useState } from 'react';
import type { SourceProgress, TaskView } from '../../../../../shared/domain/task.ts';
import { isFinalSourceState } from '../../../../../shared/domain/source-progress.ts';
import { api } from '../../../api/client.ts';
import { describeError, formatNumber } from '../../../app/format.ts';
import { importTally, sourceName } from '../../../../../shared/domain/source-progress-text.ts';
import { SourceProgressRow } from './SourceProgressRow.tsx';

/** Rows drawn for a big import (a folder of thousands of screenshots) until the user asks for all. */
const ROWS_SHOWN = 100;
/** Finished rows kept above the one in progress, so what just ended stays in view. */
const ROWS_BEFORE_CURRENT = 10;

/**
 * The sources of an import task, each with its own bar and Cancel while the task runs, counts and
 * issues once finished, and "Retry failed" when some failed (those of this import; the sources
 * panel retries every failed source of the case). A source the user cancelled is not retried with
 * them; its row offers "Import again" instead.
 */
export function ImportSources({ task, onCancelSource }: { task: TaskView; onCancelSource: (taskId: string, index: number) => void }) {
  const [showAll, setShowAll] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const sources = task.sources ?? [];
  if (sources.length === 0) return null;
  const running = task.state === 'RUNNING';
  const shown = showAll ? sources : visibleWindow(sources);
  const retryable = !running && sources.some(isRetryable);

  async function retryFailed(): Promise<void> {
    try {
      // This import's failed sources only: another import's failures have their own summary.
      const result = await api.invoke('import.retryFailed', { paths: sources.filter(isRetryable).map((source) => source.path) });
      setNotice(result.paths.length === 0 ? 'No failed source can be read again (moved, or imported since).' : `Retrying ${formatNumber(result.paths.length)} source(s).`);
    } catch (caught) {
      setNotice(describeError(caught));
    }
  }

  async function importAgain(source: SourceProgress): Promise<void> {
    try {
      // As it was declared: the same device, and the same zone and day/month order, or its times would shift.
      const declared = {
        ...(source.device === null ? {} : { device: source.device }),
        ...(source.timeZone === null ? {} : { timeZone: source.timeZone }),
        ...(source.dateOrder === null ? {} : { dateOrder: source.dateOrder }),
        // A CSV file is recognised by its mapping: without it, it was imported again as "not recognised".
        ...(source.csvMapping === null ? {} : { csvMapping: source.csvMapping }),
      };
      await api.invoke('import.start', { paths: [source.path], ...declared });
      setNotice(`Importing ${sourceName(source)} again.`);
    } catch (caught) {
      setNotice(describeError(caught));
    }
  }

  return (
    <div className="import-sources" data-testid="import-sources">
      <p className="import-tally muted" data-testid="import-tally" aria-live="polite">
        {importTally(sources)}
      </p>
      <ul aria-label={`Sources of ${task.title}`}>
        {shown.map((source) => (
          <SourceProgressRow key={source.index} source={source} onCancel={running ? (index) => onCancelSource(task.id, index) : null} onImportAgain={running ? null : (ended) => void importAgain(ended)} />
        ))}
      </ul>
      {shown.length < sources.length && (
        <button type="button" className="link small" onClick={() => setShowAll(true)}>
          Show all {formatNumber(sources.length)} sources
        </button>
      )}
      {retryable && (
        <button type="button" className="small" data-testid="import-retry-failed" onClick={() => void retryFailed()}>
          Retry failed
        </button>
      )}
      {notice !== null && <p className="muted small-text">{notice}</p>}
    </div>
  );
}

/**
 * A failed source the case recorded (its content was recognised, then reading it failed): the
 * only kind "Retry failed" reads again. A file refused before that (no export, empty, unreadable)
 * keeps its reason in its row; offering to retry it would only answer that nothing can be retried.
 */
function isRetryable(source: SourceProgress): boolean {
  return source.state === 'failed' && source.sourceId !== null;
}

/** At most ROWS_SHOWN rows, starting a little before the first source still in progress. */
function visibleWindow(sources: SourceProgress[]): SourceProgress[] {
  if (sources.length <= ROWS_SHOWN) return sources;
  const current = sources.findIndex((source) => !isFinalSourceState(source.state));
  const start = current === -1 ? 0 : Math.max(0, Math.min(current - ROWS_BEFORE_CURRENT, sources.length - ROWS_SHOWN));
  return sources.slice(start, start + ROWS_SHOWN);
}
