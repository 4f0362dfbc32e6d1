/** Long work is a task the UI can watch and cancel. */
export type TaskState = 'RUNNING' | 'DONE' | 'ERROR' | 'CANCELLED';

export interface TaskView {
  id: string;
  kind: 'import' | 'index' | 'export' | 'tag' | 'ocr';
  title: string;
  state: TaskState;
  stage: string;
  done: number;
  total: number | null;
  startedAt: string;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
  /** Set when state is DONE: a short summary the UI can show. */
  summary: string | null;
}
