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
  close(): void;
}
