import type { SourceProgress } from '../../../../../shared/domain/task.ts';
import { isFinalSourceState, sourceFraction } from '../../../../../shared/domain/source-progress.ts';
import { sourceActivity, sourceCounts, sourceFormatLabel, sourceName } from '../../../../../shared/domain/source-progress-text.ts';

/**
 * One source of an import: name (any script, any direction), detected format, what it is doing,
 * its own bar and Cancel while it can still be stopped; counts, issues or the error once it ended,
 * and "Import again" once a cancelled source can be imported after all.
 */
export function SourceProgressRow({ source, onCancel, onImportAgain }: { source: SourceProgress; onCancel: ((index: number) => void) | null; onImportAgain: ((source: SourceProgress) => void) | null }) {
  const name = sourceName(source);
  const final = isFinalSourceState(source.state);
  const percent = Math.round(sourceFraction(source) * 100);
  const activity = sourceActivity(source);
  const counts = sourceCounts(source);
  const note = sourceNote(source);
  return (
    <li className={`import-source source-state-${source.state}`} data-testid="import-source" data-state={source.state} data-index={source.index}>
      <div className="import-source-head">
        <bdi dir="auto" className="import-source-name" title={source.path}>
          {name}
        </bdi>
        <span className="import-source-format mono" data-testid="import-source-format">
          {sourceFormatLabel(source)}
        </span>
      </div>
      <div
        className="progress"
        role="progressbar"
        data-testid="import-source-progress"
        aria-label={`Progress of ${name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% — ${activity}`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="import-source-foot">
        <span className="import-source-status">
          <span className="import-source-state" data-testid="import-source-state">
            {activity}
          </span>
          {counts !== '' && (
            <span className="import-source-counts" data-testid="import-source-counts">
              {counts}
            </span>
          )}
        </span>
        {!final && onCancel !== null && (
          <button type="button" className="small" data-testid="import-source-cancel" aria-label={`Cancel ${name}`} onClick={() => onCancel(source.index)}>
            Cancel
          </button>
        )}
        {source.state === 'cancelled' && onImportAgain !== null && (
          <button type="button" className="small" data-testid="import-source-again" aria-label={`Import ${name} again`} onClick={() => onImportAgain(source)}>
            Import again
          </button>
        )}
      </div>
      {note !== null && (
        <p className={source.state === 'failed' ? 'error small-text' : 'muted small-text'} dir="auto" data-testid="import-source-note">
          {note}
        </p>
      )}
      {source.state === 'done' && source.issueSamples.length > 0 && (
        <details className="import-source-issues">
          <summary>{source.issues > source.issueSamples.length ? `Issues (first ${source.issueSamples.length} of ${source.issues})` : `Issues (${source.issues})`}</summary>
          <ul>
            {source.issueSamples.map((issue, position) => (
              <li key={position} className="small-text" dir="auto">
                {/* Isolated, so a place in Arabic or Hebrew (a file name) neither sets the line's
                    direction nor reorders the reason after it. */}
                <bdi dir="auto" className="mono">{issue.place}</bdi> {issue.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

/** Why a source ended the way it did, when that is not "imported": the error, the cancel, the duplicate. */
function sourceNote(source: SourceProgress): string | null {
  if (source.state === 'failed') return source.error === null ? null : `${source.error.message} (${source.error.code})`;
  if (source.state === 'cancelled') return source.error?.message ?? null;
  if (source.state === 'already-imported' || source.state === 'skipped') return source.issueSamples[0]?.reason ?? null;
  return null;
}
