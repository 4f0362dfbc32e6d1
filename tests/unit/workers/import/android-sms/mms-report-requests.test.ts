import { describe, expect, it } from 'vitest';
import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * `pdu.d_rpt` (X-Mms-Delivery-Report) and `pdu.rr` (X-Mms-Read-Report) say whether the sender
 * asked for a delivery or read report (128 yes, 129 no). The SMS Backup & Restore importer keeps
 * them (as the `d_rpt` and `rr` attributes); the mmssms.db importer dropped them.
 */

describe('mmssms.db MMS delivery and read report requests', () => {
  it('keeps d_rpt and rr as written', async () => {
    const bytes = await buildDatabase(`
      CREATE TABLE sms (_id INTEGER PRIMARY KEY, thread_id INTEGER, address TEXT, date INTEGER, type INTEGER, body TEXT);
      CREATE TABLE pdu (_id INTEGER PRIMARY KEY, thread_id INTEGER, date INTEGER, msg_box INTEGER, m_type INTEGER, d_rpt INTEGER, rr INTEGER);
      CREATE TABLE addr (_id INTEGER PRIMARY KEY, msg_id INTEGER, address TEXT, type INTEGER, charset INTEGER);
      INSERT INTO pdu VALUES (1, 1, 1617900400, 2, 128, 128, 129), (2, 1, 1617900500, 2, 128, NULL, NULL);
      INSERT INTO addr (msg_id, address, type) VALUES (1, '+41790000001', 151), (2, '+41790000001', 151);`);
    const [asked, silent] = (await runParser(androidSmsDbParser, bytes, 'mmssms.db')).sink.messages;
    expect(asked?.extra).toMatchObject({ deliveryReport: 128, readReport: 129 });
    expect(silent?.extra).not.toHaveProperty('deliveryReport');
    expect(silent?.extra).not.toHaveProperty('readReport');
  });
});
