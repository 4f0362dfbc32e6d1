import { describe, expect, it } from 'vitest';

import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import initSqlJs from 'sql.js';
import { buildDatabase, checkParsedInvariants, CollectingSink, parserInput, runParser, walTransaction, writeWalFile } from '../../../../support/sqlite-parser-harness.ts';

/** A small mmssms.db with the columns of a recent AOSP provider (a subset; the rest are optional). */
const SCHEMA = `
  CREATE TABLE sms (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, address TEXT, person INTEGER, date INTEGER,
    date_sent INTEGER DEFAULT 0, read INTEGER DEFAULT 0, status INTEGER DEFAULT -1, type INTEGER, subject TEXT, body TEXT,
    service_center TEXT, locked INTEGER DEFAULT 0, error_code INTEGER DEFAULT -1, sub_id INTEGER DEFAULT -1, creator TEXT, seen INTEGER DEFAULT 0);
  CREATE TABLE pdu (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, date INTEGER, date_sent INTEGER DEFAULT 0,
    msg_box INTEGER, read INTEGER DEFAULT 0, m_id TEXT, sub TEXT, sub_cs INTEGER, ct_t TEXT, m_type INTEGER, tr_id TEXT);
  CREATE TABLE part (_id INTEGER PRIMARY KEY AUTOINCREMENT, mid INTEGER, seq INTEGER DEFAULT 0, ct TEXT, name TEXT,
    chset INTEGER, cd TEXT, fn TEXT, cid TEXT, cl TEXT, _data TEXT, text TEXT);
  CREATE TABLE addr (_id INTEGER PRIMARY KEY, msg_id INTEGER, contact_id INTEGER, address TEXT, type INTEGER, charset INTEGER);
  CREATE TABLE threads (_id INTEGER PRIMARY KEY AUTOINCREMENT, date INTEGER DEFAULT 0, message_count INTEGER DEFAULT 0, recipient_ids TEXT);
  CREATE TABLE canonical_addresses (_id INTEGER PRIMARY KEY AUTOINCREMENT, address TEXT);
`;

const FIXTURE = `${SCHEMA}
  INSERT INTO canonical_addresses VALUES (1, '+41790000001'), (2, '+41790000002'), (3, '+41790000003');
  INSERT INTO threads (_id, recipient_ids) VALUES (1, '1'), (2, '2 3');
  INSERT INTO sms (thread_id, address, date, date_sent, read, type, body) VALUES
    (1, '+41790000001', 1617873247692, 1617873246000, 1, 1, 'Meet at the station at 9'),
    (1, '+41790000001', 1617873300000, 0, 1, 2, 'ok'),
    (1, '+41790000001', 1617873400000, 0, 0, 3, 'draft never sent');
  INSERT INTO pdu (_id, thread_id, date, date_sent, msg_box, read, sub, m_type) VALUES
    (10, 2, 1617900000, 1617899990, 1, 1, 'Photos', 132),
    (11, 2, 1617900100, 0, 2, 1, NULL, 128),
    (12, 2, 1617900200, 0, 2, 1, NULL, 134);
  INSERT INTO part (mid, seq, ct, name, cl, _data, text) VALUES
    (10, -1, 'application/smil', NULL, 'smil.xml', NULL, '<smil/>'),
    (10, 0, 'image/jpeg', 'IMG_1.jpg', 'IMG_1.jpg', '/data/user_de/0/com.android.providers.telephony/app_parts/PART_1617900000_IMG_1.jpg', NULL),
    (10, 1, 'text/plain', NULL, 'text_0.txt', NULL, 'look at these'),
    (11, 0, 'text/plain', NULL, 'text_0.txt', NULL, 'sent to the group'),
    (11, 1, 'text/x-vCard', 'contact.vcf', NULL, NULL, 'BEGIN:VCARD\nFN:Someone\nEND:VCARD');
  INSERT INTO addr (msg_id, address, type, charset) VALUES
    (10, '+41790000002', 137, 106), (10, 'insert-address-token', 151, 106), (10, '+41790000003', 151, 106),
    (11, 'insert-address-token', 137, 106), (11, '+41790000002', 151, 106), (11, '+41790000003', 151, 106);
`;

describe('androidSmsDbParser', () => {
  it('reads SMS with direction from the box type, and threads titled by their addresses', async () => {
    const run = await runParser(androidSmsDbParser, await buildDatabase(FIXTURE), 'mmssms.db');
    expect(checkParsedInvariants(run, 'mmssms.db')).toEqual([]);
    const sms = run.sink.messages.filter((message) => message.locator.kind === 'sqlite-row' && message.locator.table === 'sms');
    expect(sms.map((message) => [message.direction, message.text, message.extra?.['box']])).toEqual([
      ['incoming', 'Meet at the station at 9', 'inbox'],
      ['outgoing', 'ok', 'sent'],
      ['outgoing', 'draft never sent', 'draft'],
    ]);
    expect(sms[0]).toMatchObject({
      chatKey: 'thread:1',
      sender: '+41790000001',
      time: { utcMs: 1617873247692 },
      timestampText: '1617873247692',
      locator: { kind: 'sqlite-row', file: 'mmssms.db', table: 'sms', rowid: 1 },
    });
    expect(sms[0]?.extra?.['dateSent']).toBe('2021-04-08T09:14:06.000Z');
    expect(run.sink.chats.find((chat) => chat.key === 'thread:2')).toMatchObject({ title: '+41790000002, +41790000003', kind: 'group' });
  });

  it('reads MMS: text parts, attachments by _data path (bytes from a companion), addresses, reports', async () => {
    const picture = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
    const run = await runParser(androidSmsDbParser, await buildDatabase(FIXTURE), 'mmssms.db', { 'app_parts/PART_1617900000_IMG_1.jpg': picture });
    const mms = run.sink.messages.filter((message) => message.locator.kind === 'sqlite-row' && message.locator.table === 'pdu');
    expect(mms).toHaveLength(3);
    const [incoming, outgoing, report] = mms;
    expect(incoming).toMatchObject({ kind: 'message', direction: 'incoming', sender: '+41790000002', text: 'look at these', time: { utcMs: 1617900000000 } });
    expect(incoming?.attachments).toEqual([
      {
        kind: 'attached',
        mediaType: 'image',
        fileName: 'IMG_1.jpg',
        mimeType: 'image/jpeg',
        path: '/data/user_de/0/com.android.providers.telephony/app_parts/PART_1617900000_IMG_1.jpg',
        bytes: picture,
        size: 4,
      },
    ]);
    expect(incoming?.extra).toMatchObject({ subject: 'Photos', smilParts: 1, mmsType: 'retrieve_conf' });
    expect(outgoing).toMatchObject({ direction: 'outgoing', sender: null, text: 'sent to the group' });
    expect(outgoing?.attachments[0]).toMatchObject({ mediaType: 'contact', fileName: 'contact.vcf' });
    expect(new TextDecoder().decode(outgoing?.attachments[0]?.bytes)).toContain('BEGIN:VCARD');
    expect(outgoing?.extra?.['recipients']).toEqual([
      { role: 'to', address: '+41790000002' },
      { role: 'to', address: '+41790000003' },
    ]);
    expect(report).toMatchObject({ kind: 'system', text: 'MMS delivery report for a message of unknown id: status not recorded' });
  });

  it('keeps the device path when the part file was not extracted', async () => {
    const run = await runParser(androidSmsDbParser, await buildDatabase(FIXTURE), 'mmssms.db');
    const image = run.sink.messages.flatMap((message) => message.attachments).find((attachment) => attachment.mediaType === 'image');
    expect(image?.bytes).toBeUndefined();
    expect(image?.path).toContain('PART_1617900000_IMG_1.jpg');
  });

  it('reads an old schema without pdu, threads or most columns', async () => {
    const bytes = await buildDatabase("CREATE TABLE sms (_id INTEGER PRIMARY KEY, address TEXT, date INTEGER, type INTEGER, body TEXT); INSERT INTO sms VALUES (1, '555', 1300000000000, 1, 'old phone')");
    const run = await runParser(androidSmsDbParser, bytes, 'mmssms.db');
    expect(run.sink.messages).toHaveLength(1);
    expect(run.sink.messages[0]).toMatchObject({ chatKey: 'address:555', text: 'old phone', direction: 'incoming' });
  });

  it('reads Samsung spam_sms as messages marked spam, and warns about unread RCS tables', async () => {
    const bytes = await buildDatabase(`${FIXTURE}
      CREATE TABLE spam_sms (_id INTEGER PRIMARY KEY, thread_id INTEGER, address TEXT, date INTEGER, type INTEGER, body TEXT);
      INSERT INTO spam_sms VALUES (1, 9, '+1900', 1617873500000, 1, 'You won a prize');
      CREATE TABLE im (_id INTEGER PRIMARY KEY, body TEXT); INSERT INTO im (body) VALUES ('rcs chat');`);
    const run = await runParser(androidSmsDbParser, bytes, 'mmssms.db');
    const spam = run.sink.messages.find((message) => message.text === 'You won a prize');
    expect(spam?.extra).toMatchObject({ spam: true, table: 'spam_sms' });
    expect(spam?.locator).toMatchObject({ table: 'spam_sms', rowid: 1 });
    expect(run.sink.warnings.some((warning) => warning.message.includes('table im'))).toBe(true);
    expect(run.outcome.details['vendor']).toBe('samsung');
  });

  it('includes messages that exist only in the -wal companion', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.exec(FIXTURE);
    const main = db.export();
    db.exec("INSERT INTO sms (thread_id, address, date, type, body) VALUES (1, '+41790000001', 1617999999000, 1, 'sent after the last checkpoint')");
    const after = db.export();
    db.close();
    const wal = writeWalFile(walTransaction(main, after, 4096), { pageSize: 4096 });
    const run = await runParser(androidSmsDbParser, main, 'mmssms.db', { 'mmssms.db-wal': wal });
    expect(run.sink.messages.map((message) => message.text)).toContain('sent after the last checkpoint');
    expect(run.outcome.details['wal']).toMatchObject({ applied: true, framesInvalid: 0 });
  });

  it('refuses a SQLite database that is not an mmssms.db', async () => {
    const bytes = await buildDatabase('CREATE TABLE notes (body TEXT)');
    const error = await androidSmsDbParser.parse(parserInput(bytes, 'notes.db'), new CollectingSink(), {}).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_IMPORT_FORMAT', message: 'notes.db: a SQLite database, but not an Android mmssms.db (no sms table)' });
  });

  it('sniffs mmssms.db and not other databases', async () => {
    expect(androidSmsDbParser.sniff(await buildDatabase(FIXTURE), 'x')).toBe(true);
    expect(androidSmsDbParser.sniff(await buildDatabase('CREATE TABLE message (a); CREATE TABLE handle (b); CREATE TABLE chat_message_join (c)'), 'x')).toBe(false);
    expect(androidSmsDbParser.sniff(new TextEncoder().encode('{"json": true}'), 'x')).toBe(false);
  });

  it('checks for cancellation and reports progress while reading many rows', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5000)
      INSERT INTO sms (thread_id, address, date, type, body) SELECT 1, '+1555', 1600000000000 + x, 1, 'message ' || x FROM n;`);
    const sink = new CollectingSink(1);
    const error = await androidSmsDbParser.parse(parserInput(bytes, 'mmssms.db'), sink, {}).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_CANCELLED' });
    expect(sink.messages.length).toBeGreaterThanOrEqual(2000);
    expect(sink.messages.length).toBeLessThan(5000);
    expect(sink.progressReports.length).toBeGreaterThan(0);
  });
});
