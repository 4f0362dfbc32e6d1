/**
 * Indexes for the per-row lookups of the database readers, made on the in-memory copy.
 *
 * A reader asks a side table for each message's rows (an MMS's parts, a message's receipts). When
 * the column it asks by has no index, SQLite reads the whole table for every message: an import
 * of n messages with n parts then costs n² row reads (20,000 of each took 23 s; a phone's real
 * MMS history would take hours). Databases arrive without their indexes more often than one would
 * think: vendor builds that never made them, tools that rebuild or carve a database, hand-made
 * and hostile files. So a lookup whose plan reads a table in full (or builds an automatic index,
 * which SQLite does anew on every run of the statement) gets the index it needs, made on the copy
 * in memory. The evidence file is never written (the copy is sql.js's, see
 * open-evidence-database.ts); `PRAGMA query_only` is lifted only for the CREATE INDEX.
 */

import type { Database } from 'sql.js';
import { quoteIdentifier } from './schema.ts';

/** The table a lookup's key is compared with, and the column(s) it is compared by. */
export interface LookupIndex {
  table: string;
  columns: readonly string[];
}

/** Prefix of the indexes made here, so they cannot collide with the database's own. */
const INDEX_PREFIX = 'threadline_lookup';

/** What could not be indexed, per database, for the reader to report once (see takeLookupShortfalls). */
const shortfalls = new WeakMap<Database, string[]>();

/**
 * Makes the indexes `sql` needs when its plan would read a table in full. Returns null when the
 * plan needs no full read afterwards, otherwise why (recorded for takeLookupShortfalls too).
 */
export function ensureLookupIndexes(db: Database, sql: string, indexes: readonly LookupIndex[]): string | null {
  if (fullReads(db, sql).length === 0) return null;
  const failures: string[] = [];
  for (const index of indexes) {
    const failure = createIndex(db, index);
    if (failure !== null) failures.push(failure);
  }
  const remaining = fullReads(db, sql);
  if (remaining.length === 0) return null;
  const shortfall = `${remaining.join('; ')}${failures.length > 0 ? ` (${failures.join('; ')})` : ''}`;
  const list = shortfalls.get(db) ?? [];
  if (!list.includes(shortfall)) list.push(shortfall);
  shortfalls.set(db, list);
  return shortfall;
}

/** The shortfalls recorded for `db` since the last call, each once. */
export function takeLookupShortfalls(db: Database): string[] {
  const list = shortfalls.get(db) ?? [];
  shortfalls.delete(db);
  return list;
}

/**
 * The steps of `sql`'s query plan that read a whole table for each run of the statement: a SCAN
 * of a table (not of a constant row or a subquery's result) or an automatic index.
 */
export function fullReads(db: Database, sql: string): string[] {
  const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const reads: string[] = [];
  try {
    while (statement.step()) {
      const detail = statement.get()[3];
      if (typeof detail !== 'string') continue;
      if (/^SCAN (?!CONSTANT ROW)/u.test(detail) || /\bAUTOMATIC\b/u.test(detail)) reads.push(detail);
    }
  } finally {
    statement.free();
  }
  return reads;
}

function createIndex(db: Database, index: LookupIndex): string | null {
  const name = [INDEX_PREFIX, index.table, ...index.columns].join('_').replace(/[^A-Za-z0-9_]/gu, '_');
  // A column declared with a collation sql.js does not have (Android's LOCALIZED, see
  // collations.ts) cannot be indexed by it; it is indexed byte for byte, as readers compare ids.
  const columns = index.columns.map((column) => (collationMissing(db, index.table, column) ? `${quoteIdentifier(column)} COLLATE BINARY` : quoteIdentifier(column))).join(', ');
  const unlike = storedUnlikeDeclared(db, index);
  if (unlike !== null) return `no index on ${index.table} (${index.columns.join(', ')}) was made: ${unlike}`;
  try {
    db.exec('PRAGMA query_only = 0');
    db.exec(`CREATE INDEX IF NOT EXISTS ${quoteIdentifier(name)} ON ${quoteIdentifier(index.table)} (${columns})`);
    return null;
  } catch (error) {
    return `no index on ${index.table} (${index.columns.join(', ')}) could be made: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    db.exec('PRAGMA query_only = 1');
  }
}

/**
 * True when comparing `column` by its declared collation cannot even be prepared: SQLite here does
 * not have that collation. (Any other failure makes the index fail too; BINARY is then harmless.)
 */
function collationMissing(db: Database, table: string, column: string): boolean {
  try {
    db.prepare(`SELECT ${quoteIdentifier(column)} = ${quoteIdentifier(column)} FROM ${quoteIdentifier(table)}`).free();
    return false;
  } catch {
    return true;
  }
}

/** SQLite's affinity of a declared column type (datatype3.html, 3.1 "Determination Of Column Affinity"). */
type Affinity = 'INTEGER' | 'TEXT' | 'BLOB' | 'REAL' | 'NUMERIC';

function affinityOf(declaredType: string): Affinity {
  const type = declaredType.toUpperCase();
  if (type.includes('INT')) return 'INTEGER';
  if (type.includes('CHAR') || type.includes('CLOB') || type.includes('TEXT')) return 'TEXT';
  if (type === '' || type.includes('BLOB')) return 'BLOB';
  if (type.includes('REAL') || type.includes('FLOA') || type.includes('DOUB')) return 'REAL';
  return 'NUMERIC';
}

/** Storage classes a column of each affinity never holds when SQLite wrote it through its declared type. */
const FOREIGN_STORAGE: Record<Affinity, readonly string[]> = {
  TEXT: ['integer', 'real'],
  INTEGER: ['text'],
  REAL: ['text'],
  NUMERIC: ['text'],
  BLOB: [],
};

/**
 * Why an index on `index`'s columns would not read as the table does, or null. An index holds its
 * values converted to the column's affinity; the table holds what the file holds. A database
 * written through SQLite never differs, but a rebuilt, carved or hand-made one can hold a number in
 * a TEXT column or a text in an INTEGER one, which a comparison finds and a search through the
 * index does not (a part of an MMS, a group's member would be lost). Such a column gets no index:
 * the lookup reads the whole table, slowly, and finds what it finds without one.
 */
function storedUnlikeDeclared(db: Database, index: LookupIndex): string | null {
  const declared = declaredTypes(db, index.table);
  for (const column of index.columns) {
    const type = declared.get(column.toLowerCase()) ?? '';
    const foreign = FOREIGN_STORAGE[affinityOf(type)];
    if (foreign.length === 0) continue;
    const sql = `SELECT 1 FROM ${quoteIdentifier(index.table)} WHERE typeof(${quoteIdentifier(column)}) IN (${foreign.map((kind) => `'${kind}'`).join(', ')}) LIMIT 1`;
    try {
      if (db.exec(sql).length > 0) return `a value of ${column} is stored unlike its declared type (${type}), which an index would read differently from the table`;
    } catch (error) {
      return `${column} could not be checked: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return null;
}

/** Declared types of a table's columns, by lower-cased name. */
function declaredTypes(db: Database, table: string): Map<string, string> {
  const types = new Map<string, string>();
  const statement = db.prepare(`PRAGMA table_info(${quoteIdentifier(table)})`);
  try {
    while (statement.step()) {
      const row = statement.getAsObject();
      if (typeof row['name'] === 'string') types.set(row['name'].toLowerCase(), typeof row['type'] === 'string' ? row['type'] : '');
    }
  } finally {
    statement.free();
  }
  return types;
}
