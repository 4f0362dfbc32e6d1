/**
 * Databases whose schema names a collation sql.js does not have, as Android's own SQLite registers
 * LOCALIZED, UNICODE and PHONEBOOK (contacts2.db declares `display_name TEXT COLLATE LOCALIZED`;
 * some app databases do too). sql.js refuses to create such a table, so the test database is made
 * with BINARY and the schema text is then changed to name the collation, as a phone's file would.
 */

import initSqlJs from 'sql.js';

/**
 * Rewrites, in `bytes`, every `COLLATE <from>` (BINARY unless named) written in a table's or
 * index's schema text to `COLLATE <collation>`; `bytes` is left as it was (a copy is returned).
 * Built with NOCASE, a table's b-tree is stored in an order BINARY does not follow, as a phone's
 * LOCALIZED one is.
 */
export async function declareCollation(bytes: Uint8Array, collation: string, from = 'BINARY'): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(bytes);
  try {
    db.exec('PRAGMA writable_schema = ON');
    db.run('UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE instr(sql, ?) > 0', [`COLLATE ${from}`, `COLLATE ${collation}`, `COLLATE ${from}`]);
    db.exec('PRAGMA writable_schema = OFF');
    return db.export();
  } finally {
    db.close();
  }
}
