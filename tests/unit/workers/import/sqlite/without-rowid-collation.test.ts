import { describe, expect, it } from 'vitest';

import { googleMessagesDbParser } from '../../../../../workers/import/google-messages/index.ts';
import { missingCollations, readWithoutRowidTablesByteForByte } from '../../../../../workers/import/sqlite/collations.ts';
import { Lookup, openBytes } from '../../../../../workers/import/sqlite/index.ts';
import { BASE_MS, BUGLE_SCHEMA, PEOPLE_AND_CONVERSATIONS, messageSql, textPartSql } from '../../../../support/bugle-db-schema.ts';
import { declareCollation } from '../../../../support/foreign-collation.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression: a table declared WITHOUT ROWID with a column in Android's LOCALIZED collation (which
 * sql.js lacks) could not be read at all: its rows live in its primary key's b-tree, whose key
 * description names every column's collation, so each statement over it failed ("no such collation
 * sequence: LOCALIZED", then "no query solution"), and a reader's lookups on it failed the import.
 * On the copy in memory its schema is now read as BINARY and its b-tree re-sorted so, with a warning.
 */

/** 300 keys alternating upper and lower case: stored NOCASE, their order is not BINARY's. */
const KEYS = Array.from({ length: 300 }, (_, index) => (index % 2 === 0 ? `K${index}` : `k${index}`));

async function localizedKeyTable(): Promise<Uint8Array> {
  const nocase = await buildDatabase(`
    CREATE TABLE contact_keys (lookup_key TEXT COLLATE NOCASE PRIMARY KEY, name TEXT COLLATE BINARY) WITHOUT ROWID;
    CREATE INDEX contact_name ON contact_keys (name);
    INSERT INTO contact_keys VALUES ${KEYS.map((key) => `('${key}', 'name of ${key}')`).join(', ')};`);
  return declareCollation(await declareCollation(nocase, 'LOCALIZED', 'NOCASE'), 'LOCALIZED');
}

describe('regression: a WITHOUT ROWID table with a column in a collation sql.js does not have', () => {
  it('is read byte for byte: a lookup by its key finds every row though the phone stored them in another order', async () => {
    const bytes = await localizedKeyTable();
    const evidence = Uint8Array.from(bytes);
    const db = await openBytes(bytes, 'contacts.db');
    try {
      expect(() => db.exec('SELECT count(*) FROM contact_keys')).toThrow(/collation|query solution/u);
      expect(readWithoutRowidTablesByteForByte(db, missingCollations(db))).toEqual({ rewritten: ['contact_keys'], failed: [] });
      const byKey = new Lookup(db, 'SELECT t.name FROM contact_keys AS t WHERE t.lookup_key = ? COLLATE BINARY', [{ table: 'contact_keys', columns: ['lookup_key'] }]);
      expect(KEYS.filter((key) => byKey.one(key)?.['name'] === `name of ${key}`)).toHaveLength(KEYS.length);
      // Byte for byte: the other case of a key is another key.
      expect(byKey.one('k0')).toBeNull();
      byKey.free();
      const byName = new Lookup(db, 'SELECT t.lookup_key FROM contact_keys AS t WHERE t.name = ? COLLATE BINARY', [{ table: 'contact_keys', columns: ['name'] }]);
      expect(byName.all('name of k1')).toEqual([{ lookup_key: 'k1' }]);
      byName.free();
      expect(() => db.exec('CREATE TABLE written (a)')).toThrow(/readonly|read-only/iu);
    } finally {
      db.close();
    }
    expect(bytes).toEqual(evidence);
  });

  it('puts a table it cannot re-sort (a damaged page) back as it was and names it, the copy left query-only', async () => {
    const bytes = await localizedKeyTable();
    const db0 = await openBytes(bytes, 'contacts.db');
    const root = Number(db0.exec("SELECT rootpage FROM sqlite_master WHERE name = 'contact_keys'")[0]?.values[0]?.[0]);
    const pageSize = Number(db0.exec('PRAGMA page_size')[0]?.values[0]?.[0]);
    db0.close();
    // The table's root page made garbage: it cannot be read, so it cannot be re-sorted either.
    const damaged = Uint8Array.from(bytes);
    damaged.fill(0xff, (root - 1) * pageSize, root * pageSize);
    const db = await openBytes(damaged, 'contacts.db');
    try {
      const before = db.exec("SELECT sql FROM sqlite_master WHERE tbl_name = 'contact_keys' ORDER BY name")[0]?.values;
      const outcome = readWithoutRowidTablesByteForByte(db, missingCollations(db));
      expect(outcome.rewritten).toEqual([]);
      expect(outcome.failed).toEqual([{ table: 'contact_keys', reason: expect.any(String) as string }]);
      expect(db.exec("SELECT sql FROM sqlite_master WHERE tbl_name = 'contact_keys' ORDER BY name")[0]?.values).toEqual(before);
      expect(() => db.exec('CREATE TABLE written (a)')).toThrow(/readonly|read-only/iu);
    } finally {
      db.close();
    }
  });

  it('bugle_db: parts WITHOUT ROWID with text COLLATE LOCALIZED no longer fail the import; the parts are read and a warning names the table', async () => {
    const schema = BUGLE_SCHEMA
      .replace('CREATE TABLE parts (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_id INT, text TEXT,', 'CREATE TABLE parts (_id INTEGER PRIMARY KEY, message_id INT, text TEXT COLLATE BINARY,')
      .replace('file_size_bytes INT DEFAULT(-1), local_cache_path TEXT);', 'file_size_bytes INT DEFAULT(-1), local_cache_path TEXT) WITHOUT ROWID;');
    expect(schema).toContain('text TEXT COLLATE BINARY');
    const bytes = await declareCollation(await buildDatabase(`${schema}${PEOPLE_AND_CONVERSATIONS}
      ${messageSql({ id: 10, conversation: 1, sender: 2, received: BASE_MS, protocol: 0, status: 100 }, [`INSERT INTO parts (_id, message_id, text, content_type, conversation_id) VALUES (4, 10, 'room 12', 'text/plain', 1);`])}
      ${messageSql({ id: 11, conversation: 1, sender: 2, received: BASE_MS + 1000, protocol: 0, status: 100 }, [textPartSql(11, 1, 'at nine').replace('(message_id,', '(_id, message_id,').replace('VALUES (', 'VALUES (5, ')])}`), 'LOCALIZED');
    const run = await runParser(googleMessagesDbParser, bytes, 'bugle_db');
    expect(checkParsedInvariants(run, 'bugle_db')).toEqual([]);
    expect(run.sink.messages.map((message) => message.text)).toEqual(['room 12', 'at nine']);
    expect(run.sink.warnings).toContainEqual({ place: 'bugle_db:parts', message: expect.stringContaining('byte for byte') as string });
  });
});
