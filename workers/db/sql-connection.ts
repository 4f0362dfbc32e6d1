import { packedRowsProblem, unpackRows, type PackedRows } from '../../shared/contracts/packed-rows.ts';

/**
 * The part of a SQLite connection the repositories use: the subset of sql.js's `Database` that
 * both the case database's file-backed connection (file-connection.ts, ADR 0013) and an sql.js
 * database in memory (tests) provide.
 */
export type SqlValue = number | string | Uint8Array | null;

export interface SqlStatement {
  bind(values?: SqlValue[]): boolean;
  step(): boolean;
  getAsObject(): Record<string, SqlValue>;
  run(values?: SqlValue[]): void;
  free(): boolean;
}

export interface SqlResultSet {
  columns: string[];
  values: SqlValue[][];
}

export interface SqlConnection {
  /** Runs one statement or a script; the result sets of statements that return rows. */
  exec(sql: string): SqlResultSet[];
  prepare(sql: string): SqlStatement;
  run(sql: string, params?: SqlValue[]): unknown;
  /**
   * Inserts the packed rows, in order, with `${insert} VALUES (…), (…), …` statements of up to
   * rowsPerInsert(columns) rows each (one parameter per packed column), strings bound where they
   * lie in one copy of the packed text (ADR 0015); checks the rows first (assertPackedRows).
   * Connections without it get the same statements bound value by value (insertPackedRows).
   */
  insertPackedRows?(insert: string, rows: PackedRows): void;
  close(): void;
}

/**
 * Most `?` parameters any SQLite build takes in one statement (SQLITE_MAX_VARIABLE_NUMBER was 999
 * before 3.32): the statements below stay within it whatever SQLite runs them.
 */
const PORTABLE_MAX_PARAMETERS = 999;
/**
 * Rows per INSERT statement. A statement per row spent most of its time being a statement: at 1M
 * messages, 7.0 µs a row with one row per statement, 5.0 with 8, 4.2–4.3 with 64 to 125, 4.7 with
 * 500 (case file connection, this machine; ADR 0015).
 */
const MAX_ROWS_PER_INSERT = 64;

export function rowsPerInsert(columns: number): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(PORTABLE_MAX_PARAMETERS / columns)));
}

/** `${insert} VALUES` with `rows` tuples of `columns` parameters. */
export function valuesStatement(insert: string, columns: number, rows: number): string {
  const tuple = `(${new Array<string>(columns).fill('?').join(', ')})`;
  return `${insert} VALUES ${new Array<string>(rows).fill(tuple).join(', ')}`;
}

/**
 * Inserts packed rows in order (SqlConnection.insertPackedRows): in place where the connection
 * can, value by value through the same statements otherwise. Either way a row SQLite refuses
 * fails its statement and the call; the caller's savepoint undoes the rows before it.
 */
export function insertPackedRows(db: SqlConnection, insert: string, rows: PackedRows): void {
  if (db.insertPackedRows !== undefined) {
    db.insertPackedRows(insert, rows);
    return;
  }
  assertPackedRows(rows);
  const values = unpackRows(rows);
  const perStatement = rowsPerInsert(rows.columns);
  let statement: SqlStatement | null = null;
  let statementRows = 0;
  try {
    for (let row = 0; row < values.length; row += perStatement) {
      const group = values.slice(row, row + perStatement);
      if (group.length !== statementRows) {
        statement?.free();
        statement = db.prepare(valuesStatement(insert, rows.columns, group.length));
        statementRows = group.length;
      }
      statement?.run(group.flat());
    }
  } finally {
    statement?.free();
  }
}

/** Throws, saying which value, unless every cell of the rows is well formed. */
export function assertPackedRows(rows: PackedRows): void {
  const problem = packedRowsProblem(rows);
  if (problem !== null) throw new Error(`Malformed rows: ${problem}`);
}
