/**
 * Schema introspection. Apps change their schemas with every release (WhatsApp renamed its whole
 * message table; iOS adds columns each year), so parsers pick their variant by what exists and
 * ask for columns that may be missing as NULL, never by guessing from a version number.
 */

import type { Database } from 'sql.js';

/** Double-quotes an identifier for SQL (names come from the schema, not from users, but may be odd). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/gu, '""')}"`;
}

/** Names of the real tables (not views: a view over a table would repeat its rows), lower-cased. */
export function tableNames(db: Database): Set<string> {
  const names = new Set<string>();
  const statement = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
  try {
    while (statement.step()) {
      const value = statement.get()[0];
      if (typeof value === 'string') names.add(value.toLowerCase());
    }
  } finally {
    statement.free();
  }
  return names;
}

/** True when `name` is a table (case-insensitive, as SQLite compares names). */
export function hasTable(db: Database, name: string): boolean {
  const statement = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE");
  try {
    statement.bind([name]);
    return statement.step();
  } finally {
    statement.free();
  }
}

/** Column names of a table, lower-cased; empty when the table does not exist. */
export function columnsOf(db: Database, table: string): Set<string> {
  const columns = new Set<string>();
  const statement = db.prepare(`PRAGMA table_info(${quoteIdentifier(table)})`);
  try {
    while (statement.step()) {
      const row = statement.getAsObject();
      if (typeof row['name'] === 'string') columns.add(row['name'].toLowerCase());
    }
  } finally {
    statement.free();
  }
  return columns;
}

/**
 * False when `table` is declared WITHOUT ROWID (pragma_table_list.wr): such a table has no rowid
 * to name, so `rowid` in a statement over it is "no such column". True for any other table, and
 * for one that does not exist (a statement over it fails for that reason, not this one).
 */
export function hasRowid(db: Database, table: string): boolean {
  const statement = db.prepare("SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ? COLLATE NOCASE");
  try {
    statement.bind([table]);
    return !(statement.step() && statement.get()[0] === 1);
  } finally {
    statement.free();
  }
}

/**
 * ORDER BY terms that put a table's rows (aliased `alias`) in its own stored order, so a lookup's
 * order never follows whichever index SQLite walks: its rowid, or, for a WITHOUT ROWID table (a
 * rebuilt or hand-made database; it has no rowid to name), its primary key's columns.
 */
export function storedOrder(db: Database, table: string, alias: string): string {
  const prefix = `${alias}.`;
  if (hasRowid(db, table)) return `${prefix}rowid`;
  return primaryKeyColumns(db, table).map((name) => `${prefix}${quoteIdentifier(name)}`).join(', ');
}

/** The columns of a table's primary key, in the key's order (none for a rowid table without one). */
export function primaryKeyColumns(db: Database, table: string): string[] {
  const key = db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk');
  const columns: string[] = [];
  try {
    key.bind([table]);
    while (key.step()) {
      const name = key.get()[0];
      if (typeof name === 'string') columns.push(name);
    }
  } finally {
    key.free();
  }
  return columns;
}

/** Rows in a table, or null when counting fails (a damaged b-tree). */
export function rowCount(db: Database, table: string): number | null {
  try {
    const value = db.exec(`SELECT count(*) FROM ${quoteIdentifier(table)}`)[0]?.values[0]?.[0];
    return typeof value === 'number' ? value : null;
  } catch {
    return null;
  }
}

/** How to read one column: as stored, as exact text (big integers), or a blob capped in size. */
export interface ColumnRequest {
  name: string;
  /** Also return CAST(column AS TEXT) as `<name>__text`: exact digits of 64-bit timestamps. */
  asText?: boolean;
  /** Return NULL instead of a blob longer than this, and the length as `<name>__length`. */
  maxBytes?: number;
}

/**
 * SELECT expressions for the requested columns of `table` (aliased `alias`), with NULL for columns
 * this version of the schema does not have. Output names are the lower-cased column names, after
 * `prefix` (to keep the columns of joined side tables apart).
 */
export function selectExpressions(available: Set<string>, alias: string, requests: readonly (string | ColumnRequest)[], prefix = ''): string[] {
  const expressions: string[] = [];
  for (const request of requests) {
    const { name, asText = false, maxBytes } = typeof request === 'string' ? { name: request } : request;
    const key = prefix + name.toLowerCase();
    const present = available.has(name.toLowerCase());
    const column = `${alias}.${quoteIdentifier(name)}`;
    if (maxBytes !== undefined) {
      expressions.push(present ? `CASE WHEN length(${column}) > ${Math.floor(maxBytes)} THEN NULL ELSE ${column} END AS ${quoteIdentifier(key)}` : `NULL AS ${quoteIdentifier(key)}`);
      expressions.push(present ? `length(${column}) AS ${quoteIdentifier(`${key}__length`)}` : `NULL AS ${quoteIdentifier(`${key}__length`)}`);
    } else {
      expressions.push(present ? `${column} AS ${quoteIdentifier(key)}` : `NULL AS ${quoteIdentifier(key)}`);
    }
    if (asText) {
      expressions.push(present ? `CAST(${column} AS TEXT) AS ${quoteIdentifier(`${key}__text`)}` : `NULL AS ${quoteIdentifier(`${key}__text`)}`);
    }
  }
  return expressions;
}
