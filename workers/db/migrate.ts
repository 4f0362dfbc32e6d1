import type { Database } from 'sql.js';
import { AppError } from '../../shared/errors.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';

export function readSchemaVersion(db: Database): number {
  const result = db.exec('PRAGMA user_version');
  return Number(result[0]?.values[0]?.[0] ?? 0);
}

/** Brings `db` up to the latest schema, each migration in its own transaction. */
export function migrate(db: Database, migrations = MIGRATIONS): { from: number; to: number } {
  const from = readSchemaVersion(db);
  const latest = migrations[migrations.length - 1]?.version ?? LATEST_SCHEMA_VERSION;
  if (from > latest) {
    throw new AppError('E_CASE_NEWER_VERSION', `This case was written by a newer Threadline (schema ${from}; this version knows up to ${latest}). Update Threadline to open it.`);
  }
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.exec('BEGIN');
    try {
      db.exec(migration.up);
      // user_version cannot be bound as a parameter; the value is an integer from our own list.
      db.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw new AppError('E_CASE_CORRUPT', `Migration ${migration.version}-${migration.name} failed: ${String(error)}`, { expected: false, cause: error });
    }
  }
  return { from, to: readSchemaVersion(db) };
}
