import { describe, expect, it } from 'vitest';

import {
  appleTime,
  columnsOf,
  hasTable,
  identifySqliteSource,
  openBytes,
  readSchemaFromBytes,
  rowCount,
  scanRows,
  selectExpressions,
  sniffSqlite,
  sniffSqliteKind,
  unitByMagnitude,
  unixTime,
  unparsedRow,
} from '../../../../../workers/import/sqlite/index.ts';
import { buildDatabase } from '../../../../support/sqlite-parser-harness.ts';

describe('time by magnitude', () => {
  it('picks the unit per value', () => {
    expect(unitByMagnitude(1_617_873_247)).toBe('s');
    expect(unitByMagnitude(1_617_873_247_692)).toBe('ms');
    expect(unitByMagnitude(1_617_873_247_692_000)).toBe('us');
    expect(unitByMagnitude(599_079_037_641_931_008)).toBe('ns');
  });

  it('reads Unix seconds and milliseconds to the same instant', () => {
    expect(unixTime(1_617_873_247).time).toEqual({ utcMs: 1_617_873_247_000 });
    expect(unixTime(1_617_873_247_692).time).toEqual({ utcMs: 1_617_873_247_692 });
    expect(unixTime(1_617_873_247_692_123).time).toEqual({ utcMs: 1_617_873_247_692 });
  });

  it('reads Apple nanoseconds exactly from the digits and Apple seconds (iOS mixes both in one row)', () => {
    // Magnet CTF sms.db, message 12: date in ns, date_read in s.
    const date = appleTime(599_079_037_641_931_008, '599079037641931008');
    expect(date.time).toEqual({ utcMs: Date.UTC(2019, 11, 26, 18, 50, 37, 641) });
    expect(date.timestampText).toBe('599079037641931008');
    expect(appleTime(599_597_752).time).toEqual({ utcMs: (599_597_752 + 978_307_200) * 1000 });
    expect(appleTime(690_513_474.2725511).time).toEqual({ utcMs: Math.floor((690_513_474.2725511 + 978_307_200) * 1000) });
  });

  it('treats 0, NULL and nonsense as no time, keeping the raw text', () => {
    expect(unixTime(0)).toMatchObject({ time: null, timestampText: '0' });
    expect(unixTime(null)).toMatchObject({ time: null, timestampText: '' });
    expect(unixTime('yesterday')).toMatchObject({ time: null, timestampText: 'yesterday' });
    expect(unixTime(1e300).time).toBeNull();
  });
});

describe('schema', () => {
  it('sniffs the 16-byte header', async () => {
    expect(sniffSqlite(await buildDatabase('CREATE TABLE t (a)'))).toBe(true);
    expect(sniffSqlite(new TextEncoder().encode('SQLite format 2\0 and more'))).toBe(false);
    expect(sniffSqlite(new Uint8Array(3))).toBe(false);
  });

  it('reads table names from raw bytes, and identifies each phone database by its tables', async () => {
    const cases: [string, string | null][] = [
      ['CREATE TABLE sms (_id INTEGER PRIMARY KEY); CREATE TABLE threads (_id); CREATE TABLE pdu (_id)', 'android-sms'],
      ['CREATE TABLE message (ROWID); CREATE TABLE handle (id); CREATE TABLE chat_message_join (chat_id, message_id)', 'ios-sms'],
      ['CREATE TABLE messages (key_remote_jid); CREATE TABLE chat_list (key_remote_jid)', 'whatsapp-android'],
      ['CREATE TABLE message (_id); CREATE TABLE chat (_id); CREATE TABLE jid (_id)', 'whatsapp-android'],
      ['CREATE TABLE ZWAMESSAGE (Z_PK); CREATE TABLE ZWACHATSESSION (Z_PK)', 'whatsapp-ios'],
      ['CREATE TABLE wa_contacts (jid)', 'whatsapp-contacts'],
      ['CREATE TABLE conversations (id); CREATE TABLE messages (id, json); CREATE TABLE identityKeys (id)', 'signal-desktop'],
      ['CREATE TABLE conversations (id); CREATE TABLE messages (id, json); CREATE TABLE sticker_packs (id)', 'signal-desktop'],
      // conversations and messages alone are too common a pair to be taken for Signal.
      ['CREATE TABLE conversations (id); CREATE TABLE messages (id, json)', null],
      ['CREATE TABLE conversations (_id); CREATE TABLE messages (_id); CREATE TABLE parts (_id); CREATE TABLE participants (_id); CREATE TABLE conversation_participants (_id)', 'google-messages'],
      ['CREATE TABLE notes (body)', null],
    ];
    for (const [sql, kind] of cases) {
      expect(identifySqliteSource(await buildDatabase(sql)), sql).toBe(kind);
    }
    expect(identifySqliteSource(new Uint8Array(100))).toBeNull();
  });

  it('walks a schema b-tree spread over several pages', async () => {
    const tables = Array.from({ length: 150 }, (_, index) => `CREATE TABLE t${index} (a TEXT, b TEXT, c TEXT, d TEXT, e TEXT)`).join(';');
    const bytes = await buildDatabase(`PRAGMA page_size = 512; ${tables}; CREATE TABLE sms (_id); CREATE TABLE threads (_id)`);
    const read = readSchemaFromBytes(bytes);
    expect(read?.complete).toBe(true);
    expect(read?.entries.filter((entry) => entry.type === 'table')).toHaveLength(152);
    expect(identifySqliteSource(bytes)).toBe('android-sms');
    // A head that cuts the schema short cannot tell, so every SQLite parser may try (and verify).
    expect(readSchemaFromBytes(bytes.subarray(0, 1024))?.complete).toBe(false);
    expect(sniffSqliteKind(bytes.subarray(0, 1024), 'ios-sms')).toBe(true);
    expect(sniffSqliteKind(bytes, 'ios-sms')).toBe(false);
  });

  it('does not crash on garbage after a SQLite header', () => {
    const bytes = new Uint8Array(8192).fill(0x41);
    bytes.set(new TextEncoder().encode('SQLite format 3\0'));
    bytes[16] = 0x10;
    bytes[17] = 0x00;
    expect(readSchemaFromBytes(bytes)).toBeNull();
    expect(identifySqliteSource(bytes)).toBeNull();
  });

  it('introspects tables and columns, and reads missing columns as NULL', async () => {
    const db = await openBytes(await buildDatabase("CREATE TABLE Sms (_id INTEGER PRIMARY KEY, Body TEXT); INSERT INTO Sms (Body) VALUES ('hi'); CREATE VIEW v AS SELECT * FROM Sms"), 'x.db');
    try {
      expect(hasTable(db, 'sms')).toBe(true);
      expect(hasTable(db, 'v')).toBe(false); // views repeat rows of tables
      expect([...columnsOf(db, 'sms')]).toEqual(['_id', 'body']);
      expect(rowCount(db, 'sms')).toBe(1);
      const select = selectExpressions(columnsOf(db, 'sms'), 't', ['body', 'subject', { name: '_id', asText: true }]);
      const rows = [...scanRows(db, { table: 'sms', select }, () => undefined)];
      expect(rows[0]).toMatchObject({ body: 'hi', subject: null, _id__text: '1' });
    } finally {
      db.close();
    }
  });
});

describe('scanRows on a damaged database', () => {
  it('skips an unreadable page with a warning and reads the rows after it', async () => {
    const rows = 400;
    const bytes = await buildDatabase(
      `PRAGMA page_size = 512; CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT);
       WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${rows}) INSERT INTO t SELECT x, printf('row %d %s', x, hex(randomblob(20))) FROM n;`,
    );
    const damaged = bytes.slice();
    const pageSize = 512;
    const middle = Math.floor(damaged.byteLength / pageSize / 2);
    damaged.fill(0xff, middle * pageSize, (middle + 1) * pageSize);
    const db = await openBytes(damaged, 'damaged.db');
    try {
      const errors: string[] = [];
      const ids = [...scanRows(db, { table: 't', select: ['t.id AS id'] }, (message) => errors.push(message))].map((row) => row['id']);
      expect(errors.length).toBeGreaterThan(0);
      expect(ids.length).toBeGreaterThan(rows / 2);
      expect(ids.length).toBeLessThan(rows);
      expect(ids).toContain(rows); // rows after the damage are still read
    } finally {
      db.close();
    }
  });

  it('stops a b-tree that leads back to pages already read, instead of reading them again forever', async () => {
    const rows = 400;
    const pageSize = 512;
    const bytes = await buildDatabase(
      `PRAGMA page_size = ${pageSize}; CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT);
       WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${rows}) INSERT INTO t SELECT x, printf('row %d %s', x, hex(randomblob(20))) FROM n;`,
    );
    const intact = await openBytes(bytes, 'intact.db');
    const rootPage = Number(intact.exec("SELECT rootpage FROM sqlite_master WHERE name = 't'")[0]?.values[0]?.[0]);
    intact.close();
    // The root is an interior page (type 5): point its right-most child at its first child, so the
    // scan walks the first leaf again after the others (a flipped page header does this on real files).
    const damaged = bytes.slice();
    const root = (rootPage - 1) * pageSize;
    expect(damaged[root]).toBe(0x05);
    const firstCell = root + ((damaged[root + 12] ?? 0) << 8) + (damaged[root + 13] ?? 0);
    damaged.copyWithin(root + 8, firstCell, firstCell + 4);
    const db = await openBytes(damaged, 'looping.db');
    try {
      const errors: string[] = [];
      const ids = [...scanRows(db, { table: 't', select: ['t.id AS id'] }, (message) => errors.push(message))].map((row) => Number(row['id']));
      expect(errors).toEqual([expect.stringMatching(/b-tree leads back to rowid \d+ after rowid \d+/u)]);
      expect(ids.every((id, index) => index === 0 || id > (ids[index - 1] ?? 0))).toBe(true);
      expect(ids.length).toBeGreaterThan(rows / 2);
    } finally {
      db.close();
    }
  });

  it('turns a row that cannot be read into an unparsed record with its raw content', () => {
    const record = unparsedRow('sms.db', 'message', { __rowid: 7, text: 'hello', attributedbody: new Uint8Array(3) }, 'unattributed', new Error('boom'));
    expect(record).toMatchObject({ kind: 'unparsed', locator: { kind: 'sqlite-row', table: 'message', rowid: 7 } });
    expect(record.reason).toContain('boom');
    expect(record.text).toContain('text=hello');
    expect(record.text).toContain('<3 bytes>');
  });
});

describe('regression: scanRows over a table declared WITHOUT ROWID', () => {
  // The scan reads by rowid (and resumes by rowid after damage); such a table has none, and a
  // record's locator names one. It used to report "no such column: rowid" as damage from the start
  // to the end of the table; it now says that the table has no rowid, and reads none of its rows.
  it('reads no row and says the table has no rowid, as a cause other than damage', async () => {
    const db = await openBytes(await buildDatabase("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT) WITHOUT ROWID; INSERT INTO t VALUES (1, 'a'), (2, 'b');"), 'no-rowid.db');
    try {
      const errors: unknown[][] = [];
      const rows = [...scanRows(db, { table: 't', select: ['t.id AS id'] }, (...args) => errors.push(args))];
      expect(rows).toEqual([]);
      expect(errors).toEqual([[expect.stringContaining('declared WITHOUT ROWID') as string, null, null, 'no-rowid']]);
      expect(String(errors[0]?.[0])).toContain('its 2 row(s) were not read');
    } finally {
      db.close();
    }
  });
});
