import type { SqlConnection as Database, SqlValue } from '../sql-connection.ts';

/** Runs a SELECT with bound values and maps each row to an object keyed by column name. */
export function selectAll(db: Database, sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
  const statement = db.prepare(sql);
  try {
    statement.bind(params);
    const rows: Record<string, SqlValue>[] = [];
    while (statement.step()) rows.push(statement.getAsObject() as Record<string, SqlValue>);
    return rows;
  } finally {
    statement.free();
  }
}

export function selectOne(db: Database, sql: string, params: SqlValue[] = []): Record<string, SqlValue> | null {
  return selectAll(db, sql, params)[0] ?? null;
}

export function run(db: Database, sql: string, params: SqlValue[] = []): void {
  db.run(sql, params);
}

export function asString(value: SqlValue | undefined): string {
  return typeof value === 'string' ? value : String(value ?? '');
}

export function asNullableString(value: SqlValue | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function asNumber(value: SqlValue | undefined): number {
  return typeof value === 'number' ? value : Number(value ?? 0);
}

/** Runs `work` inside one transaction; the connection is synchronous, so nothing interleaves. */
export function inTransaction<T>(db: Database, work: () => T): T {
  db.exec('BEGIN');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** A stored direction ('incoming' | 'outgoing'), null for anything else. */
export function directionOf(value: SqlValue | undefined): 'incoming' | 'outgoing' | null {
  return value === 'incoming' || value === 'outgoing' ? value : null;
}
