/**
 * Collations a phone database names that this reader does not have.
 *
 * Android's SQLite registers LOCALIZED, UNICODE and PHONEBOOK, and app databases declare columns
 * and indexes with them (contacts2.db's `display_name TEXT COLLATE LOCALIZED`). sql.js has none of
 * them and offers no way to add one (its build exports sqlite3_create_function_v2, not
 * sqlite3_create_collation), so a statement that compares such a column fails to prepare with "no
 * such collation sequence". Readers compare ids byte for byte (`COLLATE BINARY`, which is what an
 * id match means and works without the collation); this names the collations so a warning can say
 * that comparisons did not follow them.
 */

import type { Database } from 'sql.js';
import { quoteIdentifier } from './schema.ts';

/** `COLLATE name` in schema text, the name bare or quoted. */
const COLLATE_CLAUSE = /\bCOLLATE\s+(?:"((?:[^"]|"")+)"|'((?:[^']|'')+)'|`([^`]+)`|\[([^\]]+)\]|([A-Za-z_][A-Za-z0-9_$]*))/giu;

/** Upper-cased names of the collations the schema declares and this SQLite does not have. */
export function missingCollations(db: Database): string[] {
  const declared = new Set<string>();
  const statement = db.prepare('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL');
  try {
    while (statement.step()) {
      const text = statement.get()[0];
      if (typeof text !== 'string') continue;
      for (const match of text.matchAll(COLLATE_CLAUSE)) {
        const name = (match[1]?.replace(/""/gu, '"') ?? match[2]?.replace(/''/gu, "'") ?? match[3] ?? match[4] ?? match[5] ?? '').toUpperCase();
        if (name !== '') declared.add(name);
      }
    }
  } finally {
    statement.free();
  }
  return [...declared].filter((name) => !isAvailable(db, name)).sort();
}

function isAvailable(db: Database, name: string): boolean {
  try {
    db.exec(`SELECT 'a' = 'a' COLLATE ${quoteIdentifier(name)}`);
    return true;
  } catch {
    return false;
  }
}
