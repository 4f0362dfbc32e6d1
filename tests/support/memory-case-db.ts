import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'sql.js';
import { loadSqlJs } from '../../workers/import/sqlite/sql-js.ts';
import { FileConnection } from '../../workers/db/file-connection.ts';
import { migrate } from '../../workers/db/migrate.ts';
import { run } from '../../workers/db/repos/rows.ts';
import type { SqlConnection } from '../../workers/db/sql-connection.ts';

interface TestSource {
  id: string;
  path: string;
  format: string;
  sha256: string;
  status: string;
}

/** A case database in memory at the latest schema, holding one source (for repository tests). */
export async function memoryCaseWithSource(source: TestSource): Promise<Database> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  withSource(db, source);
  return db;
}

/**
 * The same case as a file, through the connection the db worker uses (FileConnection): for
 * tests of what that connection does its own way (packed rows bound in place). Close it; the
 * temporary folder is left to the system.
 */
export function fileCaseWithSource(source: TestSource): FileConnection {
  const db = new FileConnection(join(mkdtempSync(join(tmpdir(), 'threadline-case-')), 'case.sqlite'), { mustExist: false });
  withSource(db, source);
  return db;
}

function withSource(db: SqlConnection, source: TestSource): void {
  db.exec('PRAGMA foreign_keys = ON');
  migrate(db);
  run(
    db,
    `INSERT INTO sources (id, path, display_name, format, parser, parser_version, size, sha256, status, imported_at, time_zone, time_zone_origin, details, message_count, unparsed_count)
     VALUES (?, ?, ?, ?, 'p', '1', 1, ?, ?, '2024-01-01', 'UTC', 'flag', '{}', 0, 0)`,
    [source.id, source.path, source.path.replace(/^.*\//u, ''), source.format, source.sha256, source.status],
  );
}
