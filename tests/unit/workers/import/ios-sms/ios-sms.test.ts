import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { IOS_SMS_TABLES_BESIDE_MESSAGE } from '../../../../support/ios-sms-tables.ts';
import { buildDatabase, checkParsedInvariants, CollectingSink, parserInput, runParser } from '../../../../support/sqlite-parser-harness.ts';

const SAMPLES = path.resolve(process.cwd(), '../shared/samples/ios-sms-db/imessage-exporter');
const HAVE_SAMPLES = existsSync(SAMPLES);

/** An NSAttributedString typedstream holding `text` (the layout iOS writes; see typedstream.ts). */
function attributedBody(text: string): string {
  const encoder = new TextEncoder();
  const body = encoder.encode(text);
  const bytes = Uint8Array.from([
    0x04, 0x0b, ...encoder.encode('streamtyped'), 0x81, 0xe8, 0x03, 0x84, 0x01, 0x40, 0x84, 0x84, 0x84, 0x12,
    ...encoder.encode('NSAttributedString'), 0x00, 0x84, 0x84, 0x08, ...encoder.encode('NSObject'), 0x00, 0x85,
    0x92, 0x84, 0x84, 0x84, 0x08, ...encoder.encode('NSString'), 0x01, 0x94, 0x84, 0x01, 0x2b, body.byteLength, ...body, 0x86, 0x84,
  ]);
  return `X'${Buffer.from(bytes).toString('hex')}'`;
}

function hexOf(file: string): string {
  return `X'${readFileSync(path.join(SAMPLES, file)).toString('hex')}'`;
}

const SCHEMA = `
  CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT, handle_id INTEGER DEFAULT 0,
    subject TEXT, attributedBody BLOB, service TEXT, account TEXT, date INTEGER, date_read INTEGER, date_delivered INTEGER,
    is_delivered INTEGER DEFAULT 0, is_from_me INTEGER DEFAULT 0, is_read INTEGER DEFAULT 0, is_sent INTEGER DEFAULT 0,
    item_type INTEGER DEFAULT 0, other_handle INTEGER DEFAULT 0, group_title TEXT, group_action_type INTEGER DEFAULT 0,
    associated_message_guid TEXT, associated_message_type INTEGER DEFAULT 0, message_summary_info BLOB,
    destination_caller_id TEXT, thread_originator_guid TEXT, date_edited INTEGER DEFAULT 0, date_retracted INTEGER DEFAULT 0);
  ${IOS_SMS_TABLES_BESIDE_MESSAGE}
  INSERT INTO handle VALUES (1, '+15551230001', 'iMessage'), (2, 'friend@example.com', 'iMessage'), (3, '+15551230003', 'SMS');
  INSERT INTO chat VALUES (1, 'iMessage;-;+15551230001', 45, '+15551230001', 'iMessage', NULL),
                          (2, 'iMessage;+;chat123456', 43, 'chat123456', 'iMessage', 'Weekend plans');
  INSERT INTO chat_handle_join VALUES (1, 1), (2, 1), (2, 2);
`;

const FIXTURE = `${SCHEMA}
  INSERT INTO message (ROWID, guid, text, attributedBody, handle_id, service, date, date_read, is_from_me) VALUES
    (1, 'G1', 'Where are you?', NULL, 1, 'iMessage', 599079037641931008, 599597752, 0),
    (2, 'G2', NULL, ${attributedBody('Only in the attributed body')}, 1, 'iMessage', 690513474000000000, 0, 1),
    (3, 'G3', 'old iOS seconds', NULL, 1, 'SMS', 400000000, 0, 0);
  INSERT INTO message (ROWID, guid, text, handle_id, date, is_from_me, associated_message_guid, associated_message_type) VALUES
    (4, 'G4', 'Loved “Where are you?”', 1, 599079100000000000, 1, 'p:0/G1', 2000);
  INSERT INTO message (ROWID, guid, text, handle_id, date, is_from_me, item_type, group_action_type, other_handle, group_title) VALUES
    (5, 'G5', NULL, 1, 599079200000000000, 0, 2, 0, 0, 'Road trip'),
    (6, 'G6', NULL, 1, 599079300000000000, 0, 1, 0, 2, NULL);
  INSERT INTO message (ROWID, guid, text, handle_id, date, is_from_me) VALUES
    (7, 'G7', '￼', 2, 599079400000000000, 0),
    (8, 'G8', 'not joined to any chat', 3, 599079500000000000, 0);
  INSERT INTO chat_message_join (chat_id, message_id) VALUES (1, 1), (1, 2), (1, 3), (1, 4), (2, 5), (2, 6), (2, 7);
  INSERT INTO attachment VALUES (1, 'A1', '~/Library/SMS/Attachments/9e/14/GUID/IMG_0066.HEIC', 'public.heic', 'image/heic', 'IMG_0066.HEIC', 2160391, 0);
  INSERT INTO message_attachment_join VALUES (7, 1);
`;

describe('iosSmsDbParser', () => {
  it('reads messages with per-value date units, direction and chats', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(FIXTURE), 'sms.db');
    expect(checkParsedInvariants(run, 'sms.db')).toEqual([]);
    const [first, , oldSeconds] = run.sink.messages;
    expect(first).toMatchObject({
      chatKey: 'chat:iMessage;-;+15551230001',
      kind: 'message',
      sender: '+15551230001',
      direction: 'incoming',
      text: 'Where are you?',
      timestampText: '599079037641931008',
      time: { utcMs: Date.UTC(2019, 11, 26, 18, 50, 37, 641) },
      locator: { kind: 'sqlite-row', file: 'sms.db', table: 'message', rowid: 1 },
    });
    expect(first?.extra?.['readAt']).toBe(new Date((599597752 + 978307200) * 1000).toISOString());
    expect(oldSeconds?.time).toEqual({ utcMs: (400000000 + 978307200) * 1000 });
    expect(run.sink.chats.find((chat) => chat.key === 'chat:iMessage;+;chat123456')).toMatchObject({
      title: 'Weekend plans',
      kind: 'group',
      participants: [{ name: null, id: '+15551230001' }, { name: null, id: 'friend@example.com' }],
    });
  });

  it('takes the text from attributedBody when text is NULL', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(FIXTURE), 'sms.db');
    const message = run.sink.messages[1];
    expect(message).toMatchObject({ text: 'Only in the attributed body', direction: 'outgoing', sender: null });
    expect(message?.extra?.['textSource']).toBe('attributedBody');
    expect(run.outcome.details['fromAttributedBody']).toBe(1);
  });

  it('shows tapbacks on the message they react to, and group events as system lines', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(FIXTURE), 'sms.db');
    expect(run.sink.messages[0]?.extra?.['reactions']).toMatchObject([{ reaction: 'loved', removed: false, fromMe: true, sender: null, rowid: 4, guid: 'G4' }]);
    expect(run.sink.messages.some((message) => message.locator.kind === 'sqlite-row' && message.locator.rowid === 4)).toBe(false);
    expect(run.sink.messages[3]).toMatchObject({ kind: 'system', text: '+15551230001 named the conversation "Road trip"' });
    expect(run.sink.messages[4]).toMatchObject({ kind: 'system', text: '+15551230001 added friend@example.com to the conversation' });
  });

  it('lists attachments with the backup-relative path, and puts unjoined messages in a chat of their handle', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(FIXTURE), 'sms.db');
    expect(run.sink.messages[5]?.attachments).toEqual([
      { kind: 'attached', mediaType: 'image', fileName: 'IMG_0066.HEIC', mimeType: 'image/heic', path: 'Library/SMS/Attachments/9e/14/GUID/IMG_0066.HEIC', alternativePaths: ['Attachments/9e/14/GUID/IMG_0066.HEIC'], size: 2160391 },
    ]);
    expect(run.sink.messages[6]).toMatchObject({ chatKey: 'handle:+15551230003', text: 'not joined to any chat' });
  });

  it('marks a message whose only text cannot be decoded as unparsed, with the reason and what is printable', async () => {
    const broken = `X'${Buffer.from('040b73747265616d7479706564' + Buffer.from('garbage without a string object').toString('hex'), 'hex').toString('hex')}'`;
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO message (ROWID, guid, text, attributedBody, handle_id, date) VALUES (1, 'B1', NULL, ${broken}, 1, 599079037641931008);
      INSERT INTO chat_message_join VALUES (1, 1, 0);`);
    const run = await runParser(iosSmsDbParser, bytes, 'sms.db');
    expect(run.sink.messages).toHaveLength(1);
    expect(run.sink.messages[0]).toMatchObject({ kind: 'unparsed', locator: { table: 'message', rowid: 1 } });
    expect(run.sink.messages[0]?.reason).toContain('attributedBody');
    expect(run.sink.messages[0]?.text).toContain('garbage without a string object');
    expect(run.sink.warnings).toHaveLength(1);
  });

  it.skipIf(!HAVE_SAMPLES)('marks edited and unsent messages from message_summary_info and date_edited / date_retracted', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO message (ROWID, guid, text, attributedBody, handle_id, date, date_edited, message_summary_info) VALUES
        (1, 'E1', 'Edited message', NULL, 1, 690513474000000000, 690513494000000000, ${hexOf('edited_message/Edited.plist')}),
        (2, 'E2', NULL, NULL, 1, 690513500000000000, 0, ${hexOf('edited_message/Deleted.plist')});
      INSERT INTO message (ROWID, guid, text, handle_id, date, date_retracted) VALUES (3, 'E3', NULL, 1, 690513600000000000, 690513700000000000);
      INSERT INTO chat_message_join (chat_id, message_id) VALUES (1, 1), (1, 2), (1, 3);`);
    const run = await runParser(iosSmsDbParser, bytes, 'sms.db');
    const [edited, unsent, retracted] = run.sink.messages;
    expect(edited).toMatchObject({ edited: true, deleted: false, text: 'Edited message' });
    expect((edited?.extra?.['editHistory'] as { text: string }[]).map((version) => version.text)).toEqual(['First message  ', 'Edit 1', 'Edit 2', 'Edited message']);
    expect(unsent).toMatchObject({ kind: 'message', deleted: true, text: '' });
    expect(unsent?.extra?.['unsentParts']).toEqual([0]);
    expect(retracted).toMatchObject({ deleted: true, edited: false });
  });

  it('refuses a SQLite database that is not an sms.db', async () => {
    const bytes = await buildDatabase('CREATE TABLE sms (body TEXT)');
    const error = await iosSmsDbParser.parse(parserInput(bytes, 'x.db'), new CollectingSink(), {}).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_IMPORT_FORMAT', message: expect.stringContaining('not an iOS sms.db') });
  });
});
