/** What an import reports per source; the CLI's --json output is exactly this (see CLI.md). */
export interface ImportSourceSummary {
  path: string;
  sourceId: string | null;
  format: string;
  sha256: string | null;
  /** 'skipped': a companion file (-wal, wa.db) read with the source it belongs to. */
  status: 'imported' | 'already-imported' | 'skipped' | 'failed' | 'cancelled';
  messages: number;
  attachments: number;
  unparsed: number;
  issues: { place: string; reason: string }[];
  /** Set when the source could not be imported at all. */
  error: { code: string; message: string } | null;
}

export interface ImportSummary {
  case: string;
  sources: ImportSourceSummary[];
  totals: { sources: number; messages: number; attachments: number; unparsed: number; issues: number };
}

export interface ImportOptions {
  timeZone?: string;
  dateOrder?: 'dmy' | 'mdy' | 'ymd';
}
