import { describe, expect, it } from 'vitest';

import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression: an MMS's addresses were looked up `ORDER BY t.rowid`. An addr table declared WITHOUT
 * ROWID (a rebuilt or hand-made mmssms.db) has no rowid: the lookup threw "no such column: rowid"
 * while the reader was made, and the whole database failed to import.
 */
describe('regression: mmssms.db addr declared WITHOUT ROWID', () => {
  it('reads the addresses in primary key order, and the import goes on', async () => {
    const run = await runParser(androidSmsDbParser, await buildDatabase(`
      CREATE TABLE sms (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, address TEXT, date INTEGER, type INTEGER, body TEXT);
      CREATE TABLE pdu (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, date INTEGER, msg_box INTEGER, m_type INTEGER);
      CREATE TABLE part (_id INTEGER PRIMARY KEY AUTOINCREMENT, mid INTEGER, seq INTEGER DEFAULT 0, ct TEXT, name TEXT, cl TEXT, _data TEXT, text TEXT);
      CREATE TABLE addr (_id INTEGER PRIMARY KEY, msg_id INTEGER, address TEXT, type INTEGER, charset INTEGER) WITHOUT ROWID;
      INSERT INTO pdu (_id, thread_id, date, msg_box, m_type) VALUES (11, 7, 1617900100, 2, 128);
      INSERT INTO part (mid, seq, ct, text) VALUES (11, 0, 'text/plain', 'sent to the group');
      INSERT INTO addr (_id, msg_id, address, type, charset) VALUES
        (3, 11, '+41790000003', 151, 106), (1, 11, 'insert-address-token', 137, 106), (2, 11, '+41790000002', 151, 106);`), 'mmssms.db');
    expect(checkParsedInvariants(run, 'mmssms.db')).toEqual([]);
    expect(run.sink.messages.map((message) => message.text)).toEqual(['sent to the group']);
    expect(run.sink.chats[0]).toMatchObject({ title: '+41790000002, +41790000003', kind: 'group' });
  });
});
