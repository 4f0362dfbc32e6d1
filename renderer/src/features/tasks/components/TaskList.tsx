import type { TasksController } from '../state/use-tasks.ts';
import { TaskEntry } from './TaskEntry.tsx';

/** Import tasks (and any other background work) with progress, outcome and Cancel. */
export function TaskList({ controller }: { controller: TasksController }) {
  const { tasks, cancel, cancelSource, dismissFinished, error } = controller;
  if (tasks.length === 0 && error === null) return null;
  const finished = tasks.some((task) => task.state !== 'RUNNING');
  return (
    <section className="task-list" aria-label="Tasks">
      <ul>
        {tasks.map((task) => (
          <TaskEntry key={task.id} task={task} testId={task.kind === 'import' ? 'import-task' : task.kind === 'export' ? 'export-task' : 'task'} onCancel={(id) => void cancel(id)} onCancelSource={(id, index) => void cancelSource(id, index)} />
        ))}
      </ul>
      {finished && (
        <button type="button" className="link small" onClick={dismissFinished}>
          Clear finished
        </button>
      )}
      {error !== null && <p className="error">{error}</p>}
    </section>
  );
}
