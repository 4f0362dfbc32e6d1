import { describe, expect, it } from 'vitest';

import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * AOSP's `raw` keeps each part of a multipart SMS until the last arrives. A part not marked
 * deleted belongs to a text whose other parts never came: its words (message_body, Android 8+)
 * are nowhere else. Such parts were only counted and warned about; they are records now, in the
 * conversation of their sender, saying which part they are. Parts of assembled texts (deleted 1)
 * repeat the sms row and are not read.
 */
const SCHEMA = `
  CREATE TABLE sms (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, address TEXT, date INTEGER, type INTEGER, body TEXT);
  CREATE TABLE threads (_id INTEGER PRIMARY KEY AUTOINCREMENT, recipient_ids TEXT);
  CREATE TABLE canonical_addresses (_id INTEGER PRIMARY KEY AUTOINCREMENT, address TEXT);
  CREATE TABLE raw (_id INTEGER PRIMARY KEY, date INTEGER, reference_number INTEGER, count INTEGER, sequence INTEGER, destination_port INTEGER,
    address TEXT, format TEXT, sim_slot INTEGER DEFAULT 0, sub_id INTEGER DEFAULT -1, pdu TEXT, deleted INTEGER DEFAULT 0, message_body TEXT,
    display_originating_addr TEXT);
  INSERT INTO canonical_addresses VALUES (1, '+41790000002');
  INSERT INTO threads VALUES (4, '1');
  INSERT INTO sms (thread_id, address, date, type, body) VALUES (4, '+41790000002', 1617873240000, 1, 'an assembled text, parts one and two');
  INSERT INTO raw (_id, date, reference_number, count, sequence, destination_port, address, format, pdu, deleted, message_body, display_originating_addr) VALUES
    (1, 1617873240000, 7, 2, 1, 65536, '+41790000002', '3gpp', '0791aa', 1, 'an assembled text, ', '+41790000002'),
    (2, 1617873240000, 7, 2, 2, 65536, '+41790000002', '3gpp', '0791bb', 1, 'parts one and two', '+41790000002'),
    (3, 1617873247000, 42, 3, 1, 65536, '+41790000002', '3gpp', '0791cc', 0, 'meet me at the ', '+41790000002'),
    (4, 1617873248000, 43, 2, 2, 65536, '+41790000009', '3gpp', '0791dd', 0, NULL, NULL);
`;

describe('mmssms.db: parts of multipart SMS never put together (raw)', () => {
  it('reads each pending part as an incoming record in its sender\'s thread, and leaves out the parts of assembled texts', async () => {
    const run = await runParser(androidSmsDbParser, await buildDatabase(SCHEMA), 'mmssms.db');
    const parts = run.sink.messages.filter((message) => message.locator.kind === 'sqlite-row' && message.locator.table === 'raw');
    expect(parts.map((message) => [message.chatKey, message.sender, message.direction, message.text, message.time])).toEqual([
      ['thread:4', '+41790000002', 'incoming', 'meet me at the ', { utcMs: 1617873247000 }],
      ['address:+41790000009', '+41790000009', 'incoming', '', { utcMs: 1617873248000 }],
    ]);
    expect(parts[0]?.extra).toMatchObject({ table: 'raw', incompleteMultipart: { part: 1, of: 3, referenceNumber: 42 } });
    // Before Android 8 there is no message_body: the PDU is kept as written.
    expect(parts[1]?.extra).toMatchObject({ pdu: '0791dd', incompleteMultipart: { part: 2, of: 2 } });
    expect(run.sink.messages).toHaveLength(3);
    expect(run.outcome.details['incompleteMultipartParts']).toBe(2);
    expect(run.sink.warnings.some((warning) => warning.message.includes('2 part(s) of multipart SMS'))).toBe(true);
  });

  it('reads a part of a data message (a WAP push to port 2948) as a notice with its PDU, not as an empty text', async () => {
    const run = await runParser(androidSmsDbParser, await buildDatabase(`${SCHEMA}
      INSERT INTO raw (_id, date, reference_number, count, sequence, destination_port, address, pdu, deleted) VALUES
        (5, 1617873249000, 44, 2, 1, 2948, '+41790000002', '0791ff', 0);`), 'mmssms.db');
    const push = run.sink.messages.find((message) => message.locator.kind === 'sqlite-row' && message.locator.table === 'raw' && message.locator.rowid === 5);
    expect(push).toMatchObject({ kind: 'system', text: 'Part 1 of 2 of a data message to port 2948 (binary, kept as its PDU)', extra: { pdu: '0791ff', destinationPort: 2948 } });
  });

  it('reads every row of a raw table that marks none deleted (before Android 7, assembled parts were removed)', async () => {
    const run = await runParser(androidSmsDbParser, await buildDatabase(`
      CREATE TABLE sms (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, address TEXT, date INTEGER, type INTEGER, body TEXT);
      CREATE TABLE raw (_id INTEGER PRIMARY KEY, date INTEGER, reference_number INTEGER, count INTEGER, sequence INTEGER, destination_port INTEGER,
        address TEXT, pdu TEXT);
      INSERT INTO raw VALUES (1, 1417873247000, 9, 2, 1, -1, '+41790000002', '0791ee');`), 'mmssms.db');
    expect(run.sink.messages.map((message) => [message.sender, message.extra?.['pdu']])).toEqual([['+41790000002', '0791ee']]);
  });

  it('regression: puts the pending parts of a phone with thousands of threads in their threads in seconds, not minutes', async () => {
    // Each part looked through every thread for the one of its sender: a raw table of 20 000 parts
    // beside 20 000 threads took 37 s, and the time grows with the square (a hostile or long-kept
    // database hung the import). 12 000 of each took 13 s.
    const count = 12_000;
    const numbers = (table: string, row: string): string => `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count}) INSERT INTO ${table} SELECT ${row} FROM n;`;
    const database = await buildDatabase(`
      CREATE TABLE sms (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, address TEXT, date INTEGER, type INTEGER, body TEXT);
      CREATE TABLE threads (_id INTEGER PRIMARY KEY AUTOINCREMENT, recipient_ids TEXT);
      CREATE TABLE canonical_addresses (_id INTEGER PRIMARY KEY AUTOINCREMENT, address TEXT);
      CREATE TABLE raw (_id INTEGER PRIMARY KEY, date INTEGER, reference_number INTEGER, count INTEGER, sequence INTEGER, destination_port INTEGER,
        address TEXT, pdu TEXT, deleted INTEGER DEFAULT 0, message_body TEXT);
      ${numbers('canonical_addresses', "i, '+4179' || (1000000 + i)")}
      ${numbers('threads', 'i, CAST(i AS TEXT)')}
      ${numbers('raw', "i, 1617873247000, i, 2, 1, 65536, '+4179' || (1000000 + i), '00', 0, 'part ' || i")}
      -- A second thread whose only recipient is the first address: the part is in neither.
      INSERT INTO threads VALUES (${count + 1}, '1');
    `);
    const started = performance.now();
    const run = await runParser(androidSmsDbParser, database, 'mmssms.db');
    const elapsed = performance.now() - started;
    const parts = run.sink.messages.filter((message) => message.locator.kind === 'sqlite-row' && message.locator.table === 'raw');
    expect(parts).toHaveLength(count);
    expect(parts.slice(0, 3).map((message) => message.chatKey)).toEqual(['address:+41791000001', 'thread:2', 'thread:3']);
    expect(parts.at(-1)?.chatKey).toBe(`thread:${count}`);
    expect(elapsed).toBeLessThan(6_000);
  }, 120_000);
});
