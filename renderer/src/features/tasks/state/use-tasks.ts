import { useCallback, useEffect, useState } from 'react';
import type { TaskView } from '../../../../../shared/domain/task.ts';
import { api } from '../../../api/client.ts';
import { useEngineEvent } from '../../../app/engine-events.ts';

export interface TasksController {
  /** Running tasks first, then the most recently started. */
  tasks: TaskView[];
  cancel(taskId: string): Promise<void>;
  /** Stops one source of a running import; the import goes on with the next. */
  cancelSource(taskId: string, index: number): Promise<void>;
  dismissFinished(): void;
  error: string | null;
}

function order(a: TaskView, b: TaskView): number {
  const running = Number(b.state === 'RUNNING') - Number(a.state === 'RUNNING');
  return running !== 0 ? running : b.startedAt.localeCompare(a.startedAt);
}

/** Running tasks from tasks.list on mount, then every task.update event. */
export function useTasks(): TasksController {
  const [byId, setById] = useState<ReadonlyMap<string, TaskView>>(new Map());
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  useEngineEvent((event) => {
    if (event.name !== 'task.update') return;
    setById((current) => new Map(current).set(event.payload.id, event.payload));
  });

  useEffect(() => {
    let live = true;
    api.invoke('tasks.list', {}).then(
      (listed) => {
        if (!live) return;
        setById((current) => {
          const next = new Map(current);
          // The engine's task list outlives cases, so finished tasks there may belong to another case:
          // only running ones are taken. An event that arrived first is at least as new as the list.
          for (const task of listed) {
            if (task.state !== 'RUNNING') continue;
            const known = next.get(task.id);
            if (known === undefined) next.set(task.id, task);
          }
          return next;
        });
      },
      (caught: unknown) => live && setError(caught instanceof Error ? caught.message : String(caught)),
    );
    return () => {
      live = false;
    };
  }, []);

  const cancel = useCallback(async (taskId: string) => {
    try {
      await api.invoke('tasks.cancel', { taskId });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, []);

  const cancelSource = useCallback(async (taskId: string, index: number) => {
    try {
      await api.invoke('import.cancelSource', { taskId, index });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, []);

  const dismissFinished = useCallback(() => {
    setDismissed((current) => {
      const next = new Set(current);
      for (const task of byId.values()) if (task.state !== 'RUNNING') next.add(task.id);
      return next;
    });
  }, [byId]);

  const tasks = [...byId.values()].filter((task) => !dismissed.has(task.id)).sort(order);
  return { tasks, cancel, cancelSource, dismissFinished, error };
}
