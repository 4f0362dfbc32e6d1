import type { ImportIssue, SourceRecord } from '../domain/source.ts';
import type { ImportedChatSummary } from './db-worker.ts';

/** A format name as a parser in workers/import/parsers.ts declares it (e.g. 'whatsapp-txt'). */
export type DetectedFormat = string;

export interface ImportJob {
  source: SourceRecord;
  /** Absolute path of the file to read (the evidence; opened read-only). */
  path: string;
  /** The case folder: where bytes without a file of their own (inline MMS parts) are stored. */
  casePath: string;
  format: DetectedFormat;
  dateOrder?: 'dmy' | 'mdy' | 'ymd';
  csvMapping?: Record<string, string | number | boolean>;
  /**
   * Other files of the same import that a parser may look for by content (absolute paths; the
   * engine sends the SQLite databases): with the files beside the source, where msgstore.db's
   * contacts database is found.
   */
  importedWith?: string[];
  /**
   * The other zips of the same import declared as the same device as this source (or, like it, as
   * none): where a zip source may find an attachment of a download split over several zips
   * (ParsedAttachment.downloadPath; workers/import/zip/split-parts.ts). Absolute paths, only read.
   */
  otherArchives?: string[];
}

export interface ImportOutcome {
  parser: string;
  parserVersion: string;
  formatVersion: string | null;
  messages: number;
  unparsed: number;
  attachments: number;
  issues: ImportIssue[];
  details: Record<string, unknown>;
  /** Figures per chat the import wrote into, for finishSource. */
  chats: ImportedChatSummary[];
}

/** Import workers parse one source and stream its records to the db and index workers. */
export interface ImportWorkerApi {
  /** Connects this worker to the db and index workers (MessagePorts, transferred). */
  connect: { params: { dbPort: unknown; indexPorts: unknown[] }; result: null };
  /** Sniffs a file's content (never its name) and names the importer that can read it. */
  detectFormat: {
    /** `importedWith`: other files of the same import (as in ImportJob), where a companion's owner may be. */
    params: { path: string; csvMapping?: Record<string, string | number | boolean>; importedWith?: string[] };
    result: { format: DetectedFormat | null; reason: string; companionOf?: string };
  };
  importSource: { params: ImportJob; result: ImportOutcome };
  /** Copies attachments held inside a zip source into the case's attachment store. */
  extractZipAttachments: {
    params: { zipPath: string; casePath: string; items: { attachmentId: number; fromEntry: string; path: string; sha256: string }[] };
    result: { attachmentId: number; storedPath: string | null; problem: string | null }[];
  };
}
