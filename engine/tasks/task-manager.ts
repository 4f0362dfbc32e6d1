import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { TaskView } from '../../shared/domain/task.ts';
import { isCancellation, serializeError } from '../../shared/errors.ts';
import { SourceTracker } from './source-tracker.ts';
import { UpdateThrottle } from './update-throttle.ts';

/**
 * Why a task was cancelled: the user asked ('user'), or the case was closed under it ('closing':
 * another case opened, the window or the process ending). An import records the first as the
 * user's decision and the second as an interruption to retry.
 */
export type CancelCause = 'user' | 'closing';

export interface TaskHandle {
  readonly id: string;
  readonly signal: AbortSignal;
  /** Why the task was cancelled; null while it was not. */
  cancelCause(): CancelCause | null;
  progress(stage: string, done: number, total: number | null): void;
  /** Per-source progress and cancel for an import; its changes travel with the task's updates. */
  trackSources(): SourceTracker;
}

const FINISHED_TASKS_KEPT = 50;
/** At most 10 updates a second per task reach the UI... */
const UPDATE_INTERVAL_MS = 100;
/** ...and fewer when each carries many sources (a folder of 5,000 screenshots), so the bytes sent stay bounded. */
const UPDATE_INTERVAL_PER_SOURCE_MS = 0.5;
const MAX_UPDATE_INTERVAL_MS = 2000;

interface RunningTask {
  view: TaskView;
  controller: AbortController;
  done: Promise<unknown>;
  sources: SourceTracker | null;
  cancelCause: CancelCause | null;
}

/** How long to wait between two updates of a task carrying `sources` per-source entries. */
export function updateIntervalMs(sources: number): number {
  return Math.min(MAX_UPDATE_INTERVAL_MS, UPDATE_INTERVAL_MS + sources * UPDATE_INTERVAL_PER_SOURCE_MS);
}

/**
 * Long work runs as tasks: RUNNING until DONE, ERROR or CANCELLED, with a stage and progress,
 * observable through 'update' events (throttled; the start and the end are never dropped) and
 * cancellable by id, an import's sources also one by one.
 */
export class TaskManager extends EventEmitter<{ update: [TaskView] }> {
  private readonly tasks = new Map<string, RunningTask>();

  start<T>(kind: TaskView['kind'], title: string, work: (task: TaskHandle) => Promise<T>, summarise: (result: T) => string): { id: string; done: Promise<T> } {
    const id = randomUUID();
    const controller = new AbortController();
    const view: TaskView = { id, kind, title, state: 'RUNNING', stage: 'starting', done: 0, total: null, startedAt: new Date().toISOString(), finishedAt: null, error: null, summary: null };
    const task: RunningTask = { view, controller, done: Promise.resolve(), sources: null, cancelCause: null };
    const throttle = new UpdateThrottle(
      () => this.emit('update', this.snapshot(task)),
      () => updateIntervalMs(task.sources?.size ?? 0),
    );
    const changed = (): void => {
      if (view.state === 'RUNNING') throttle.request();
    };
    const handle: TaskHandle = {
      id,
      signal: controller.signal,
      cancelCause: () => task.cancelCause,
      progress: (stage, done, total) => {
        if (view.state !== 'RUNNING') return;
        Object.assign(view, { stage, done, total });
        changed();
      },
      trackSources: () => {
        task.sources ??= new SourceTracker(controller.signal, changed);
        return task.sources;
      },
    };
    this.tasks.set(id, task);
    throttle.flush();
    task.done = (async () => {
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
        throttle.flush();
        this.forgetOldTasks();
      }
    })();
    return { id, done: task.done as Promise<T> };
  }

  cancel(id: string, cause: CancelCause = 'user'): boolean {
    const task = this.tasks.get(id);
    if (task === undefined || task.view.state !== 'RUNNING') return false;
    task.cancelCause ??= cause;
    task.controller.abort();
    return true;
  }

  /** Cancels one source of a running import; the import goes on with the next. */
  cancelSource(id: string, index: number): boolean {
    const task = this.tasks.get(id);
    if (task === undefined || task.view.state !== 'RUNNING' || task.sources === null) return false;
    return task.sources.cancel(index);
  }

  list(): TaskView[] {
    return [...this.tasks.values()].map((task) => this.snapshot(task));
  }

  /** Resolves once every running task has settled (used before closing a case). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.tasks.values()].map((task) => task.done));
  }

  private snapshot(task: RunningTask): TaskView {
    return task.sources === null ? { ...task.view } : { ...task.view, sources: task.sources.snapshot() };
  }

  private forgetOldTasks(): void {
    const finished = [...this.tasks.entries()].filter(([, task]) => task.view.state !== 'RUNNING');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - FINISHED_TASKS_KEPT))) this.tasks.delete(id);
  }
}
