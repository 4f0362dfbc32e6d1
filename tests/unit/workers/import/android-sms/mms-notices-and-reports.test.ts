import { describe, expect, it } from 'vitest';
import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * A pdu row of m_type 130 (M-Notification.ind: announced, never downloaded) came out as an
 * empty incoming message, as if someone had sent a blank MMS; 134 (M-Delivery.ind) and 136
 * (M-Read-Orig.ind) said only "MMS delivery report" / "MMS read report", not for which message
 * nor with what status (X-Mms-Status `st`, X-Mms-Read-Status `read_status`).
 */

const SCHEMA = `
  CREATE TABLE sms (_id INTEGER PRIMARY KEY, thread_id INTEGER, address TEXT, date INTEGER, type INTEGER, body TEXT);
  CREATE TABLE pdu (_id INTEGER PRIMARY KEY, thread_id INTEGER, date INTEGER, date_sent INTEGER DEFAULT 0,
    msg_box INTEGER, read INTEGER DEFAULT 0, m_id TEXT, sub TEXT, sub_cs INTEGER, ct_t TEXT, ct_l TEXT, exp INTEGER, m_type INTEGER,
    m_size INTEGER, tr_id TEXT, st INTEGER, read_status INTEGER, d_rpt INTEGER, rr INTEGER, locked INTEGER DEFAULT 0);
  CREATE TABLE addr (_id INTEGER PRIMARY KEY, msg_id INTEGER, address TEXT, type INTEGER, charset INTEGER);
`;

describe('mmssms.db MMS notices and reports (m_type 130, 134, 136)', () => {
  it('reads each as a system record saying what it is, keeping direction, time and facts', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO pdu (_id, thread_id, date, msg_box, m_type, ct_l, m_size, exp, st) VALUES (30, 4, 1617900400, 1, 130, 'http://mms.example.invalid/abc', 307200, 1618505200, 128);
      INSERT INTO pdu (_id, thread_id, date, msg_box, m_type, m_id, st) VALUES (31, 4, 1617900500, 1, 134, 'MSG-42@mmsc', 130);
      INSERT INTO pdu (_id, thread_id, date, msg_box, m_type, m_id, read_status) VALUES (32, 4, 1617900600, 1, 136, 'MSG-42@mmsc', 128);
      INSERT INTO pdu (_id, thread_id, date, msg_box, m_type) VALUES (33, 4, 1617900700, 1, 132);
      INSERT INTO addr (msg_id, address, type) VALUES (30, '+41790000001', 137), (31, '+41790000001', 151), (32, '+41790000001', 137), (33, '+41790000001', 137);`);
    const run = await runParser(androidSmsDbParser, bytes, 'mmssms.db');
    const [notice, delivery, read, normal] = run.sink.messages;
    expect(notice).toMatchObject({ kind: 'system', direction: 'incoming', time: { utcMs: 1617900400000 } });
    expect(notice?.text).toBe('MMS download notice: message not downloaded (from +41790000001, size 307200 bytes, expires 2021-04-15T16:46:40.000Z)');
    expect(notice?.extra).toMatchObject({ notDownloaded: true, size: 307200, expiry: 1618505200, mmsStatus: 128, contentLocation: 'http://mms.example.invalid/abc' });
    expect(delivery?.kind).toBe('system');
    expect(delivery?.text).toBe('MMS delivery report for message MSG-42@mmsc to +41790000001: rejected');
    expect(read?.kind).toBe('system');
    expect(read?.text).toBe('MMS read report for message MSG-42@mmsc from +41790000001: read');
    expect(read?.extra).toMatchObject({ readStatus: 128 });
    expect(normal?.kind).toBe('message');
  });
});
