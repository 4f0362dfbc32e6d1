import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseSettings } from '../../shared/domain/case.ts';
import { AppError } from '../../shared/errors.ts';
import { CaseOwnership } from './case-owner.ts';
import { FileConnection } from './file-connection.ts';
import { migrate } from './migrate.ts';
import { selectAll, asString, run } from './repos/rows.ts';
import type { SqlConnection } from './sql-connection.ts';

export const CASE_DATABASE_FILE = 'case.sqlite';

/**
 * The case database: a file SQLite itself reads and writes (ADR 0013), committed transaction by
 * transaction with its rollback journal beside it. A crash mid-transaction leaves a journal that
 * SQLite rolls back on the next open; a source left 'importing' is then dropped (db.worker.ts).
 */
/**
 * How long an import's writes may wait in one transaction before they are committed. Each commit
 * syncs the file (and the rollback journal) to disk: committing every batch of 2,000 messages
 * cost a quarter of a 1M-message SMS import. Waiting loses nothing a commit would keep: a source
 * whose import did not finish is dropped when the case next opens, whatever was committed of it.
 */
const IMPORT_COMMIT_INTERVAL_MS = 2_000;

export class CaseDatabase {
  /** When the open import transaction began (performance.now()), or null when none is open. */
  private importTransactionSince: number | null = null;

  private constructor(
    readonly db: SqlConnection,
    private readonly ownership: CaseOwnership,
  ) {}

  static async open(casePath: string, create: boolean): Promise<CaseDatabase> {
    const file = join(casePath, CASE_DATABASE_FILE);
    const exists = existsSync(file);
    if (!exists && !create) throw new AppError('E_CASE_NOT_FOUND', `No case database at ${file}`);
    const ownership = CaseOwnership.take(file);
    let db: FileConnection;
    try {
      db = openConnection(file, exists);
    } catch (error) {
      ownership.release();
      throw error;
    }
    try {
      configureConnection(db);
      migrate(db);
    } catch (error) {
      db.close();
      ownership.release();
      throw error;
    }
    return new CaseDatabase(db, ownership);
  }

  readMeta(): Map<string, string> {
    return new Map(selectAll(this.db, 'SELECT key, value FROM case_meta').map((row) => [asString(row['key']), asString(row['value'])]));
  }

  writeMeta(key: string, value: string): void {
    run(this.db, 'INSERT INTO case_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  settings(): CaseSettings {
    const meta = this.readMeta();
    return {
      timeZone: meta.get('settings.timeZone') ?? 'UTC',
      ocrLanguages: (meta.get('settings.ocrLanguages') ?? 'eng').split('+').filter((lang) => lang !== ''),
      // Cases made before the setting existed have no key: any language, as they were detected.
      languages: (meta.get('settings.languages') ?? '').split('+').filter((lang) => lang !== ''),
    };
  }

  /** The case's language list, joined like settings.ocrLanguages; empty means any language. */
  writeLanguages(languages: readonly string[]): void {
    this.writeMeta('settings.languages', languages.join('+'));
  }

  /**
   * Runs an import's write (a batch of messages, chats, issues) inside the import transaction,
   * opening it if needed, as a savepoint of its own: a write that fails is undone alone. The
   * transaction is committed once IMPORT_COMMIT_INTERVAL_MS have passed, or by commitImportWrites.
   */
  importWrite<T>(work: () => T): T {
    if (this.importTransactionSince === null) {
      this.db.exec('BEGIN');
      this.importTransactionSince = performance.now();
    }
    this.db.exec('SAVEPOINT import_write');
    let result: T;
    try {
      result = work();
      this.db.exec('RELEASE import_write');
    } catch (error) {
      this.db.exec('ROLLBACK TO import_write; RELEASE import_write');
      throw error;
    }
    if (performance.now() - this.importTransactionSince >= IMPORT_COMMIT_INTERVAL_MS) this.commitImportWrites();
    return result;
  }

  /** Commits what importWrite left pending. Everything that is not an import's write calls this first. */
  commitImportWrites(): void {
    if (this.importTransactionSince === null) return;
    this.importTransactionSince = null;
    this.db.exec('COMMIT');
  }

  close(): void {
    try {
      this.commitImportWrites();
      this.db.close();
    } finally {
      this.ownership.release();
    }
  }
}

function openConnection(file: string, exists: boolean): FileConnection {
  let db: FileConnection | null = null;
  try {
    db = new FileConnection(file, { mustExist: exists });
    db.exec('PRAGMA schema_version'); // forces SQLite to read the header: a corrupt file fails here
    return db;
  } catch (error) {
    db?.close();
    throw new AppError('E_CASE_CORRUPT', `The case database ${file} cannot be read: ${String(error)}`, { cause: error });
  }
}

/**
 * The rollback journal is truncated rather than deleted after each transaction (one file
 * operation fewer per commit). synchronous = FULL: a commit is on the disk before the call
 * returns, power loss included; review decisions are evidence. An import commits every two
 * seconds (importWrite), so the extra syncs are few; even with a commit per batch, one run each
 * at 1M messages differed from NORMAL by less than runs vary (WhatsApp 60.9k against 60.5k
 * msg/s, SMS 30.2k against 31.5k).
 * The page cache (32 MB) is the only part of the database in memory.
 */
function configureConnection(db: SqlConnection): void {
  db.exec('PRAGMA foreign_keys = ON; PRAGMA journal_mode = TRUNCATE; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768');
}
