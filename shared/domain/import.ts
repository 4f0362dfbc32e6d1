/** What an import reports per source; the CLI's --json output is exactly this (see CLI.md). */
export interface ImportSourceSummary {
  path: string;
  sourceId: string | null;
  format: string;
  sha256: string | null;
  /** 'skipped': a companion file (-wal, wa.db) read with the source it belongs to, an export's attachment already in the case, or a file beside a Cellebrite report that the report does not name. */
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

/** Which CSV columns hold what (see workers/import/csv/mapping.ts); CSV is imported only with one. */
export type CsvMappingSpec = Record<string, string | number | boolean>;

/** A day/month order the analyst declares for WhatsApp text exports, instead of the one inferred per file. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export interface ImportOptions {
  timeZone?: string;
  csvMapping?: CsvMappingSpec;
  dateOrder?: DateOrder;
  /** The seized device (exhibit) every file of this import comes from (ADR 0014). */
  device?: string;
  /** Per source file, the device its earlier attempt was declared with ("retry failed"); wins over `device`. */
  deviceByPath?: Record<string, string>;
  /** Per source file, the zone its earlier attempt was declared with ("retry failed"); `timeZone` wins over it. */
  timeZoneByPath?: Record<string, string>;
  /** Per source file, the day/month order its earlier attempt was declared with ("retry failed"); `dateOrder` wins over it. */
  dateOrderByPath?: Record<string, DateOrder>;
  /** Per source file, the CSV mapping its earlier attempt was declared with ("retry failed"); `csvMapping` wins over it. */
  csvMappingByPath?: Record<string, CsvMappingSpec>;
}
