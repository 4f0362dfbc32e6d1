import { describe, expect, it } from 'vitest';

import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Tables of a real mmssms.db (the DFRWS 2021 Samsung one) that hold message content this importer
 * does not read, and that were neither read nor mentioned: Samsung's spam_im and spam_ft hold RCS
 * chats and files filtered as spam (spam_sms is read, spam_pdu warned about). AOSP's raw was one
 * of them too; it is read now (raw-multipart-parts.test.ts).
 */
const SCHEMA = `
  CREATE TABLE sms (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, address TEXT, date INTEGER, type INTEGER, body TEXT);
  CREATE TABLE spam_im (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER DEFAULT 0, address TEXT, date INTEGER DEFAULT 0, type INTEGER DEFAULT 0, body TEXT);
  CREATE TABLE spam_ft (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, file_name TEXT, file_path TEXT, address TEXT, date INTEGER);
  INSERT INTO sms (thread_id, address, date, type, body) VALUES (1, '+41790000001', 1617873247692, 1, 'an SMS');
`;

describe('mmssms.db: Samsung\'s spam RCS tables', () => {
  it('warns about rows in spam_im and spam_ft, naming what they hold, and counts them', async () => {
    const run = await runParser(androidSmsDbParser, await buildDatabase(`${SCHEMA}
      INSERT INTO spam_im (address, date, type, body) VALUES ('+41790000003', 1617873247000, 1, 'chat marked spam');
      INSERT INTO spam_ft (address, file_name, date) VALUES ('+41790000003', 'a.jpg', 1617873247000);`), 'mmssms.db');
    expect(run.sink.messages.map((message) => message.text)).toEqual(['an SMS']);
    const warned = (table: string): string | undefined => run.sink.warnings.find((warning) => warning.message.startsWith(`table ${table} `))?.message;
    expect(warned('spam_im')).toContain('spam');
    expect(warned('spam_ft')).toContain('spam');
    expect(run.outcome.details['unreadTables']).toMatchObject({ spam_im: 1, spam_ft: 1 });
  });
});
