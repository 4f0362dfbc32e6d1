import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';

import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { SQLITE_PARSERS } from '../../../../../workers/import/parsers.ts';
import { fullReads, identifySqliteSource, Lookup, openBytes } from '../../../../../workers/import/sqlite/index.ts';
import { buildDatabase, MMS_TABLES, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * A database without the indexes its readers' per-row lookups need (an MMS's parts by `mid`, its
 * addresses by `msg_id`) made every lookup read the whole side table: quadratic in the number of
 * messages. The lookup now makes the index on the in-memory copy, and says so when it cannot.
 */

const PART_LOOKUP = 'SELECT t._id FROM part AS t WHERE t.mid = ? ORDER BY t.seq, t._id';
const PART_INDEX = [{ table: 'part', columns: ['mid'] }];

function mmsDatabaseSql(count: number): string {
  const pdus: string[] = [];
  const parts: string[] = [];
  const addresses: string[] = [];
  for (let id = 1; id <= count; id += 1) {
    pdus.push(`(${id}, ${1 + (id % 7)}, ${1_617_900_000 + id}, 1, 132)`);
    parts.push(`(${id}, 0, 'text/plain', 'text_0.txt', 'message ${id}')`, `(${id}, 1, 'image/jpeg', 'image_${id}.jpg', NULL)`);
    addresses.push(`(${id}, '+4470000${String(id).padStart(5, '0')}', 137, 106)`);
  }
  return `
    ${MMS_TABLES}
    INSERT INTO pdu VALUES ${pdus.join(', ')};
    INSERT INTO part (mid, seq, ct, cl, text) VALUES ${parts.join(', ')};
    INSERT INTO addr (msg_id, address, type, charset) VALUES ${addresses.join(', ')};
  `;
}

/** The database's bytes with every index it made itself dropped (constraints' own indexes stay). */
async function withoutIndexes(bytes: Uint8Array): Promise<{ bytes: Uint8Array; dropped: number }> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(bytes);
  try {
    const names = (db.exec("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")[0]?.values ?? []).map((row) => String(row[0]));
    for (const name of names) db.exec(`DROP INDEX "${name.replace(/"/gu, '""')}"`);
    return { bytes: db.export(), dropped: names.length };
  } finally {
    db.close();
  }
}

const SHORTFALL = /a lookup reads a whole table/u;

describe('per-row lookups on a database without indexes', () => {
  it('plans a full read of the side table without an index, and a search once the lookup made one', async () => {
    const db = await openBytes(await buildDatabase(mmsDatabaseSql(3)), 'mmssms.db');
    try {
      expect(fullReads(db, PART_LOOKUP)).toEqual([expect.stringMatching(/^SCAN t\b/u)]);
      const lookup = new Lookup(db, PART_LOOKUP, PART_INDEX);
      expect(lookup.fullRead).toBeNull();
      expect(fullReads(db, PART_LOOKUP)).toEqual([]);
      expect(lookup.all(2).map((row) => row['_id'])).toEqual([3, 4]);
      lookup.free();
    } finally {
      db.close();
    }
  });

  it('leaves the copy query-only after making the index', async () => {
    const db = await openBytes(await buildDatabase(mmsDatabaseSql(1)), 'mmssms.db');
    try {
      new Lookup(db, PART_LOOKUP, PART_INDEX).free();
      expect(() => db.exec('CREATE TABLE written (a)')).toThrow(/readonly|read-only/iu);
    } finally {
      db.close();
    }
  });

  it('reads 2,000 MMS with their parts and addresses as with the indexes, and warns of nothing', async () => {
    const bare = await buildDatabase(mmsDatabaseSql(2000));
    const indexed = await buildDatabase(`${mmsDatabaseSql(2000)} CREATE INDEX partMidIndex ON part (mid); CREATE INDEX addrMsgIdIndex ON addr (msg_id);`);
    const [withIndexes, without] = await Promise.all([runParser(androidSmsDbParser, indexed, 'mmssms.db'), runParser(androidSmsDbParser, bare, 'mmssms.db')]);
    expect(without.sink.messages).toHaveLength(2000);
    expect(without.sink.messages[1999]?.text).toBe('message 2000');
    expect(without.sink.messages[1999]?.attachments).toHaveLength(1);
    expect(without.sink.messages).toEqual(withIndexes.sink.messages);
    expect(without.sink.warnings.filter((warning) => SHORTFALL.test(warning.message))).toEqual([]);
  });

  it('regression: an index made on a column holding values stored unlike its declared type lost rows, so no index is made there', async () => {
    // A rebuilt or hand-made file can hold a value as no SQLite writing through the declared type
    // would: here part.mid is INTEGER but one part's mid is the text '2'. SQLite's comparison
    // converts it (the lookup finds both parts of MMS 2); an index made on the copy keeps it as
    // text and a search through it found one part only. The reading must not depend on the index.
    const bytes = await buildDatabase(`
      CREATE TABLE part (_id INTEGER PRIMARY KEY, mid, seq INTEGER DEFAULT 0, ct TEXT);
      INSERT INTO part (_id, mid, ct) VALUES (1, 1, 'text/plain'), (3, 2, 'text/plain'), (4, '2', 'image/jpeg');
      CREATE TABLE message (guid, body);
      INSERT INTO message VALUES ('7', 'as text'), (7, 'as a number');
      PRAGMA writable_schema = 1;
      UPDATE sqlite_master SET sql = 'CREATE TABLE part (_id INTEGER PRIMARY KEY, mid INTEGER, seq INTEGER DEFAULT 0, ct TEXT)' WHERE name = 'part';
      UPDATE sqlite_master SET sql = 'CREATE TABLE message (guid TEXT, body)' WHERE name = 'message';
      PRAGMA writable_schema = 0;
    `);
    const db = await openBytes(bytes, 'mmssms.db');
    try {
      const scanned = new Lookup(db, PART_LOOKUP, []);
      expect(scanned.all(2).map((row) => row['_id'])).toEqual([3, 4]);
      scanned.free();
      const lookup = new Lookup(db, PART_LOOKUP, PART_INDEX);
      expect(lookup.all(2).map((row) => row['_id'])).toEqual([3, 4]);
      expect(lookup.fullRead).toMatch(/no index on part \(mid\) was made: .*stored unlike its declared type \(INTEGER\)/u);
      lookup.free();
      const byGuid = 'SELECT body FROM message WHERE guid = ? ORDER BY rowid';
      const guids = new Lookup(db, byGuid, [{ table: 'message', columns: ['guid'] }]);
      expect(guids.all('7').map((row) => row['body'])).toEqual(['as text', 'as a number']);
      expect(guids.fullRead).toMatch(/no index on message \(guid\) was made: .*\(TEXT\)/u);
      guids.free();
    } finally {
      db.close();
    }
  });

  it('still makes the index when every value is stored as its column declares (a NOCASE column searched as it compares)', async () => {
    const bytes = await buildDatabase(`
      CREATE TABLE message (guid TEXT COLLATE NOCASE, body TEXT, n INTEGER, blob_key);
      INSERT INTO message VALUES ('ab', 'lower', 1, x'01'), ('AB', 'upper', 2, 'x'), ('cd', 'other', NULL, 3);
    `);
    const db = await openBytes(bytes, 'sms.db');
    try {
      const lookup = new Lookup(db, 'SELECT body FROM message WHERE guid = ? ORDER BY rowid', [{ table: 'message', columns: ['guid'] }]);
      expect(lookup.fullRead).toBeNull();
      expect(lookup.all('Ab').map((row) => row['body'])).toEqual(['lower', 'upper']);
      lookup.free();
    } finally {
      db.close();
    }
  });

  it('names the lookup that still reads a whole table when the index cannot be made, and reads every row all the same', async () => {
    // A table under the name the index would take: CREATE INDEX fails, as it would on damaged pages.
    const bytes = await buildDatabase(`${mmsDatabaseSql(20)} CREATE TABLE threadline_lookup_part_mid (a);`);
    const run = await runParser(androidSmsDbParser, bytes, 'mmssms.db');
    expect(run.sink.messages).toHaveLength(20);
    expect(run.sink.messages[19]?.text).toBe('message 20');
    const shortfalls = run.sink.warnings.filter((warning) => SHORTFALL.test(warning.message));
    expect(shortfalls).toEqual([{ place: 'mmssms.db', message: expect.stringMatching(/SCAN t\b.*no index on part \(mid\) could be made: .*already/u) }]);
  });
});

const SAMPLES = path.resolve(process.cwd(), '../shared/samples');
const SQLITE_SAMPLE_FOLDERS = ['android-mmssms-db', 'ios-sms-db', 'whatsapp-db'];

function sampleDatabases(): string[] {
  return SQLITE_SAMPLE_FOLDERS.flatMap((folder) =>
    readdirSync(path.join(SAMPLES, folder), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(db|sqlite)$/u.test(name))
      .map((name) => path.join(folder, name)),
  ).sort();
}

describe.skipIf(!existsSync(SAMPLES))('conformance: every SQLite sample reads the same without its indexes', () => {
  const files = existsSync(SAMPLES) ? sampleDatabases() : [];

  it.each(files)('%s', async (file) => {
    const original = new Uint8Array(readFileSync(path.join(SAMPLES, file)));
    const kind = identifySqliteSource(original);
    const parser = kind === null ? undefined : SQLITE_PARSERS[kind];
    if (parser === undefined) return; // a companion database (contacts): read beside its chat database
    const stripped = await withoutIndexes(original);
    const name = path.basename(file);
    const [before, after] = [await runParser(parser, original, name), await runParser(parser, stripped.bytes, name)];
    expect(after.sink.messages).toEqual(before.sink.messages);
    expect(after.sink.chats).toEqual(before.sink.chats);
    expect(after.sink.warnings.filter((warning) => SHORTFALL.test(warning.message))).toEqual([]);
  });
});
