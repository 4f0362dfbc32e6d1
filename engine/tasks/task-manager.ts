import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { TaskView } from '../../shared/domain/task.ts';
import { isCancellation, serializeError } from '../../shared/errors.ts';

export interface TaskHandle {
  readonly id: string;
  readonly signal: AbortSignal;
  progress(stage: string, done: number, total: number | null): void;
}

const FINISHED_TASKS_KEPT = 50;

/**
 * Long work runs as tasks: RUNNING until DONE, ERROR or CANCELLED, with a stage and progress,
 * observable through 'update' events and cancellable by id.
 */
export class TaskManager extends EventEmitter<{ update: [TaskView] }> {
  private readonly tasks = new Map<string, { view: TaskView; controller: AbortController; done: Promise<unknown> }>();

  start<T>(kind: TaskView['kind'], title: string, work: (task: TaskHandle) => Promise<T>, summarise: (result: T) => string): { id: string; done: Promise<T> } {
    const id = randomUUID();
    const controller = new AbortController();
    const view: TaskView = { id, kind, title, state: 'RUNNING', stage: 'starting', done: 0, total: null, startedAt: new Date().toISOString(), finishedAt: null, error: null, summary: null };
    const handle: TaskHandle = {
      id,
      signal: controller.signal,
      progress: (stage, done, total) => {
        if (view.state !== 'RUNNING') return;
        Object.assign(view, { stage, done, total });
        this.emit('update', { ...view });
      },
    };
    const done = (async () => {
      try {
        const result = await work(handle);
        Object.assign(view, { state: controller.signal.aborted ? 'CANCELLED' : 'DONE', summary: summarise(result) });
        return result;
      } catch (error) {
        if (isCancellation(error) || controller.signal.aborted) Object.assign(view, { state: 'CANCELLED' });
        else {
          const serialized = serializeError(error);
          Object.assign(view, { state: 'ERROR', error: { code: serialized.code, message: serialized.message } });
        }
        throw error;
      } finally {
        view.finishedAt = new Date().toISOString();
        this.emit('update', { ...view });
        this.forgetOldTasks();
      }
    })();
    this.tasks.set(id, { view, controller, done });
    this.emit('update', { ...view });
    return { id, done };
  }

  cancel(id: string): boolean {
    const task = this.tasks.get(id);
    if (task === undefined || task.view.state !== 'RUNNING') return false;
    task.controller.abort();
    return true;
  }

  list(): TaskView[] {
    return [...this.tasks.values()].map((task) => ({ ...task.view }));
  }

  /** Resolves once every running task has settled (used before closing a case). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.tasks.values()].map((task) => task.done));
  }

  private forgetOldTasks(): void {
    const finished = [...this.tasks.entries()].filter(([, task]) => task.view.state !== 'RUNNING');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - FINISHED_TASKS_KEPT))) this.tasks.delete(id);
  }
}
