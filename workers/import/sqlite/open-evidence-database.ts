/**
 * Opens a phone database for reading without ever touching the evidence on disk.
 *
 * The file and its companions are read as bytes; a `-wal` log is replayed into a copy in memory
 * (see wal-replay.ts); a rollback `-journal` is described but not applied; the result is opened
 * with sql.js, which has no way to write to the real file system. A table this reader could not
 * read for a collation it lacks is made readable on that copy (collations.ts), for the source and
 * for every companion opened here alike. Rows that were deleted and survive only in freelist
 * pages or unallocated space are not recovered by anything here: that is page carving, out of
 * scope for these importers.
 */

import type { Database } from 'sql.js';
import type { ParseWarning, ParserInput } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import { readForeignCollationsByteForByte } from './collations.ts';
import { describeHeaderDamage } from './header-damage.ts';
import { inspectRollbackJournal } from './rollback-journal.ts';
import type { JournalFacts } from './rollback-journal.ts';
import { headerPageSize, sniffSqlite } from './sniff-sqlite.ts';
import { loadSqlJs } from './sql-js.ts';
import { replayWal } from './wal-replay.ts';
import type { WalFacts } from './wal-replay.ts';
import { MAX_EVIDENCE_DATABASE_BYTES } from '../import-limits.ts';

export { MAX_EVIDENCE_DATABASE_BYTES } from '../import-limits.ts';

const HEADER_TEXT_ENCODING = 56;
const TEXT_ENCODINGS: Record<number, string> = { 1: 'UTF-8', 2: 'UTF-16le', 3: 'UTF-16be' };

export interface EvidenceDatabaseFacts {
  sqliteBytes: number;
  sqlitePageSize: number | null;
  sqliteTextEncoding: string | null;
  /** PRAGMA user_version: apps use it as their schema version (WhatsApp, the SMS provider). */
  sqliteUserVersion: number | null;
  /** The header says the database was in WAL mode when it was last written. */
  sqliteWalMode: boolean;
  wal: WalFacts | null;
  journal: JournalFacts | null;
}

export interface EvidenceDatabase {
  db: Database;
  facts: EvidenceDatabaseFacts;
  close(): void;
}

/** The last path segment of a display name ("zip/dir/msgstore.db" -> "msgstore.db"). */
export function baseName(displayName: string): string {
  const parts = displayName.split(/[\\/]/u);
  return parts[parts.length - 1] ?? displayName;
}

/** Reads `input` and its -wal/-journal companions and opens the result in memory. */
export async function openEvidenceDatabase(input: ParserInput, warn: (warning: ParseWarning) => void): Promise<EvidenceDatabase> {
  const name = input.displayName;
  const base = baseName(name);
  if (input.size > MAX_EVIDENCE_DATABASE_BYTES) {
    throw new AppError('E_IMPORT_READ', `${name}: ${input.size} bytes is more than the ${MAX_EVIDENCE_DATABASE_BYTES} bytes a database can be read in memory`);
  }
  const main = await input.readAll();
  const wal = await readCompanion(input, `${base}-wal`, name, warn);
  const journal = await readCompanion(input, `${base}-journal`, name, warn);
  if (main.byteLength === 0 && (wal === null || wal.byteLength === 0)) {
    throw new AppError('E_IMPORT_EMPTY', `${name} is empty: there is no database to read`);
  }
  if (main.byteLength > 0 && !sniffSqlite(main)) {
    throw new AppError('E_IMPORT_FORMAT', `${name}: not a SQLite database (the file does not start with "SQLite format 3")`);
  }

  let bytes = main;
  let walFacts: WalFacts | null = null;
  if (wal !== null) {
    const replay = replayWal(main, wal);
    walFacts = replay.facts;
    bytes = replay.bytes;
    describeWal(`${base}-wal`, walFacts, warn);
  }
  let journalFacts: JournalFacts | null = null;
  if (journal !== null) {
    journalFacts = inspectRollbackJournal(journal);
    if (journalFacts.hot) {
      warn({
        place: `${base}-journal`,
        message: `a hot rollback journal exists: the phone was interrupted in the middle of a transaction, so ${name} may hold partly written changes. The journal was not applied (it holds the pages as they were before that transaction).`,
      });
    }
  }

  const db = await openBytes(bytes, name);
  try {
    readForeignCollationsByteForByte(db, name, warn);
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    db,
    facts: {
      sqliteBytes: main.byteLength,
      sqlitePageSize: headerPageSize(bytes),
      sqliteTextEncoding: bytes.byteLength >= 100 ? TEXT_ENCODINGS[new DataView(bytes.buffer, bytes.byteOffset, 100).getUint32(HEADER_TEXT_ENCODING)] ?? null : null,
      sqliteUserVersion: userVersion(db),
      sqliteWalMode: main[18] === 2 || main[19] === 2,
      wal: walFacts,
      journal: journalFacts,
    },
    close: () => db.close(),
  };
}

/**
 * Opens database bytes with sql.js and forces SQLite to read the schema, so corrupt or foreign
 * bytes fail here, with the file's name, rather than on the first query.
 */
export async function openBytes(bytes: Uint8Array, name: string): Promise<Database> {
  if (!sniffSqlite(bytes)) {
    throw new AppError('E_IMPORT_FORMAT', `${name}: not a SQLite database (the file does not start with "SQLite format 3")`);
  }
  const SQL = await loadSqlJs();
  let db: Database | null = null;
  try {
    db = new SQL.Database(bytes);
    db.exec('SELECT count(*) FROM sqlite_master');
    // Belt and braces: the copy lives in memory, but nothing here should ever write to it.
    db.exec('PRAGMA query_only = 1');
    return db;
  } catch (error) {
    db?.close();
    const reason = error instanceof Error ? error.message : String(error);
    const damage = describeHeaderDamage(bytes);
    throw new AppError('E_IMPORT_FORMAT', `${name}: the SQLite database cannot be read (${reason})${damage === null ? '' : `: ${damage}`}`, { cause: error });
  }
}

function userVersion(db: Database): number | null {
  try {
    const value = db.exec('PRAGMA user_version')[0]?.values[0]?.[0];
    return typeof value === 'number' ? value : null;
  } catch {
    return null;
  }
}

function describeWal(place: string, facts: WalFacts, warn: (warning: ParseWarning) => void): void {
  if (facts.rejectedBecause !== undefined && facts.walBytes > 0) {
    warn({ place, message: `the write-ahead log was not applied: ${facts.rejectedBecause}` });
  }
  if (facts.framesUncommitted > 0) {
    warn({ place, message: `${facts.framesUncommitted} log frame(s) after the last commit were ignored (a transaction that never committed)` });
  }
  if (facts.framesInvalid > 0) {
    warn({ place, message: `${facts.framesInvalid} log frame(s) with a wrong salt or checksum were ignored (a torn write, or leftovers of an older log)` });
  }
  if (facts.trailingBytes > 0) {
    warn({ place, message: `${facts.trailingBytes} byte(s) after the last whole log frame were ignored` });
  }
}

/**
 * A -wal or -journal beside the database; one that is there but cannot be read (too big to hold
 * in memory) is named in a warning, and the database is read without it.
 */
async function readCompanion(input: ParserInput, companion: string, name: string, warn: (warning: ParseWarning) => void): Promise<Uint8Array | null> {
  try {
    return await input.companion(companion);
  } catch (error) {
    warn({ place: name, message: `${companion} beside it was not read (${error instanceof Error ? error.message : String(error)}); what only it holds, such as the newest rows of a -wal, is not imported` });
    return null;
  }
}
