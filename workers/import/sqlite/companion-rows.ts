/**
 * Rows of a companion database's table (a contacts database read beside a message database):
 * its rows give names and number pairs, never a record of their own, so a table declared WITHOUT
 * ROWID is read too. scanRows refuses one because each record's locator names a rowid; a name
 * taken from a companion row is named by the row's primary key instead, which such a table always
 * has and which is what tells its rows apart.
 */

import type { Database, Statement } from 'sql.js';
import type { Row, ScanErrorHandler, TableScan } from './rows.ts';
import { ROWID, scanRows } from './rows.ts';
import { hasRowid, primaryKeyColumns, quoteIdentifier, storedOrder } from './schema.ts';

/** A row's primary key as text (`Z_PK=7`, `jid='…'`) in a table without rowids, under a name no real column uses. */
export const ROW_KEY = '__key';

/**
 * Every readable row of a companion table: in rowid order with its rowid under ROWID (scanRows,
 * which skips damaged pages), or, in a table without rowids, in its primary key's order with the
 * key under ROW_KEY. A failure in the latter ends the scan: with no rowid there is nowhere to
 * resume from, and the warning says after which row.
 */
export function* scanCompanionRows(db: Database, scan: TableScan, onError: ScanErrorHandler): Generator<Row> {
  if (hasRowid(db, scan.table)) {
    yield* scanRows(db, scan, onError);
    return;
  }
  let statement: Statement | null = null;
  let lastKey: string | null = null;
  try {
    statement = db.prepare(keyedScanSql(db, scan));
    while (statement.step()) {
      const row = statement.getAsObject();
      const key = row[ROW_KEY];
      lastKey = typeof key === 'string' ? key : lastKey;
      yield row;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    onError(`${message}; the rows ${lastKey === null ? 'from the start' : `after the row ${lastKey}`} in its primary key's order were not read (the table has no rowid to resume from)`, null, null, 'damaged');
  } finally {
    statement?.free();
  }
}

/** Where a companion row is, after `<file>:<table>`: `#<rowid>`, or `(<key>)` in a table without rowids. */
export function companionRowPlace(row: Row): string {
  const rowid = row[ROWID];
  if (typeof rowid === 'number') return `#${rowid}`;
  const key = row[ROW_KEY];
  return typeof key === 'string' ? `(${key})` : '';
}

function keyedScanSql(db: Database, scan: TableScan): string {
  // quote() writes each key value as SQL would (text quoted, numbers bare), so a key reads back unambiguously.
  const key = primaryKeyColumns(db, scan.table).map((name) => `'${name.replace(/'/gu, "''")}=' || quote(t.${quoteIdentifier(name)})`);
  return [
    `SELECT ${key.length === 0 ? 'NULL' : key.join(` || ', ' || `)} AS ${ROW_KEY}, ${scan.select.join(', ')}`,
    `FROM ${quoteIdentifier(scan.table)} AS t`,
    scan.joins ?? '',
    scan.where === undefined ? '' : `WHERE (${scan.where})`,
    `ORDER BY ${storedOrder(db, scan.table, 't')}`,
  ].join(' ');
}
