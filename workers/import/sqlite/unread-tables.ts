import type { Database } from 'sql.js';
import { hasTable, rowCount } from './schema.ts';
import type { WarningCap } from './parse-support.ts';

/**
 * Tables of a phone database that hold messages its importer does not read (a vendor's own
 * tables, deleted-message tombstones): each present one is counted for the source's details, and
 * one that holds rows is warned about, so an analyst knows what the case does not show. `why` is
 * added to the warning (what keeps the importer from reading it), when there is something to say.
 */
export function countUnreadTables(db: Database, tables: Readonly<Record<string, string>>, file: string, warnings: WarningCap, why = ''): Record<string, number | null> {
  const unread: Record<string, number | null> = {};
  for (const [table, what] of Object.entries(tables)) {
    if (!hasTable(db, table)) continue;
    const rows = rowCount(db, table);
    unread[table] = rows;
    if (rows !== null && rows > 0) warnings.add('unread', `${file}:${table}`, `table ${table} (${what}) has ${rows} row(s) that this importer does not read${why === '' ? '' : `: ${why}`}`);
  }
  return unread;
}
