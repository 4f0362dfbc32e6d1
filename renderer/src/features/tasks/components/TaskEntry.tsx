import type { TaskView } from '../../../../../shared/domain/task.ts';
import { formatNumber } from '../../../app/format.ts';
import { ImportSources } from '../../import/components/ImportSources.tsx';

const STATE_LABELS: Record<TaskView['state'], string> = {
  RUNNING: 'Running',
  DONE: 'Done',
  ERROR: 'Failed',
  CANCELLED: 'Cancelled',
};

function percent(task: TaskView): number {
  if (task.total === null || task.total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((task.done / task.total) * 100)));
}

function progressText(task: TaskView): string {
  // Nothing counted yet, and no total to count towards: a count of 0 says nothing ("starting: 0").
  if (task.total === null && task.done === 0) return `${task.stage}…`;
  const count = task.total === null ? formatNumber(task.done) : `${formatNumber(task.done)} of ${formatNumber(task.total)}`;
  return `${task.stage}: ${count}`;
}

/** One task: progress and Cancel while it runs, then its outcome; an import also lists its sources. */
export function TaskEntry({ task, onCancel, onCancelSource, testId }: { task: TaskView; onCancel: (taskId: string) => void; onCancelSource: (taskId: string, index: number) => void; testId: string }) {
  const running = task.state === 'RUNNING';
  const value = percent(task);
  const sourceCount = task.sources?.length ?? 0;
  return (
    <li className={`task task-${task.state.toLowerCase()}`} data-testid={testId} data-state={task.state} data-task-id={task.id}>
      <div className="task-head">
        <span className="task-title" title={task.title}>
          {task.title}
        </span>
        <span className="task-state">{STATE_LABELS[task.state]}</span>
      </div>
      {running && (
        <>
          <div
            className={`progress${task.total === null ? ' indeterminate' : ''}`}
            role="progressbar"
            data-testid="import-progress"
            aria-label={`Progress of ${task.title}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={value}
            aria-valuetext={task.total === null ? progressText(task) : `${value}% — ${progressText(task)}`}
          >
            <div className="progress-fill" style={{ width: `${task.total === null ? 100 : value}%` }} />
          </div>
          <div className="task-foot">
            <span className="task-stage">{progressText(task)}</span>
            <button type="button" className="small" data-testid="import-cancel" aria-label={sourceCount > 1 ? `Cancel all ${sourceCount} sources` : `Cancel ${task.title}`} onClick={() => onCancel(task.id)}>
              {sourceCount > 1 ? 'Cancel all' : 'Cancel'}
            </button>
          </div>
        </>
      )}
      {task.state === 'DONE' && task.summary !== null && <p className="task-summary">{task.summary}</p>}
      {task.kind === 'import' && <ImportSources task={task} onCancelSource={onCancelSource} />}
      {task.state === 'ERROR' && task.error !== null && (
        <p className="task-error error">
          {task.error.message} ({task.error.code})
        </p>
      )}
      {task.state === 'CANCELLED' && <p className="task-summary">Stopped on request{task.summary === null ? '.' : `: ${task.summary}`}</p>}
    </li>
  );
}
