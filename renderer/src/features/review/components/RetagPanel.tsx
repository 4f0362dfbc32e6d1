import { useState } from 'react';
import type { TaskView } from '../../../../../shared/domain/task.ts';
import { api } from '../../../api/client.ts';
import { useEngineEvent } from '../../../app/engine-events.ts';
import { describeError } from '../../../app/format.ts';
import { TaskOutcome } from '../../tasks/components/TaskOutcome.tsx';

/** Runs the tagger again over every imported source and the text read from its images (after a rule pack update). */
export function RetagPanel() {
  const [taskId, setTaskId] = useState<string | null>(null);
  const [task, setTask] = useState<TaskView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEngineEvent((event) => {
    if (event.name === 'task.update' && event.payload.id === taskId) setTask(event.payload);
  });

  async function start(): Promise<void> {
    setError(null);
    setTask(null);
    try {
      const { taskId: started } = await api.invoke('markers.retag', {});
      setTaskId(started);
      // A small case can finish before the reply arrives, and with it every task.update event.
      const known = (await api.invoke('tasks.list', {})).find((each) => each.id === started);
      if (known !== undefined) setTask((current) => current ?? known);
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  const running = taskId !== null && (task === null || task.state === 'RUNNING');
  return (
    <section className="side-section" aria-labelledby="retag-title">
      <h2 id="retag-title">Tagging</h2>
      <div className="retag-line">
        <button type="button" data-testid="review-retag" disabled={running} onClick={() => void start()}>
          {running ? 'Tagging…' : 'Tag again'}
        </button>
        <span className="hint">Looks for indicators again with the current rule packs, in messages and in the text read from images. Decisions, notes and bookmarks are kept; a decision on an indicator no longer found is shown apart, to decide again.</span>
      </div>
      <TaskOutcome task={task} running={running} cancelled="Tagging was cancelled." error={error} />
    </section>
  );
}
