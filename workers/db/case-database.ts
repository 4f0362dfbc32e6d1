import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import type { Database, SqlJsStatic } from 'sql.js';
import type { CaseSettings } from '../../shared/domain/case.ts';
import { AppError } from '../../shared/errors.ts';
import { writeFileAtomic } from '../runtime/atomic-write.ts';
import { collectGarbage } from '../runtime/collect-garbage.ts';
import { migrate } from './migrate.ts';
import { selectAll, asString, run } from './repos/rows.ts';

export const CASE_DATABASE_FILE = 'case.sqlite';

let sqlJs: Promise<SqlJsStatic> | null = null;

/** Loads the sql.js WebAssembly module once per worker, from node_modules (never the network). */
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs();
  return sqlJs;
}

/**
 * The case database: a sql.js database held in memory and persisted atomically. sql.js cannot
 * write through to disk, so every commit point is an explicit persist().
 */
/** Growth of the database, as a fraction of its pages, after which the stale copies are collected. */
const GROWTH_BEFORE_COLLECTING = 1 / 16;

export class CaseDatabase {
  /** Pages when garbage was last collected (see noteGrowth). */
  private collectedAtPages = 0;

  private constructor(
    readonly db: Database,
    private readonly file: string,
  ) {}

  static async open(casePath: string, create: boolean): Promise<CaseDatabase> {
    const SQL = await loadSqlJs();
    const file = join(casePath, CASE_DATABASE_FILE);
    let db: Database;
    if (existsSync(file)) {
      try {
        db = new SQL.Database(readFileSync(file));
        db.exec('PRAGMA schema_version'); // forces SQLite to read the header: a corrupt file fails here
      } catch (error) {
        throw new AppError('E_CASE_CORRUPT', `The case database ${file} cannot be read: ${String(error)}`, { cause: error });
      }
    } else if (create) {
      db = new SQL.Database();
    } else {
      throw new AppError('E_CASE_NOT_FOUND', `No case database at ${file}`);
    }
    configureConnection(db);
    migrate(db);
    const store = new CaseDatabase(db, file);
    return store;
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
   * Called after writes that grow the database (a batch of messages). sql.js replaces its in-memory
   * file with a larger copy as the database grows; once the database has grown by a sixteenth, the
   * copies it left behind are collected (workers/runtime/collect-garbage.ts says why).
   */
  noteGrowth(): void {
    const pages = Number(this.db.exec('PRAGMA page_count')[0]?.values[0]?.[0] ?? 0);
    if (pages - this.collectedAtPages < this.collectedAtPages * GROWTH_BEFORE_COLLECTING) return;
    collectGarbage();
    this.collectedAtPages = pages;
  }

  persist(): void {
    // export() copies the whole database: stale copies go first, and the export itself once written.
    collectGarbage();
    writeFileAtomic(this.file, this.db.export());
    collectGarbage();
    // export() closes and reopens the connection in sql.js, which resets connection pragmas.
    configureConnection(this.db);
  }

  close(): void {
    this.db.close();
  }
}

/**
 * The database lives in sql.js's in-memory file system and reaches disk only through persist(),
 * so a rollback journal in that file system buys nothing over one in SQLite's own memory (both
 * vanish with the process) and costs a JavaScript copy of every changed page on every commit.
 * The page cache (32 MB) sits in the WebAssembly heap, which never shrinks: kept modest.
 */
function configureConnection(db: Database): void {
  db.exec('PRAGMA foreign_keys = ON; PRAGMA journal_mode = MEMORY; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768');
}
