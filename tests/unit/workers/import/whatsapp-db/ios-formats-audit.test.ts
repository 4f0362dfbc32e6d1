import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';

import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { APPLE_EPOCH_OFFSET_SECONDS } from '../../../../../workers/import/sqlite/index.ts';
import { whatsappIosDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser, walTransaction, writeWalFile } from '../../../../support/sqlite-parser-harness.ts';

/**
 * FORMATS.md §5.2 point by point, for the items ios.test.ts does not pin: the ZMESSAGETYPE codes
 * whose numbers differ from Android's (2 video, 3 audio, 8 document, 11 GIF, 15 sticker), the
 * ZGROUPEVENTTYPE values of group and call events, status and broadcast sessions, replies and a
 * store with its -wal. Each record is checked for sender, direction, kind, UTC time, text,
 * attachments, the deleted flag and its locator.
 */

const SCHEMA = `
  CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZCONTACTJID VARCHAR, ZPARTNERNAME VARCHAR, ZSESSIONTYPE INTEGER);
  CREATE TABLE ZWAGROUPMEMBER (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZMEMBERJID VARCHAR, ZCONTACTNAME VARCHAR);
  CREATE TABLE ZWAMEDIAITEM (Z_PK INTEGER PRIMARY KEY, ZMEDIALOCALPATH VARCHAR, ZTITLE VARCHAR, ZFILESIZE INTEGER, ZLATITUDE FLOAT,
    ZLONGITUDE FLOAT, ZVCARDSTRING VARCHAR, ZVCARDNAME VARCHAR, ZMOVIEDURATION INTEGER);
  CREATE TABLE ZWAPROFILEPUSHNAME (Z_PK INTEGER PRIMARY KEY, ZJID VARCHAR, ZPUSHNAME VARCHAR);
  CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZISFROMME INTEGER, ZMESSAGEDATE TIMESTAMP, ZSENTDATE TIMESTAMP,
    ZFROMJID VARCHAR, ZTOJID VARCHAR, ZTEXT VARCHAR, ZMESSAGETYPE INTEGER, ZGROUPEVENTTYPE INTEGER, ZGROUPMEMBER INTEGER,
    ZMEDIAITEM INTEGER, ZSTANZAID VARCHAR, ZPARENTMESSAGE INTEGER, ZSTARRED INTEGER);
`;

/** Core Data seconds since 2001 -> Unix milliseconds, computed here from the documented offset. */
function utcMs(appleSeconds: number): number {
  return (appleSeconds + APPLE_EPOCH_OFFSET_SECONDS) * 1000;
}

function byStanza(messages: readonly ParsedMessage[], stanzaId: string): ParsedMessage {
  const found = messages.find((message) => message.extra?.['stanzaId'] === stanzaId);
  if (found === undefined) throw new Error(`no message with ZSTANZAID ${stanzaId}`);
  return found;
}

describe('FORMATS.md §5.2 ZMESSAGETYPE content codes (numbered unlike Android)', () => {
  const STORE = `${SCHEMA}
    INSERT INTO ZWACHATSESSION VALUES (1, 5, '4915100000001@s.whatsapp.net', 'Anna', 0);
    INSERT INTO ZWAMEDIAITEM VALUES
      (1, 'Media/4915100000001@s.whatsapp.net/v/clip.mp4', 'the road', 800000, NULL, NULL, NULL, NULL, 31),
      (2, 'Media/4915100000001@s.whatsapp.net/a/voice.opus', NULL, 9000, NULL, NULL, NULL, NULL, 12),
      (3, 'Media/4915100000001@s.whatsapp.net/d/ticket.pdf', 'ticket.pdf', 40000, NULL, NULL, NULL, NULL, NULL),
      (4, 'Media/4915100000001@s.whatsapp.net/g/fun.mp4', NULL, 1000, NULL, NULL, NULL, NULL, NULL),
      (5, 'Media/4915100000001@s.whatsapp.net/s/sticker.webp', NULL, 3000, NULL, NULL, NULL, NULL, NULL);
    INSERT INTO ZWAMESSAGE VALUES
      (1, 1, 0, 700000000, NULL, '4915100000001@s.whatsapp.net', NULL, NULL, 2, 0, NULL, 1, 'VID', NULL, 0),
      (2, 1, 1, 700000060, NULL, NULL, '4915100000001@s.whatsapp.net', NULL, 3, 0, NULL, 2, 'AUD', NULL, 0),
      (3, 1, 0, 700000120, NULL, '4915100000001@s.whatsapp.net', NULL, NULL, 8, 0, NULL, 3, 'DOC', NULL, 0),
      (4, 1, 0, 700000180, NULL, '4915100000001@s.whatsapp.net', NULL, NULL, 11, 0, NULL, 4, 'GIF', NULL, 0),
      (5, 1, 0, 700000240, NULL, '4915100000001@s.whatsapp.net', NULL, NULL, 15, 0, NULL, 5, 'STK', NULL, 0),
      (6, 1, 0, 700000300, NULL, '4915100000001@s.whatsapp.net', NULL, 'see https://example.com', 7, 0, NULL, NULL, 'URL', NULL, 0),
      (7, 1, 1, 700000360, NULL, NULL, '4915100000001@s.whatsapp.net', 'that one', 0, 0, NULL, NULL, 'RE', 6, 0);
  `;

  it('reads video (2), audio (3), document (8), GIF (11) and sticker (15) as those media, with their files', async () => {
    const run = await runParser(whatsappIosDbParser, await buildDatabase(STORE), 'ChatStorage.sqlite');
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    const messages = run.sink.messages;
    expect(messages).toHaveLength(7);
    expect(byStanza(messages, 'VID')).toMatchObject({
      chatKey: 'jid:4915100000001@s.whatsapp.net', kind: 'message', sender: 'Anna', senderId: '+4915100000001', direction: 'incoming',
      time: { utcMs: utcMs(700000000) }, text: 'the road', deleted: false,
      attachments: [{ kind: 'attached', mediaType: 'video', path: 'Message/Media/4915100000001@s.whatsapp.net/v/clip.mp4', fileName: 'clip.mp4', size: 800000 }],
      locator: { kind: 'sqlite-row', file: 'ChatStorage.sqlite', table: 'ZWAMESSAGE', rowid: 1 },
    });
    expect(byStanza(messages, 'VID').extra?.['durationSeconds']).toBe(31);
    expect(byStanza(messages, 'AUD')).toMatchObject({
      sender: null, direction: 'outgoing', time: { utcMs: utcMs(700000060) }, text: '',
      attachments: [{ kind: 'attached', mediaType: 'audio', fileName: 'voice.opus', size: 9000 }], locator: { rowid: 2 },
    });
    expect(byStanza(messages, 'DOC')).toMatchObject({ attachments: [{ mediaType: 'document', fileName: 'ticket.pdf' }], locator: { rowid: 3 } });
    expect(byStanza(messages, 'GIF')).toMatchObject({ attachments: [{ mediaType: 'gif', fileName: 'fun.mp4' }], locator: { rowid: 4 } });
    expect(byStanza(messages, 'STK')).toMatchObject({ attachments: [{ mediaType: 'sticker', fileName: 'sticker.webp' }], locator: { rowid: 5 } });
  });

  it('reads a URL message (7) as text, and a reply keeps the row it answers (ZPARENTMESSAGE)', async () => {
    const run = await runParser(whatsappIosDbParser, await buildDatabase(STORE), 'ChatStorage.sqlite');
    expect(byStanza(run.sink.messages, 'URL')).toMatchObject({ kind: 'message', text: 'see https://example.com', attachments: [], sender: 'Anna', locator: { rowid: 6 } });
    const reply = byStanza(run.sink.messages, 'RE');
    expect(reply).toMatchObject({ direction: 'outgoing', sender: null, text: 'that one', time: { utcMs: utcMs(700000360) }, locator: { rowid: 7 } });
    expect(reply.extra?.['replyToMessage']).toBe(6);
  });
});

describe('FORMATS.md §5.2 ZGROUPEVENTTYPE of group events (6) and calls or security events (10)', () => {
  it('names each documented event, by the member it concerns', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO ZWACHATSESSION VALUES (1, 5, '120363000000000001@g.us', 'Transport', 1), (2, 5, '4915100000001@s.whatsapp.net', 'Anna', 0);
      INSERT INTO ZWAGROUPMEMBER VALUES (1, 1, '4915100000002@s.whatsapp.net', 'Boss');
      INSERT INTO ZWAMESSAGE VALUES
        (1, 1, 0, 700000000, NULL, '120363000000000001@g.us', NULL, 'Transport', 6, 1, 1, NULL, 'G1', NULL, 0),
        (2, 1, 0, 700000001, NULL, '120363000000000001@g.us', NULL, NULL, 6, 3, 1, NULL, 'G3', NULL, 0),
        (3, 1, 0, 700000002, NULL, '120363000000000001@g.us', NULL, NULL, 6, 4, 1, NULL, 'G4', NULL, 0),
        (4, 1, 0, 700000003, NULL, '120363000000000001@g.us', NULL, NULL, 6, 7, 1, NULL, 'G7', NULL, 0),
        (5, 1, 0, 700000004, NULL, '120363000000000001@g.us', NULL, NULL, 6, 12, 1, NULL, 'G12', NULL, 0),
        (6, 2, 0, 700000005, NULL, '4915100000001@s.whatsapp.net', NULL, NULL, 10, 2, NULL, NULL, 'C2', NULL, 0),
        (7, 2, 0, 700000006, NULL, '4915100000001@s.whatsapp.net', NULL, NULL, 10, 46, NULL, NULL, 'C46', NULL, 0),
        (8, 2, 0, 700000007, NULL, '4915100000001@s.whatsapp.net', NULL, NULL, 10, 36, NULL, NULL, 'C36', NULL, 0),
        (9, 2, 0, 700000008, NULL, '4915100000001@s.whatsapp.net', NULL, NULL, 10, 99, NULL, NULL, 'C99', NULL, 0);`);
    const run = await runParser(whatsappIosDbParser, bytes, 'ChatStorage.sqlite');
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    const messages = run.sink.messages;
    expect(byStanza(messages, 'G1')).toMatchObject({
      kind: 'system', sender: 'Boss', senderId: '+4915100000002', direction: 'incoming', time: { utcMs: utcMs(700000000) },
      text: 'changed the group name: Transport', attachments: [], deleted: false, locator: { table: 'ZWAMESSAGE', rowid: 1 },
    });
    expect(messages.map((message) => message.text)).toEqual([
      'changed the group name: Transport', 'left the group', 'changed the group icon', 'was removed from the group', 'created the group',
      'messages are now end-to-end encrypted', 'missed video call', 'security code changed', 'event (type 99)',
    ]);
    expect(messages.every((message) => message.kind === 'system')).toBe(true);
    expect(byStanza(messages, 'C46')).toMatchObject({ sender: 'Anna', chatKey: 'jid:4915100000001@s.whatsapp.net', locator: { rowid: 7 } });
  });
});

describe('FORMATS.md §5.2 ZWAGROUPMEMBER: group member names', () => {
  it("lists a group's members on its chat, named by ZCONTACTNAME else ZWAPROFILEPUSHNAME, including those who never wrote", async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO ZWACHATSESSION VALUES (1, 5, '120363000000000001@g.us', 'Transport', 1), (2, 5, '120363000000000002@g.us', 'Other', 1);
      INSERT INTO ZWAGROUPMEMBER VALUES (1, 1, '4915100000002@s.whatsapp.net', 'Boss'), (2, 1, '4915100000003@s.whatsapp.net', NULL),
                                        (3, 1, '4915100000004@s.whatsapp.net', NULL), (4, 2, '4915100000009@s.whatsapp.net', 'Elsewhere');
      INSERT INTO ZWAPROFILEPUSHNAME VALUES (1, '4915100000003@s.whatsapp.net', 'Courier');
      INSERT INTO ZWAMESSAGE VALUES (1, 1, 0, 700000000, NULL, '120363000000000001@g.us', NULL, 'at 9', 0, 0, 1, NULL, 'M1', NULL, 0);`);
    const run = await runParser(whatsappIosDbParser, bytes, 'ChatStorage.sqlite');
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    expect(run.sink.messages[0]).toMatchObject({ sender: 'Boss', senderId: '+4915100000002', text: 'at 9', locator: { table: 'ZWAMESSAGE', rowid: 1 } });
    expect(run.sink.chats).toEqual([{
      key: 'jid:120363000000000001@g.us', title: 'Transport', kind: 'group',
      participants: [{ name: 'Boss', id: '+4915100000002' }, { name: 'Courier', id: '+4915100000003' }, { name: null, id: '+4915100000004' }],
    }]);
  });
});

describe('ZMESSAGETYPE codes, ZFLAGS and contact lists IPED and Whatsapp-Chat-Exporter read from real stores', () => {
  // Regression (a tester's audit against IPED's ExtractorIOS and Whatsapp-Chat-Exporter): view-once
  // media and voice calls were "unknown" messages, a poll-vote row a message, a forwarded message
  // not marked, and several contacts in one message one name and one .vcf holding the separators.
  it('names view-once media, polls, calls and poll-vote rows, marks forwarded ones, and splits several contact cards', async () => {
    const card = (name: string): string => `BEGIN:VCARD\nVERSION:3.0\nFN:${name}\nEND:VCARD`;
    const bytes = await buildDatabase(`
      CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZCONTACTJID VARCHAR, ZPARTNERNAME VARCHAR, ZSESSIONTYPE INTEGER);
      CREATE TABLE ZWAMEDIAITEM (Z_PK INTEGER PRIMARY KEY, ZMEDIALOCALPATH VARCHAR, ZTITLE VARCHAR, ZVCARDSTRING VARCHAR, ZVCARDNAME VARCHAR);
      CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZISFROMME INTEGER, ZMESSAGEDATE TIMESTAMP, ZFROMJID VARCHAR, ZTEXT VARCHAR,
        ZMESSAGETYPE INTEGER, ZMEDIAITEM INTEGER, ZSTANZAID VARCHAR, ZFLAGS INTEGER);
      INSERT INTO ZWACHATSESSION VALUES (1, 5, '4915100000001@s.whatsapp.net', 'Anna', 0);
      INSERT INTO ZWAMEDIAITEM VALUES (1, 'Media/a/b/once.jpg', NULL, NULL, NULL),
        (2, NULL, NULL, '${card('Carl')}_$!<VCard-Separator>!$_${card('Dora')}', 'Crew_$!<Name-Separator>!$_Carl_$!<Name-Separator>!$_Dora');
      INSERT INTO ZWAMESSAGE VALUES (1, 1, 0, 700000000, '4915100000001@s.whatsapp.net', NULL, 38, 1, 'M1', 0),
        (2, 1, 0, 700000010, '4915100000001@s.whatsapp.net', NULL, 59, NULL, 'M2', 0),
        (3, 1, 0, 700000020, '4915100000001@s.whatsapp.net', NULL, 66, NULL, 'M3', 0),
        (4, 1, 1, 700000030, NULL, 'forwarded joke', 0, NULL, 'M4', 128),
        (5, 1, 0, 700000040, '4915100000001@s.whatsapp.net', NULL, 4, 2, 'M5', 0);`);
    const run = await runParser(whatsappIosDbParser, bytes, 'ChatStorage.sqlite');
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    const [once, call, vote, forwarded, contacts] = run.sink.messages;
    expect(once).toMatchObject({ kind: 'message', extra: { messageType: 'view-once image' } });
    expect(once?.attachments[0]).toMatchObject({ mediaType: 'image' });
    expect(call).toMatchObject({ kind: 'system', text: 'voice call' });
    expect(vote).toMatchObject({ kind: 'system', text: 'poll vote update' });
    expect(forwarded?.extra?.['forwarded']).toBe(true);
    expect(once?.extra?.['forwarded']).toBeUndefined();
    expect(contacts?.text).toBe('Carl, Dora');
    expect(contacts?.attachments.map((attachment) => [attachment.fileName, new TextDecoder().decode(attachment.bytes)])).toEqual([
      ['Carl.vcf', card('Carl')],
      ['Dora.vcf', card('Dora')],
    ]);
  });
});

describe("a reply's quote in ZWAMEDIAITEM.ZMETADATA", () => {
  // Regression (a tester's audit against IPED and Whatsapp-Chat-Exporter): an iOS reply's quote is
  // in its media item's ZMETADATA (protobuf: 5 stanza id, 6 sender jid, 19 text), which was not
  // read: the reply carried no link to, nor the words of, what it quoted.
  // A protobuf key as a varint: one byte below field 16, two from there.
  const key = (number: number, wire: number): number[] => (number < 16 ? [(number << 3) | wire] : [(((number << 3) | wire) & 0x7f) | 0x80, ((number << 3) | wire) >> 7]);
  const text = (number: number, value: string): number[] => { const bytes = new TextEncoder().encode(value); return [...key(number, 2), bytes.length, ...bytes]; };
  const hex = (bytes: number[]): string => Buffer.from(bytes).toString('hex');

  it('takes the quoted stanza id, author and words, and nothing from a blob that is no protobuf', async () => {
    // A negative varint takes ten bytes; it must not make the rest unreadable.
    const quote = [...key(1, 0), 7, ...key(2, 0), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, ...text(5, '3EB0AAAA'), ...text(6, '4915100000001@s.whatsapp.net'), ...key(8, 2), 2, 0x08, 0x01, ...text(19, 'the money is in the blue bag')];
    const bytes = await buildDatabase(`
      CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZCONTACTJID VARCHAR, ZPARTNERNAME VARCHAR, ZSESSIONTYPE INTEGER);
      CREATE TABLE ZWAMEDIAITEM (Z_PK INTEGER PRIMARY KEY, ZMEDIALOCALPATH VARCHAR, ZMETADATA BLOB);
      CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZISFROMME INTEGER, ZMESSAGEDATE TIMESTAMP, ZFROMJID VARCHAR, ZTEXT VARCHAR,
        ZMESSAGETYPE INTEGER, ZMEDIAITEM INTEGER, ZSTANZAID VARCHAR);
      INSERT INTO ZWACHATSESSION VALUES (1, 5, '4915100000001@s.whatsapp.net', 'Anna', 0);
      INSERT INTO ZWAMEDIAITEM VALUES (1, NULL, X'${hex(quote)}'), (2, NULL, X'ff00ff00');
      INSERT INTO ZWAMESSAGE VALUES (1, 1, 1, 700000000, NULL, 'ok, burn it', 0, 1, 'R1'), (2, 1, 1, 700000010, NULL, 'plain', 0, 2, 'R2');`);
    const run = await runParser(whatsappIosDbParser, bytes, 'ChatStorage.sqlite');
    const [reply, plain] = run.sink.messages;
    expect(reply?.extra).toMatchObject({ replyToKeyId: '3EB0AAAA', quote: 'the money is in the blue bag', quoteAuthor: { sender: '+4915100000001', senderId: '+4915100000001' } });
    expect(plain?.extra?.['replyToKeyId']).toBeUndefined();
  });
});

describe('ZWAGROUPMEMBER.ZFIRSTNAME', () => {
  // Regression (a store built from a real macOS WhatsApp schema a tester found): a member saved
  // with only a first name ("Bernd") was shown by number, on the chat and on their messages.
  it('names a member who has only a first name by it, before their push name, on the chat and their messages', async () => {
    const bytes = await buildDatabase(`
      CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZCONTACTJID VARCHAR, ZPARTNERNAME VARCHAR, ZSESSIONTYPE INTEGER);
      CREATE TABLE ZWAGROUPMEMBER (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZMEMBERJID VARCHAR, ZCONTACTNAME VARCHAR, ZFIRSTNAME VARCHAR);
      CREATE TABLE ZWAPROFILEPUSHNAME (Z_PK INTEGER PRIMARY KEY, ZJID VARCHAR, ZPUSHNAME VARCHAR);
      CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZISFROMME INTEGER, ZMESSAGEDATE TIMESTAMP, ZFROMJID VARCHAR, ZTEXT VARCHAR,
        ZMESSAGETYPE INTEGER, ZGROUPMEMBER INTEGER, ZSTANZAID VARCHAR);
      INSERT INTO ZWACHATSESSION VALUES (1, 5, '120363000000000001@g.us', 'Transport', 1);
      INSERT INTO ZWAGROUPMEMBER VALUES (1, 1, '4917698765432@s.whatsapp.net', NULL, 'Bernd'), (2, 1, '4915100000002@s.whatsapp.net', 'Boss Full', 'Boss');
      INSERT INTO ZWAPROFILEPUSHNAME VALUES (1, '4917698765432@s.whatsapp.net', 'B-Man');
      INSERT INTO ZWAMESSAGE VALUES (1, 1, 0, 700000000, '120363000000000001@g.us', 'on my way', 0, 1, 'M1'), (2, 1, 0, 700000060, '120363000000000001@g.us', 'ok', 0, 2, 'M2');`);
    const run = await runParser(whatsappIosDbParser, bytes, 'ChatStorage.sqlite');
    expect(run.sink.messages.map((message) => [message.sender, message.senderId])).toEqual([['Bernd', '+4917698765432'], ['Boss Full', '+4915100000002']]);
    expect(run.sink.chats[0]?.participants).toEqual([{ name: 'Bernd', id: '+4917698765432' }, { name: 'Boss Full', id: '+4915100000002' }]);
  });
});

describe('FORMATS.md §5.2 ZSESSIONTYPE 2 (broadcast) and 3 (status)', () => {
  const STORE = `${SCHEMA}
    INSERT INTO ZWACHATSESSION VALUES (1, 5, 'status@broadcast', NULL, 3), (2, 5, '1700000000@broadcast', 'Customers', 2);
    INSERT INTO ZWAGROUPMEMBER VALUES (1, 1, '4915100000002@s.whatsapp.net', 'Boss');
    INSERT INTO ZWAPROFILEPUSHNAME VALUES (1, '4915100000003@s.whatsapp.net', 'Courier');
    INSERT INTO ZWAMESSAGE VALUES
      (1, 1, 0, 700000000, NULL, 'status@broadcast', NULL, 'new stock today', 0, 0, 1, NULL, 'ST1', NULL, 0),
      (2, 1, 0, 700000060, NULL, '4915100000003@s.whatsapp.net', NULL, 'on the way', 0, 0, NULL, NULL, 'ST2', NULL, 0),
      (3, 2, 1, 700000120, NULL, NULL, '1700000000@broadcast', 'offer for all', 0, 0, NULL, NULL, 'BL1', NULL, 0);
  `;

  it('attributes a status update to the member who posted it, never to status@broadcast', async () => {
    const run = await runParser(whatsappIosDbParser, await buildDatabase(STORE), 'ChatStorage.sqlite');
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    expect(byStanza(run.sink.messages, 'ST1')).toMatchObject({
      chatKey: 'jid:status@broadcast', kind: 'message', sender: 'Boss', senderId: '+4915100000002', direction: 'incoming',
      time: { utcMs: utcMs(700000000) }, text: 'new stock today', locator: { table: 'ZWAMESSAGE', rowid: 1 },
    });
    expect(byStanza(run.sink.messages, 'ST2')).toMatchObject({ sender: 'Courier', senderId: '+4915100000003', locator: { rowid: 2 } });
  });

  it('labels status and broadcast sessions by their jid or name, as neither private chats nor groups', async () => {
    const run = await runParser(whatsappIosDbParser, await buildDatabase(STORE), 'ChatStorage.sqlite');
    expect(byStanza(run.sink.messages, 'BL1')).toMatchObject({ chatKey: 'jid:1700000000@broadcast', sender: null, direction: 'outgoing', locator: { rowid: 3 } });
    expect(run.sink.chats).toEqual([
      // The members ZWAGROUPMEMBER lists for the status session are the people whose updates it holds.
      { key: 'jid:status@broadcast', title: 'status@broadcast', kind: 'unknown', participants: [{ name: 'Boss', id: '+4915100000002' }] },
      { key: 'jid:1700000000@broadcast', title: 'Customers', kind: 'unknown', participants: [] },
    ]);
  });
});

describe('FORMATS.md §0.5 ChatStorage.sqlite with its -wal', () => {
  it('reads messages committed only to the write-ahead log', async () => {
    const pageSize = 4096;
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.exec(`PRAGMA page_size = ${pageSize}; ${SCHEMA}
      INSERT INTO ZWACHATSESSION VALUES (1, 5, '4915100000001@s.whatsapp.net', 'Anna', 0);
      INSERT INTO ZWAMESSAGE (Z_PK, ZCHATSESSION, ZISFROMME, ZMESSAGEDATE, ZFROMJID, ZTEXT, ZMESSAGETYPE, ZSTANZAID) VALUES
        (1, 1, 0, 700000000, '4915100000001@s.whatsapp.net', 'checkpointed', 0, 'W1');`);
    const checkpointed = db.export();
    db.exec(`INSERT INTO ZWAMESSAGE (Z_PK, ZCHATSESSION, ZISFROMME, ZMESSAGEDATE, ZFROMJID, ZTEXT, ZMESSAGETYPE, ZSTANZAID) VALUES
        (2, 1, 0, 700000030.25, '4915100000001@s.whatsapp.net', 'only in the wal', 14, 'W2');`);
    const latest = db.export();
    db.close();
    const wal = writeWalFile(walTransaction(checkpointed, latest, pageSize), { pageSize });

    const withoutWal = await runParser(whatsappIosDbParser, checkpointed, 'ChatStorage.sqlite');
    expect(withoutWal.sink.messages.map((message) => message.text)).toEqual(['checkpointed']);
    const run = await runParser(whatsappIosDbParser, checkpointed, 'ChatStorage.sqlite', { 'ChatStorage.sqlite-wal': wal });
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    expect(run.sink.messages[1]).toMatchObject({
      chatKey: 'jid:4915100000001@s.whatsapp.net', kind: 'message', sender: 'Anna', direction: 'incoming', time: { utcMs: utcMs(700000030.25) },
      timestampText: '700000030.25', text: 'only in the wal', deleted: true, attachments: [],
      locator: { kind: 'sqlite-row', file: 'ChatStorage.sqlite', table: 'ZWAMESSAGE', rowid: 2 },
    });
  });
});
