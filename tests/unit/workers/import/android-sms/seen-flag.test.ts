import { describe, expect, it } from 'vitest';

import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * `seen` (the owner was shown the notification) is a separate fact from `read` (the message was
 * opened): an unread but seen message says the owner knew it had arrived. Both tables carry it.
 */

const SCHEMA = `
  CREATE TABLE sms (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, address TEXT, date INTEGER, type INTEGER, body TEXT,
    read INTEGER DEFAULT 0, seen INTEGER DEFAULT 0);
  CREATE TABLE pdu (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, date INTEGER, msg_box INTEGER, m_type INTEGER,
    read INTEGER DEFAULT 0, seen INTEGER DEFAULT 0);
  CREATE TABLE threads (_id INTEGER PRIMARY KEY AUTOINCREMENT, recipient_ids TEXT);
`;

describe('mmssms.db: the seen flag', () => {
  it('keeps seen beside read, for SMS and MMS', async () => {
    const run = await runParser(androidSmsDbParser, await buildDatabase(`${SCHEMA}
      INSERT INTO sms (_id, thread_id, address, date, type, body, read, seen) VALUES
        (1, 1, '+41790000001', 1617873247692, 1, 'seen, not opened', 0, 1),
        (2, 1, '+41790000001', 1617873247693, 1, 'neither', 0, 0);
      INSERT INTO pdu (_id, thread_id, date, msg_box, m_type, read, seen) VALUES (5, 1, 1617900000, 1, 132, 0, 1);`), 'mmssms.db');
    expect(run.sink.messages.map((message) => [message.extra?.['read'], message.extra?.['seen']])).toEqual([
      [false, true],
      [false, false],
      [false, true],
    ]);
  });
});
