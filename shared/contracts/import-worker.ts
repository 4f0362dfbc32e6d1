import type { ImportIssue, SourceRecord } from '../domain/source.ts';

/** Formats this version can import; each has an importer in workers/import. */
export type DetectedFormat = 'whatsapp-txt';

export interface ImportJob {
  source: SourceRecord;
  /** Absolute path of the file to read (the evidence; opened read-only). */
  path: string;
  dateOrder?: 'dmy' | 'mdy' | 'ymd';
}

export interface ImportOutcome {
  messages: number;
  unparsed: number;
  attachments: number;
  issues: ImportIssue[];
  details: Record<string, unknown>;
}

/** Import workers parse one source and stream its records to the db and index workers. */
export interface ImportWorkerApi {
  /** Connects this worker to the db and index workers (MessagePorts, transferred). */
  connect: { params: { dbPort: unknown; indexPort: unknown }; result: null };
  /** Sniffs a file's content (never its name) and names the importer that can read it. */
  detectFormat: { params: { path: string }; result: { format: DetectedFormat | null; reason: string } };
  importWhatsAppText: { params: ImportJob; result: ImportOutcome };
}
