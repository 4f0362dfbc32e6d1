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
   * Runs `sql` (one statement, one parameter per packed column) once for each packed row, with
   * strings bound where they lie in one copy of the packed text (ADR 0015); checks the rows first
   * (assertPackedRows). Connections without
   * it get the rows bound value by value (runForEachPackedRow).
   */
  runPackedRows?(sql: string, rows: PackedRows): void;
  close(): void;
}

/** Runs `sql` once for each packed row: in place where the connection can, value by value otherwise. */
export function runForEachPackedRow(db: SqlConnection, sql: string, rows: PackedRows): void {
  if (db.runPackedRows !== undefined) {
    db.runPackedRows(sql, rows);
    return;
  }
  assertPackedRows(rows);
  const statement = db.prepare(sql);
  try {
    for (const values of unpackRows(rows)) statement.run(values);
  } finally {
    statement.free();
  }
}

/** Throws, saying which value, unless every cell of the rows is well formed. */
export function assertPackedRows(rows: PackedRows): void {
  const problem = packedRowsProblem(rows);
  if (problem !== null) throw new Error(`Malformed rows: ${problem}`);
}
