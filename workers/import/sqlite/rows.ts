/**
 * Reading rows in rowid order with bounded memory, and surviving damaged pages.
 *
 * One statement steps through a table row by row, so memory does not grow with the table. When a
 * page cannot be read (a truncated or corrupt file), SQLite throws and the statement is dead; the
 * scan then resumes past the failing row (or, when the b-tree page itself is broken, 16, 256, 4096…
 * rowids further on), so one bad page costs the rows on it, with a warning naming the rowid range,
 * not the whole table.
 */

import type { Database, SqlValue, Statement } from 'sql.js';
import { ensureLookupIndexes } from './lookup-index.ts';
import type { LookupIndex } from './lookup-index.ts';
import { hasRowid, quoteIdentifier, rowCount } from './schema.ts';

export type Row = Record<string, SqlValue>;

/** The rowid of a scanned row, under a name no real column uses. */
export const ROWID = '__rowid';

export interface TableScan {
  table: string;
  /** SELECT expressions over the table aliased `t` (see selectExpressions). */
  select: readonly string[];
  /** Extra LEFT JOINs (for 1:1 side tables keyed by the row). */
  joins?: string;
  /** Extra condition over `t`. */
  where?: string;
}

/** How far past an unreadable row the scan tries to resume, in rowids. */
const RESUME_STEPS = [1, 16, 256, 4096, 65_536, 1_048_576];

/**
 * Why rows could not be read: a damaged page, or a table declared WITHOUT ROWID, which has no rowid
 * for a record's locator to name (nothing is damaged: the scan does not read it at all).
 */
export type ScanErrorCause = 'damaged' | 'no-rowid';

/** Called when rows could not be read; `fromRowid`..`toRowid` is the range given up (toRowid null: the rest). */
export type ScanErrorHandler = (message: string, fromRowid: number | null, toRowid: number | null, cause: ScanErrorCause) => void;

/** Read failures in one table after which it is given up (a file that is mostly garbage). */
const MAX_READ_FAILURES = 10_000;

/** Yields every readable row of a table in rowid order, with its rowid under ROWID. */
export function* scanRows(db: Database, scan: TableScan, onError: ScanErrorHandler): Generator<Row> {
  if (!hasRowid(db, scan.table)) {
    // Each record's locator is (table, rowid): a table without rowids gives none to name, and a
    // primary key put in its place would claim a rowid the file does not hold. Said, not guessed.
    const rows = rowCount(db, scan.table);
    onError(`the table is declared WITHOUT ROWID (a rebuilt or hand-made database): it has no rowid, which each record's locator names, so its ${rows === null ? '' : `${rows} `}row(s) were not read`, null, null, 'no-rowid');
    return;
  }
  let after: number | null = null;
  let failures = 0;
  for (;;) {
    let statement: Statement | null = null;
    try {
      statement = prepareScan(db, scan, after);
      while (statement.step()) {
        const row = statement.getAsObject();
        const rowid = row[ROWID];
        if (typeof rowid === 'number') {
          // Rows come in rowid order, so a smaller rowid means a damaged page points back into pages
          // already read: a loop SQLite does not notice, which would yield the same rows forever.
          if (after !== null && rowid < after) throw new Error(`the table's b-tree leads back to rowid ${rowid} after rowid ${after} (damaged pages form a loop)`);
          after = rowid;
        }
        yield row;
      }
      return;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures += 1;
      // `after` only grows (each resume point is past the last one), so the scan always ends.
      const found: number | null = failures > MAX_READ_FAILURES ? null : findResumePoint(db, scan.table, after);
      // A damaged b-tree can make even a seek land behind `after`: resuming there could loop, so give up.
      const resumed: number | null = found !== null && after !== null && found <= after ? null : found;
      onError(message, after, resumed, 'damaged');
      if (resumed === null) return;
      after = resumed;
    } finally {
      statement?.free();
    }
  }
}

function prepareScan(db: Database, scan: TableScan, after: number | null): Statement {
  const conditions: string[] = [];
  if (after !== null) conditions.push(`t.rowid > ${after}`);
  if (scan.where !== undefined) conditions.push(`(${scan.where})`);
  const sql = [
    `SELECT t.rowid AS ${ROWID}, ${scan.select.join(', ')}`,
    `FROM ${quoteIdentifier(scan.table)} AS t`,
    scan.joins ?? '',
    conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '',
    'ORDER BY t.rowid',
  ].join(' ');
  return db.prepare(sql);
}

/**
 * Where to resume after a failure past `after`. When the rowid of the failing row can still be
 * read (its record or overflow chain is what is broken), skip just that row; otherwise the b-tree
 * page itself is damaged, so probe further and further on for a place the b-tree can be entered.
 */
function findResumePoint(db: Database, table: string, after: number | null): number | null {
  const from = after ?? Number.MIN_SAFE_INTEGER;
  const failing = firstRowidAfter(db, table, from);
  if (failing !== undefined) return failing;
  for (const step of RESUME_STEPS) {
    const next = firstRowidAfter(db, table, from + step);
    if (next === null) return null;
    if (next !== undefined) return next - 1;
  }
  return null;
}

/** The first rowid greater than `after`; null when there is none, undefined when it cannot be read. */
function firstRowidAfter(db: Database, table: string, after: number): number | null | undefined {
  const probe = tryPrepare(db, `SELECT rowid FROM ${quoteIdentifier(table)} WHERE rowid > ${after} ORDER BY rowid LIMIT 1`);
  if (probe === null) return undefined;
  try {
    if (!probe.step()) return null;
    const rowid = probe.get()[0];
    return typeof rowid === 'number' ? rowid : undefined;
  } catch {
    return undefined;
  } finally {
    probe.free();
  }
}

function tryPrepare(db: Database, sql: string): Statement | null {
  try {
    return db.prepare(sql);
  } catch {
    return null;
  }
}

/**
 * A prepared lookup by one key (a side table, a join table), reused for every row. `indexes` are
 * the columns the key (and any join) is compared by: when the database has no index SQLite can
 * use for them, one is made on the in-memory copy (lookup-index.ts), so a database without its
 * indexes does not make the import quadratic.
 */
export class Lookup {
  private readonly statement: Statement;
  /** Why the lookup still reads a table in full after its indexes were asked for; null when it does not. */
  readonly fullRead: string | null;

  constructor(db: Database, sql: string, indexes: readonly LookupIndex[]) {
    this.fullRead = ensureLookupIndexes(db, sql, indexes);
    this.statement = db.prepare(sql);
  }

  /** Every row for `key` (at most `limit`, so a hostile join table cannot exhaust memory). */
  all(key: SqlValue, limit = 1000): Row[] {
    const rows: Row[] = [];
    try {
      this.statement.bind([key]);
      while (rows.length < limit && this.statement.step()) rows.push(this.statement.getAsObject());
    } finally {
      this.statement.reset();
    }
    return rows;
  }

  one(key: SqlValue): Row | null {
    return this.all(key, 1)[0] ?? null;
  }

  free(): void {
    this.statement.free();
  }
}
