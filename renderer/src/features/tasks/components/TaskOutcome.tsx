import type { TaskView } from '../../../../../shared/domain/task.ts';
import { formatNumber } from '../../../app/format.ts';

interface TaskOutcomeProps {
  task: TaskView | null;
  running: boolean;
  /** Said when the task was cancelled without an error of its own, e.g. "Tagging was cancelled." */
  cancelled: string;
  /** An error from starting the task (the request itself failed). */
  error: string | null;
  testId?: string;
}

/** A panel's one-line report of its background task: stage and count while it runs, then how it ended. */
export function TaskOutcome({ task, running, cancelled, error, testId }: TaskOutcomeProps) {
  const progress = task === null || task.total === null ? null : `${formatNumber(task.done)} / ${formatNumber(task.total)}`;
  return (
    <>
      {task !== null && running && (
        <p className="hint" role="status" data-testid={testId}>
          {task.stage} {progress !== null && <span className="mono">{progress}</span>}
        </p>
      )}
      {task?.state === 'DONE' && (
        <p className="hint" role="status" data-testid={testId}>
          Done{task.summary === null ? '' : `: ${task.summary}`}
        </p>
      )}
      {(task?.state === 'ERROR' || task?.state === 'CANCELLED') && (
        <p className="error" role="alert">
          {task.error?.message ?? cancelled}
        </p>
      )}
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
