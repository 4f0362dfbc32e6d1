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
  /** Import tasks: one entry per source, in import order (see SourceProgress). */
  sources?: SourceProgress[];
}

/**
 * Where one source of an import stands. Every front end (CLI, Electron, browser) reads the same
 * list from the task, so a state named here is the state shown everywhere.
 */
export type SourceProgressState =
  | 'queued'
  | 'hashing'
  | 'reading'
  | 'storing'
  | 'detecting-languages'
  | 'tagging'
  | 'verifying-hash'
  | 'done'
  | 'failed'
  | 'cancelled'
  | 'already-imported'
  | 'skipped';

export interface SourceProgress {
  /** Position in the import; names the source for `import.cancelSource`. */
  index: number;
  path: string;
  /** Detected from the content; null until detected (or when it could not be). */
  format: string | null;
  size: number;
  state: SourceProgressState;
  /** Bytes of the source read so far by the current byte-wise step (reading; size once read). */
  bytesDone: number;
  bytesTotal: number;
  /** Message records stored so far; known once the source has been read, 0 before. */
  messages: number;
  unparsed: number;
  attachments: number;
  /** Messages handled so far by the current per-message step (languages, tagging). */
  messagesDone: number;
  /** Issues recorded for the source so far, and the first few of them to show. */
  issues: number;
  issueSamples: { place: string; reason: string }[];
  /** Set when the source ended 'failed' (or 'cancelled'): why, with its code. */
  error: { code: string; message: string } | null;
  /** The case's id for the source once recorded (for its full issue list). */
  sourceId: string | null;
  /** The seized device the source was declared to come from (ADR 0014): "Import again" keeps it. */
  device: string | null;
  /** The device time zone the analyst declared for the source, or null for the case setting: "Import again" keeps it, so its times do not shift. */
  timeZone: string | null;
  /** The day/month order the analyst declared for the import, or null when it is inferred per file: "Import again" keeps it. */
  dateOrder: 'dmy' | 'mdy' | 'ymd' | null;
  /** The CSV column mapping the import was declared with, or null: "Import again" keeps it (without it a CSV file is not recognised). */
  csvMapping: Record<string, string | number | boolean> | null;
}
