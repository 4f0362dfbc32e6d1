import type { SqlConnection as Database } from './sql-connection.ts';
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
    // PRAGMA foreign_keys is a no-op inside a transaction, so it is switched around it.
    const foreignKeysOff = migration.rebuildsTables === true && readPragma(db, 'foreign_keys') === 1;
    if (foreignKeysOff) db.exec('PRAGMA foreign_keys = OFF');
    db.exec('BEGIN');
    try {
      db.exec(migration.up);
      if (migration.rebuildsTables === true) assertForeignKeysHold(db);
      // user_version cannot be bound as a parameter; the value is an integer from our own list.
      db.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw new AppError('E_CASE_CORRUPT', `Migration ${migration.version}-${migration.name} failed: ${String(error)}`, { expected: false, cause: error });
    } finally {
      if (foreignKeysOff) db.exec('PRAGMA foreign_keys = ON');
    }
  }
  return { from, to: readSchemaVersion(db) };
}

function readPragma(db: Database, name: 'foreign_keys'): number {
  return Number(db.exec(`PRAGMA ${name}`)[0]?.values[0]?.[0] ?? 0);
}

/** A rebuilt table must leave every reference to it intact; a dangling one fails the migration. */
function assertForeignKeysHold(db: Database): void {
  const violations = db.exec('PRAGMA foreign_key_check')[0]?.values ?? [];
  if (violations.length > 0) throw new Error(`${violations.length} rows would refer to missing rows (first: ${JSON.stringify(violations[0])})`);
}
