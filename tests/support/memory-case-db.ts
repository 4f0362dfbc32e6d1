import type { Database } from 'sql.js';
import { loadSqlJs } from '../../workers/import/sqlite/sql-js.ts';
import { migrate } from '../../workers/db/migrate.ts';
import { run } from '../../workers/db/repos/rows.ts';

/** A case database in memory at the latest schema, holding one source (for repository tests). */
export async function memoryCaseWithSource(source: { id: string; path: string; format: string; sha256: string; status: string }): Promise<Database> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  db.exec('PRAGMA foreign_keys = ON');
  migrate(db);
  run(
    db,
    `INSERT INTO sources (id, path, display_name, format, parser, parser_version, size, sha256, status, imported_at, time_zone, time_zone_origin, details, message_count, unparsed_count)
     VALUES (?, ?, ?, ?, 'p', '1', 1, ?, ?, '2024-01-01', 'UTC', 'flag', '{}', 0, 0)`,
    [source.id, source.path, source.path.replace(/^.*\//u, ''), source.format, source.sha256, source.status],
  );
  return db;
}
