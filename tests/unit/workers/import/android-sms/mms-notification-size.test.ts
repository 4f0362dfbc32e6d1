import { describe, expect, it } from 'vitest';

import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * An MMS never downloaded (m_type 130, notification_ind) is all the phone holds of a message
 * left on the carrier's server: how big it was (`m_size`), when it expires (`exp`, as the PDU
 * gave it: seconds, absolute or relative) and its status (`st`). The columns were read but left
 * out of the record, so the notification said nothing but "not downloaded".
 */

const SCHEMA = `
  CREATE TABLE sms (_id INTEGER PRIMARY KEY, thread_id INTEGER, address TEXT, date INTEGER, type INTEGER, body TEXT);
  CREATE TABLE pdu (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, date INTEGER, date_sent INTEGER DEFAULT 0,
    msg_box INTEGER, read INTEGER DEFAULT 0, m_id TEXT, sub TEXT, sub_cs INTEGER, ct_t TEXT, ct_l TEXT, exp INTEGER, m_type INTEGER,
    m_size INTEGER, tr_id TEXT, st INTEGER, locked INTEGER DEFAULT 0);
  CREATE TABLE addr (_id INTEGER PRIMARY KEY, msg_id INTEGER, address TEXT, type INTEGER, charset INTEGER);
`;

describe('mmssms.db MMS notification never downloaded', () => {
  it('keeps its size, expiry and status as stored', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO pdu (_id, thread_id, date, msg_box, m_type, ct_l, m_size, exp, st) VALUES (30, 4, 1617900400, 1, 130, 'http://mms.example.invalid/abc', 307200, 1618505200, 129);
      INSERT INTO pdu (_id, thread_id, date, msg_box, m_type) VALUES (31, 4, 1617900500, 1, 132);
      INSERT INTO addr (msg_id, address, type) VALUES (30, '+41790000001', 137), (31, '+41790000001', 137);`);
    const run = await runParser(androidSmsDbParser, bytes, 'mmssms.db');
    expect(run.sink.messages[0]?.extra).toMatchObject({ notDownloaded: true, size: 307200, expiry: 1618505200, mmsStatus: 129 });
    expect(run.sink.messages[1]?.extra).not.toHaveProperty('size');
    expect(run.sink.messages[1]?.extra).not.toHaveProperty('expiry');
  });
});
