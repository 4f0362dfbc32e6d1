import { describe, expect, it } from 'vitest';

import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * FORMATS.md §4.2 point by point, on mmssms.db files built here with the AOSP column names
 * (vendor columns such as `deleted` added where a vendor has them). android-sms.test.ts pins
 * the basic sms/pdu/part/addr/threads reading; this file pins the rest.
 */

const SCHEMA = `
  CREATE TABLE sms (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, address TEXT, person INTEGER, date INTEGER,
    date_sent INTEGER DEFAULT 0, protocol INTEGER, read INTEGER DEFAULT 0, status INTEGER DEFAULT -1, type INTEGER,
    reply_path_present INTEGER, subject TEXT, body TEXT, service_center TEXT, locked INTEGER DEFAULT 0, sub_id INTEGER DEFAULT -1,
    error_code INTEGER DEFAULT -1, creator TEXT, seen INTEGER DEFAULT 0, deleted INTEGER DEFAULT 0);
  CREATE TABLE pdu (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, date INTEGER, date_sent INTEGER DEFAULT 0,
    msg_box INTEGER, read INTEGER DEFAULT 0, m_id TEXT, sub TEXT, sub_cs INTEGER, ct_t TEXT, ct_l TEXT, m_type INTEGER, tr_id TEXT,
    locked INTEGER DEFAULT 0, deleted INTEGER DEFAULT 0);
  CREATE TABLE part (_id INTEGER PRIMARY KEY AUTOINCREMENT, mid INTEGER, seq INTEGER DEFAULT 0, ct TEXT, name TEXT,
    chset INTEGER, cd TEXT, fn TEXT, cid TEXT, cl TEXT, _data TEXT, text TEXT);
  CREATE TABLE addr (_id INTEGER PRIMARY KEY, msg_id INTEGER, contact_id INTEGER, address TEXT, type INTEGER, charset INTEGER);
  CREATE TABLE threads (_id INTEGER PRIMARY KEY AUTOINCREMENT, date INTEGER DEFAULT 0, message_count INTEGER DEFAULT 0,
    recipient_ids TEXT, snippet TEXT);
  CREATE TABLE canonical_addresses (_id INTEGER PRIMARY KEY AUTOINCREMENT, address TEXT);
  INSERT INTO canonical_addresses VALUES (1, '+41790000001'), (2, '+41790000002'), (3, '+41790000003');
  INSERT INTO threads (_id, recipient_ids) VALUES (4, '1'), (5, '2 3 1');
`;

describe('FORMATS.md §4.2: mmssms.db', () => {
  it('marks rows a vendor flags deleted (the trash / recycle bin) as deleted, and keeps the others', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO sms (_id, thread_id, address, date, type, body, deleted) VALUES
        (1, 4, '+41790000001', 1617873247692, 1, 'in the recycle bin', 1),
        (2, 4, '+41790000001', 1617873300000, 2, 'still there', 0);
      INSERT INTO pdu (_id, thread_id, date, msg_box, m_type, deleted) VALUES (7, 4, 1617900000, 1, 132, 1);
      INSERT INTO part (mid, seq, ct, text) VALUES (7, 0, 'text/plain', 'deleted picture message');
      INSERT INTO addr (msg_id, address, type) VALUES (7, '+41790000001', 137);`);
    const run = await runParser(androidSmsDbParser, bytes, 'mmssms.db');
    expect(checkParsedInvariants(run, 'mmssms.db')).toEqual([]);
    expect(run.sink.messages.map((message) => [message.locator, message.text, message.deleted, message.direction, message.sender, message.time])).toEqual([
      [{ kind: 'sqlite-row', file: 'mmssms.db', table: 'sms', rowid: 1 }, 'in the recycle bin', true, 'incoming', '+41790000001', { utcMs: 1617873247692 }],
      [{ kind: 'sqlite-row', file: 'mmssms.db', table: 'sms', rowid: 2 }, 'still there', false, 'outgoing', null, { utcMs: 1617873300000 }],
      [{ kind: 'sqlite-row', file: 'mmssms.db', table: 'pdu', rowid: 7 }, 'deleted picture message', true, 'incoming', '+41790000001', { utcMs: 1617900000000 }],
    ]);
  });

  it('reads a group MMS: sender from addr 137, to/cc/bcc (151/130/129) as recipients, the thread from recipient_ids', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO pdu (_id, thread_id, date, date_sent, msg_box, m_type, sub) VALUES (20, 5, 1617900300, 1617900290, 1, 132, 'Poze');
      INSERT INTO part (mid, seq, ct, cl, text) VALUES (20, -1, 'application/smil', 'smil.xml', '<smil/>'), (20, 0, 'text/plain', 'text_0.txt', 'pentru toți');
      INSERT INTO addr (msg_id, address, type) VALUES (20, '+41790000003', 137), (20, 'insert-address-token', 151), (20, '+41790000002', 130), (20, '+41790000001', 129);`);
    const run = await runParser(androidSmsDbParser, bytes, 'mmssms.db');
    const [mms] = run.sink.messages;
    expect(mms).toMatchObject({
      chatKey: 'thread:5',
      kind: 'message',
      direction: 'incoming',
      sender: '+41790000003',
      senderId: '+41790000003',
      text: 'pentru toți',
      attachments: [],
      deleted: false,
      time: { utcMs: 1617900300000 },
      timestampText: '1617900300',
      locator: { kind: 'sqlite-row', table: 'pdu', rowid: 20 },
    });
    expect(mms?.extra).toMatchObject({ subject: 'Poze', smilParts: 1, dateSent: '2021-04-08T16:44:50.000Z', box: 'inbox' });
    expect(mms?.extra?.['recipients']).toEqual([
      { role: 'to', address: null, self: true },
      { role: 'cc', address: '+41790000002' },
      { role: 'bcc', address: '+41790000001' },
    ]);
    expect(run.sink.chats.find((chat) => chat.key === 'thread:5')).toMatchObject({ kind: 'group', participants: [{ id: '+41790000002' }, { id: '+41790000003' }, { id: '+41790000001' }] });
  });

  it('reads an MMS notification that was never downloaded (m_type 130) as a system notice, not a blank message from the sender, flagged', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO pdu (_id, thread_id, date, msg_box, m_type, ct_l) VALUES (30, 4, 1617900400, 1, 130, 'http://mms.example.invalid/abc');
      INSERT INTO addr (msg_id, address, type) VALUES (30, '+41790000001', 137);`);
    const run = await runParser(androidSmsDbParser, bytes, 'mmssms.db');
    expect(run.sink.messages[0]).toMatchObject({
      kind: 'system',
      direction: 'incoming',
      sender: '+41790000001',
      text: 'MMS download notice: message not downloaded (from +41790000001)',
      time: { utcMs: 1617900400000 },
      deleted: false,
    });
    expect(run.sink.messages[0]?.extra).toMatchObject({ notDownloaded: true, mmsType: 'notification_ind', contentLocation: 'http://mms.example.invalid/abc' });
  });

  it('gives an sms of type 0 (all) or an unknown type no direction, and never invents a sender for it', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO sms (_id, thread_id, address, date, type, body) VALUES (1, 4, '+41790000001', 1617873247692, 0, 'box all'), (2, 4, '+41790000001', 1617873247693, 9, 'box nine');`);
    const run = await runParser(androidSmsDbParser, bytes, 'mmssms.db');
    expect(run.sink.messages.map((message) => [message.direction, message.sender, message.extra?.['box']])).toEqual([
      [null, null, 'all'],
      [null, null, 'unknown (9)'],
    ]);
  });

  it('reads an sms date written in seconds (some vendor and old rows) by its size', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO sms (_id, thread_id, address, date, date_sent, type, body) VALUES (1, 4, '+41790000001', 1617873247, 1617873240000, 1, 'seconds');`);
    const run = await runParser(androidSmsDbParser, bytes, 'mmssms.db');
    expect(run.sink.messages[0]).toMatchObject({ time: { utcMs: 1617873247000 }, timestampText: '1617873247' });
    expect(run.sink.messages[0]?.extra?.['dateSent']).toBe('2021-04-08T09:14:00.000Z');
  });
});

describe('FORMATS.md §4.2: pdu.sub with sub_cs', () => {
  /** How AOSP's PduPersister stores an encoded header: the raw bytes read as ISO-8859-1. */
  const asStored = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

  // Regression: the subject was shown as stored, "PozÄ\u0083 din IaÈ\u0099i" instead of "Poză din Iași".
  it('decodes a UTF-8 (sub_cs 106) subject stored as ISO-8859-1 bytes, keeping the stored form; other charsets stay as stored', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO pdu (_id, thread_id, date, msg_box, m_type, sub, sub_cs) VALUES
        (40, 4, 1617900500, 1, 132, '${asStored('Poză din Iași')}', 106),
        (41, 4, 1617900600, 1, 132, 'Café', 4),
        (42, 4, 1617900700, 2, 128, 'Ștefan already decoded', 106);
      INSERT INTO part (mid, seq, ct, text) VALUES (40, 0, 'text/plain', 'uite'), (41, 0, 'text/plain', 'latin'), (42, 0, 'text/plain', 'real');
      INSERT INTO addr (msg_id, address, type) VALUES (40, '+41790000001', 137), (41, '+41790000001', 137), (42, 'insert-address-token', 137);`);
    const run = await runParser(androidSmsDbParser, bytes, 'mmssms.db');
    expect(run.sink.messages.map((message) => [message.text, message.direction, message.time, message.extra?.['subject'], message.extra?.['subjectAsStored']])).toEqual([
      ['uite', 'incoming', { utcMs: 1617900500000 }, 'Poză din Iași', asStored('Poză din Iași')],
      ['latin', 'incoming', { utcMs: 1617900600000 }, 'Café', undefined],
      ['real', 'outgoing', { utcMs: 1617900700000 }, 'Ștefan already decoded', undefined],
    ]);
  });
});

describe('FORMATS.md §4.2: pdu.sub in the charset sub_cs names, as the phone reads it', () => {
  /** The column as PduPersister writes it: the subject's bytes in `charset`, read as ISO-8859-1. */
  const storedAs = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
  // A hex literal: a UCS-2 subject holds U+0000, which a quoted SQL string would end at.
  const sqlText = (text: string): string => `CAST(X'${Buffer.from(text, 'utf8').toString('hex')}' AS TEXT)`;
  const windows1251 = new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // Привет
  const shiftJis = new Uint8Array([0x82, 0xb1, 0x82, 0xf1, 0x82, 0xc9, 0x82, 0xbf, 0x82, 0xcd]); // こんにちは
  const ucs2 = new Uint8Array([0x00, 0x48, 0x04, 0x38]); // Hи
  const badShiftJis = new Uint8Array([0x82, 0x20]);

  async function subjects(rows: [string, number | null][]): Promise<[unknown, unknown][]> {
    const values = rows.map(([sub, charset], index) => `(${50 + index}, 4, ${1617900500 + index}, 1, 132, ${sqlText(sub)}, ${charset ?? 'NULL'})`);
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO pdu (_id, thread_id, date, msg_box, m_type, sub, sub_cs) VALUES ${values.join(', ')};
      INSERT INTO part (mid, seq, ct, text) VALUES ${rows.map((_row, index) => `(${50 + index}, 0, 'text/plain', 'body ${index}')`).join(', ')};
      INSERT INTO addr (msg_id, address, type) VALUES ${rows.map((_row, index) => `(${50 + index}, '+41790000001', 137)`).join(', ')};`);
    const run = await runParser(androidSmsDbParser, bytes, 'mmssms.db');
    return run.sink.messages.map((message) => [message.extra?.['subject'], message.extra?.['subjectAsStored']]);
  }

  it('decodes windows-1251, Shift_JIS and UCS-2 subjects from their stored bytes, keeping the stored form', async () => {
    expect(await subjects([
      [storedAs(windows1251), 2251],
      [storedAs(shiftJis), 17],
      [storedAs(ucs2), 1000],
    ])).toEqual([
      ['Привет', storedAs(windows1251)],
      ['こんにちは', storedAs(shiftJis)],
      ['Hи', storedAs(ucs2)],
    ]);
  });

  it('leaves as stored what cannot be such bytes, bytes not valid in the charset, and charsets it does not read', async () => {
    expect(await subjects([
      ['Привет already text', 2251],
      [storedAs(badShiftJis), 17],
      [storedAs(windows1251), 9999],
      [storedAs(windows1251), null],
      ['plain ascii', 2251],
    ])).toEqual([
      ['Привет already text', undefined],
      [storedAs(badShiftJis), undefined],
      [storedAs(windows1251), undefined],
      [storedAs(windows1251), undefined],
      ['plain ascii', undefined],
    ]);
  });
});

describe("a vendor's own columns (MIUI, Samsung)", () => {
  // Regression (MIUI's sms/pdu schema, from a public repository of its SMS storage): block_type
  // and the other columns no one here read by name were dropped, so a message the phone had
  // blocked read as an ordinary one, and pdu.date_ms_part (the milliseconds of an MMS's time).
  it('keeps every column not read by name in extra.otherColumns (defaults left out), and reads MIUI\'s date_ms_part', async () => {
    const bytes = await buildDatabase(`
      CREATE TABLE sms (_id INTEGER PRIMARY KEY, thread_id INTEGER, address TEXT, date INTEGER, type INTEGER, body TEXT,
        deleted INTEGER DEFAULT 0, block_type INTEGER DEFAULT 0, sim_imsi TEXT, mx_status INTEGER DEFAULT 0, favorite_date INTEGER DEFAULT 0, vendor_blob BLOB, vendor_note TEXT);
      CREATE TABLE pdu (_id INTEGER PRIMARY KEY, thread_id INTEGER, date INTEGER, msg_box INTEGER, m_type INTEGER, date_ms_part INTEGER DEFAULT 0, block_type INTEGER DEFAULT 0);
      CREATE TABLE part (_id INTEGER PRIMARY KEY, mid INTEGER, seq INTEGER DEFAULT 0, ct TEXT, text TEXT);
      CREATE TABLE addr (_id INTEGER PRIMARY KEY, msg_id INTEGER, address TEXT, type INTEGER);
      INSERT INTO sms (_id, thread_id, address, date, type, body, deleted, block_type, sim_imsi, vendor_blob, vendor_note) VALUES
        (1, 4, '+41790000001', 1617873247692, 1, 'blocked one', 1, 2, '228015930119996', X'0102ff', '${'n'.repeat(5000)}'),
        (2, 4, '+41790000001', 1617873247693, 1, 'plain one', 0, 0, NULL, NULL, '');
      INSERT INTO pdu (_id, thread_id, date, msg_box, m_type, date_ms_part, block_type) VALUES (40, 4, 1617900500, 1, 132, 456, 3), (41, 4, 1617900501, 1, 132, 0, 0);
      INSERT INTO part (mid, seq, ct, text) VALUES (40, 0, 'text/plain', 'mms one'), (41, 0, 'text/plain', 'mms two');
      INSERT INTO addr (msg_id, address, type) VALUES (40, '+41790000001', 137), (41, '+41790000001', 137);`);
    const run = await runParser(androidSmsDbParser, bytes, 'mmssms.db');
    const [blocked, plain, mms, mmsPlain] = run.sink.messages;
    expect(blocked?.deleted).toBe(true);
    expect(blocked?.extra?.['otherColumns']).toEqual({
      block_type: 2,
      sim_imsi: '228015930119996',
      vendor_blob: { blobBytes: 3, hex: '0102ff' },
      vendor_note: { text: 'n'.repeat(4096), cutFromChars: 5000 },
    });
    expect(plain?.extra?.['otherColumns']).toBeUndefined();
    expect(mms).toMatchObject({ text: 'mms one', time: { utcMs: 1617900500456 } });
    expect(mms?.extra).toMatchObject({ dateMillisecondsPart: 456, otherColumns: { block_type: 3 } });
    expect(mmsPlain).toMatchObject({ time: { utcMs: 1617900501000 } });
    expect(mmsPlain?.extra?.['otherColumns']).toBeUndefined();
  });
});

describe('FORMATS.md §4.2: schema differences across Android versions', () => {
  it('reads a pre-KitKat provider (no date_sent, creator, sub_id; pdu without date_sent) with the same meaning', async () => {
    const bytes = await buildDatabase(`
      CREATE TABLE sms (_id INTEGER PRIMARY KEY, thread_id INTEGER, address TEXT, person INTEGER, date INTEGER, protocol INTEGER,
        read INTEGER, status INTEGER, type INTEGER, reply_path_present INTEGER, subject TEXT, body TEXT, service_center TEXT, locked INTEGER);
      CREATE TABLE pdu (_id INTEGER PRIMARY KEY, thread_id INTEGER, date INTEGER, msg_box INTEGER, read INTEGER, m_id TEXT, sub TEXT,
        sub_cs INTEGER, ct_t TEXT, m_type INTEGER, tr_id TEXT);
      CREATE TABLE part (_id INTEGER PRIMARY KEY, mid INTEGER, seq INTEGER, ct TEXT, name TEXT, chset INTEGER, cl TEXT, _data TEXT, text TEXT);
      CREATE TABLE addr (_id INTEGER PRIMARY KEY, msg_id INTEGER, contact_id INTEGER, address TEXT, type INTEGER, charset INTEGER);
      CREATE TABLE threads (_id INTEGER PRIMARY KEY, date INTEGER, message_count INTEGER, recipient_ids TEXT, snippet TEXT);
      CREATE TABLE canonical_addresses (_id INTEGER PRIMARY KEY, address TEXT);
      INSERT INTO canonical_addresses VALUES (1, '5551234');
      INSERT INTO threads VALUES (1, 0, 2, '1', NULL);
      INSERT INTO sms VALUES (1, 1, '5551234', NULL, 1300000000000, 0, 1, -1, 1, 0, NULL, 'gingerbread', NULL, 0);
      INSERT INTO pdu VALUES (2, 1, 1300000100, 1, 1, NULL, NULL, NULL, 'application/vnd.wap.multipart.related', 132, NULL);
      INSERT INTO part VALUES (1, 2, 0, 'image/jpeg', 'a.jpg', NULL, 'a.jpg', '/data/data/com.android.providers.telephony/app_parts/PART_1', NULL);
      INSERT INTO addr VALUES (1, 2, NULL, '5551234', 137, 106);`);
    const run = await runParser(androidSmsDbParser, bytes, 'mmssms.db');
    expect(checkParsedInvariants(run, 'mmssms.db')).toEqual([]);
    expect(run.sink.messages.map((message) => [message.chatKey, message.direction, message.sender, message.text, message.time, message.deleted])).toEqual([
      ['thread:1', 'incoming', '5551234', 'gingerbread', { utcMs: 1300000000000 }, false],
      ['thread:1', 'incoming', '5551234', '', { utcMs: 1300000100000 }, false],
    ]);
    expect(run.sink.messages[1]?.attachments).toEqual([
      { kind: 'attached', mediaType: 'image', fileName: 'a.jpg', mimeType: 'image/jpeg', path: '/data/data/com.android.providers.telephony/app_parts/PART_1' },
    ]);
  });
});
