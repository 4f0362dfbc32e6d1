import { describe, expect, it } from 'vitest';

import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Tables of a real mmssms.db (the DFRWS 2021 Samsung one; `raw` is AOSP's own) that hold message
 * content this importer does not read, and that were neither read nor mentioned: `raw` keeps the
 * received parts of a multipart SMS until the last one arrives (a text whose other parts never
 * came stays there, its words in message_body), and Samsung's spam_im and spam_ft hold RCS chats
 * and files filtered as spam (spam_sms is read, spam_pdu warned about).
 */
const SCHEMA = `
  CREATE TABLE sms (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, address TEXT, date INTEGER, type INTEGER, body TEXT);
  CREATE TABLE raw (_id INTEGER PRIMARY KEY, date INTEGER, reference_number INTEGER, count INTEGER, sequence INTEGER, destination_port INTEGER,
    address TEXT, format TEXT, sim_slot INTEGER DEFAULT 0, sub_id INTEGER DEFAULT -1, pdu TEXT, deleted INTEGER DEFAULT 0, message_body TEXT,
    display_originating_addr TEXT);
  CREATE TABLE spam_im (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER DEFAULT 0, address TEXT, date INTEGER DEFAULT 0, type INTEGER DEFAULT 0, body TEXT);
  CREATE TABLE spam_ft (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, file_name TEXT, file_path TEXT, address TEXT, date INTEGER);
  INSERT INTO sms (thread_id, address, date, type, body) VALUES (1, '+41790000001', 1617873247692, 1, 'an SMS');
`;

describe('mmssms.db: tables of message content not read', () => {
  it('warns about rows in raw, spam_im and spam_ft, naming what they hold, and counts them', async () => {
    const run = await runParser(androidSmsDbParser, await buildDatabase(`${SCHEMA}
      INSERT INTO raw (_id, date, reference_number, count, sequence, address, pdu, message_body, display_originating_addr) VALUES
        (1, 1617873247000, 42, 3, 1, '+41790000002', '0791…', 'part one of three', '+41790000002');
      INSERT INTO spam_im (address, date, type, body) VALUES ('+41790000003', 1617873247000, 1, 'chat marked spam');
      INSERT INTO spam_ft (address, file_name, date) VALUES ('+41790000003', 'a.jpg', 1617873247000);`), 'mmssms.db');
    expect(run.sink.messages.map((message) => message.text)).toEqual(['an SMS']);
    const warned = (table: string): string | undefined => run.sink.warnings.find((warning) => warning.message.startsWith(`table ${table} `))?.message;
    expect(warned('raw')).toContain('multipart SMS');
    expect(warned('spam_im')).toContain('spam');
    expect(warned('spam_ft')).toContain('spam');
    expect(run.outcome.details['unreadTables']).toMatchObject({ raw: 1, spam_im: 1, spam_ft: 1 });
  });
});
