import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { DetectedFormat } from '../../shared/contracts/import-worker.ts';
import { sniffCsvColumns } from './csv/index.ts';
import { PARSERS, SQLITE_PARSERS } from './parsers.ts';
import { signalExportCompanion } from './signal/companions.ts';
import { describeHeaderDamage, identifySqliteSource, sniffSqlite, tableNamesFromBytes } from './sqlite/index.ts';
import { describeUnreadableText } from './unreadable-content.ts';
import { describeZip, sniffZip, ZIP_FORMAT } from './zip/zip-source.ts';

const SNIFF_BYTES = 64 * 1024;

export interface Detection {
  format: DetectedFormat | null;
  reason: string;
  /** Set when the file only serves another source (a -wal or -journal file, a contacts database). */
  companionOf?: string;
}

const COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'];

/** Reads the head of a file (read-only) and asks each importer whether it recognises the content. */
export async function detectFormat(path: string, csvMapping?: Record<string, unknown>): Promise<Detection> {
  const name = basename(path);
  const suffix = COMPANION_SUFFIXES.find((candidate) => name.endsWith(candidate));
  if (suffix !== undefined && existsSync(path.slice(0, -suffix.length))) {
    return { format: null, companionOf: name.slice(0, -suffix.length), reason: `SQLite ${suffix.slice(1)} file of ${name.slice(0, -suffix.length)}: read together with it` };
  }
  const head = readHead(path);
  if (head.byteLength === 0) return { format: null, reason: 'the file is empty' };
  if (sniffSqlite(head)) return detectSqlite(path);
  if (sniffZip(head)) {
    const zip = await describeZip(path, PARSERS).catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
    if ('error' in zip) return { format: null, reason: zip.error };
    if (zip.formats.length === 0) return { format: null, reason: zip.explanation };
    return { format: ZIP_FORMAT, reason: `a zip holding ${zip.formats.join(', ')}` };
  }
  // Before the parsers sniff: signal-export's HTML and JSON copies of a chat are not sources.
  const signalCompanion = signalExportCompanion(path, head);
  if (signalCompanion !== null) return { format: null, ...signalCompanion };
  const parser = PARSERS.find((candidate) => candidate.sniff(head, basename(path)));
  if (parser !== undefined) return { format: parser.format, reason: `content recognised as ${parser.format}` };
  const unreadable = describeUnreadableText(head);
  if (unreadable !== null) return { format: null, reason: unreadable };
  const csv = csvMapping === undefined ? null : detectCsv(head, csvMapping);
  if (csv?.format === 'csv') return csv;
  const noFormat = `the content matches no supported export format (supported: ${PARSERS.map((candidate) => candidate.format).join(', ')})`;
  return { format: null, reason: csv === null ? noFormat : `${noFormat}, and it is ${csv.reason}` };
}

/** CSV is never guessed: with a mapping, a file whose header holds the mapped columns is read as CSV. */
function detectCsv(head: Uint8Array, mapping: Record<string, unknown>): Detection {
  const delimiter = typeof mapping['delimiter'] === 'string' ? mapping['delimiter'] : undefined;
  const columns = sniffCsvColumns(head, delimiter);
  const wanted = ['timestamp', 'sender', 'text', 'chat', 'direction'].map((key) => mapping[key]).filter((value): value is string => typeof value === 'string');
  const missing = wanted.filter((name) => !columns.includes(name));
  if (columns.length === 0 || missing.length > 0) return { format: null, reason: `not a CSV with the mapped columns (missing: ${missing.join(', ') || 'a header row'})` };
  return { format: 'csv', reason: `CSV with the columns ${wanted.join(', ')}` };
}

/** SQLite schemas can lie beyond the head, so phone databases are identified from the whole file. */
function detectSqlite(path: string): Detection {
  const bytes = new Uint8Array(readFileSync(path, { flag: 'r' }));
  const kind = identifySqliteSource(bytes);
  if (kind === null) {
    const damage = describeHeaderDamage(bytes);
    if (damage !== null) return { format: null, reason: `a damaged SQLite database: ${damage}` };
    const schema = tableNamesFromBytes(bytes);
    if (schema === null) return { format: null, reason: 'a damaged SQLite database: its header is intact but its schema (page 1) cannot be read, so the pages after the header are corrupt' };
  }
  if (kind === 'whatsapp-contacts') return { format: null, companionOf: 'msgstore.db', reason: 'a WhatsApp contacts database (wa.db): it names the contacts of a msgstore.db beside it' };
  const parser = kind === null ? undefined : SQLITE_PARSERS[kind];
  if (parser === undefined) return { format: null, reason: 'a SQLite database, but not one of the phone databases Threadline reads (Android mmssms.db, iOS sms.db, WhatsApp msgstore.db or ChatStorage.sqlite)' };
  return { format: parser.format, reason: `a ${kind} database` };
}

function readHead(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const length = readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
