import { describe, expect, it } from 'vitest';

import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression: sms.protocol, Samsung's sms.group_id and sms.group_type (one text sent to several
 * people, stored as a copy per recipient) and pdu.ct_t and pdu.text_only were read by name, so not
 * kept among the other columns, and then used nowhere: a group send read as unrelated texts.
 */
const SCHEMA = `
  CREATE TABLE sms (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, address TEXT, date INTEGER, type INTEGER, body TEXT,
    protocol INTEGER, group_id INTEGER, group_type INTEGER DEFAULT 0);
  CREATE TABLE pdu (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, date INTEGER, msg_box INTEGER, m_type INTEGER,
    ct_t TEXT, text_only INTEGER DEFAULT 0);
  CREATE TABLE threads (_id INTEGER PRIMARY KEY AUTOINCREMENT, recipient_ids TEXT);
  INSERT INTO sms (_id, thread_id, address, date, type, body, protocol, group_id, group_type) VALUES
    (1, 1, '+41790000001', 1617873247692, 2, 'to both', NULL, 7, 1),
    (2, 2, '+41790000002', 1617873247692, 2, 'to both', NULL, 7, 1),
    (3, 3, '+41790000003', 1617873247700, 1, 'a reply', 0, NULL, 0);
  INSERT INTO pdu (_id, thread_id, date, msg_box, m_type, ct_t, text_only) VALUES (5, 1, 1617900000, 1, 132, 'application/vnd.wap.multipart.related', 1);
`;

describe('mmssms.db: columns read by name and then dropped', () => {
  it('keeps a group send\'s group_id and group_type, and an MMS\'s ct_t and text_only, among the other columns', async () => {
    const run = await runParser(androidSmsDbParser, await buildDatabase(SCHEMA), 'mmssms.db');
    expect(run.sink.messages.map((message) => message.extra?.['otherColumns'])).toEqual([
      { group_id: 7, group_type: 1 },
      { group_id: 7, group_type: 1 },
      undefined,
      { ct_t: 'application/vnd.wap.multipart.related', text_only: 1 },
    ]);
  });
});
