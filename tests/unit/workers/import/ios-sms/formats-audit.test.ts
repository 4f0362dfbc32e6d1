import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';

import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { buildDatabase, checkParsedInvariants, runParser, walTransaction, writeWalFile } from '../../../../support/sqlite-parser-harness.ts';

/**
 * FORMATS.md §4.3 point by point, on sms.db files built here with the iOS table and column
 * names. ios-sms.test.ts pins date units, attributedBody, tapbacks, group events, attachments and
 * edits; this file pins group direction and senders, the 1:1 SMS chat guid, U+FFFC bodies, the
 * -wal replay and iOS 16 "Recently Deleted".
 */

const SCHEMA = `
  CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT, handle_id INTEGER DEFAULT 0,
    attributedBody BLOB, service TEXT, date INTEGER, date_read INTEGER DEFAULT 0, date_delivered INTEGER DEFAULT 0,
    is_from_me INTEGER DEFAULT 0, is_read INTEGER DEFAULT 0, is_sent INTEGER DEFAULT 0, is_delivered INTEGER DEFAULT 0,
    cache_has_attachments INTEGER DEFAULT 0, item_type INTEGER DEFAULT 0, other_handle INTEGER DEFAULT 0, group_title TEXT,
    group_action_type INTEGER DEFAULT 0, associated_message_guid TEXT, associated_message_type INTEGER DEFAULT 0,
    date_edited INTEGER DEFAULT 0, date_retracted INTEGER DEFAULT 0, destination_caller_id TEXT);
  CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, id TEXT NOT NULL, service TEXT NOT NULL);
  CREATE TABLE chat (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, style INTEGER, chat_identifier TEXT,
    service_name TEXT, display_name TEXT);
  CREATE TABLE chat_message_join (chat_id INTEGER, message_id INTEGER, message_date INTEGER DEFAULT 0, PRIMARY KEY (chat_id, message_id));
  CREATE TABLE chat_handle_join (chat_id INTEGER, handle_id INTEGER);
  CREATE TABLE attachment (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT, filename TEXT, uti TEXT, mime_type TEXT,
    transfer_name TEXT, total_bytes INTEGER DEFAULT 0, is_sticker INTEGER DEFAULT 0);
  CREATE TABLE message_attachment_join (message_id INTEGER, attachment_id INTEGER);
  CREATE TABLE chat_recoverable_message_join (chat_id INTEGER, message_id INTEGER, delete_date INTEGER, ck_sync_state INTEGER DEFAULT 0,
    PRIMARY KEY (chat_id, message_id));
  INSERT INTO handle VALUES (1, '+12092664939', 'SMS'), (2, '+15551230002', 'iMessage'), (3, 'friend@example.com', 'iMessage');
  INSERT INTO chat VALUES (1, 'SMS;-;+12092664939', 45, '+12092664939', 'SMS', NULL),
                          (2, 'iMessage;+;chat123456789', 43, 'chat123456789', 'iMessage', NULL);
  INSERT INTO chat_handle_join VALUES (1, 1), (2, 2), (2, 3);
`;

/** 2019-12-26T18:50:37.641Z as nanoseconds since 2001 (the Magnet CTF value). */
const NS_2019 = 599079037641931008n;
const NS_STEP = 1_000_000_000n;
const msOf = (nanoseconds: bigint): number => Number(nanoseconds / 1_000_000n) + 978_307_200_000;

describe('FORMATS.md §4.3: sms.db', () => {
  it('reads a group chat: incoming senders from handle_id, outgoing (is_from_me, handle_id 0) with no sender', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO message (ROWID, guid, text, handle_id, service, date, is_from_me) VALUES
        (1, 'G1', 'from the second handle', 2, 'iMessage', ${NS_2019}, 0),
        (2, 'G2', 'from the e-mail handle', 3, 'iMessage', ${NS_2019 + NS_STEP}, 0),
        (3, 'G3', 'from me to the group', 0, 'iMessage', ${NS_2019 + 2n * NS_STEP}, 1);
      INSERT INTO chat_message_join (chat_id, message_id) VALUES (2, 1), (2, 2), (2, 3);`);
    const run = await runParser(iosSmsDbParser, bytes, 'sms.db');
    expect(checkParsedInvariants(run, 'sms.db')).toEqual([]);
    expect(run.sink.messages.map((message) => [message.chatKey, message.kind, message.sender, message.senderId, message.direction, message.text, message.time, message.deleted])).toEqual([
      ['chat:iMessage;+;chat123456789', 'message', '+15551230002', '+15551230002', 'incoming', 'from the second handle', { utcMs: msOf(NS_2019) }, false],
      ['chat:iMessage;+;chat123456789', 'message', 'friend@example.com', 'friend@example.com', 'incoming', 'from the e-mail handle', { utcMs: msOf(NS_2019 + NS_STEP) }, false],
      ['chat:iMessage;+;chat123456789', 'message', null, null, 'outgoing', 'from me to the group', { utcMs: msOf(NS_2019 + 2n * NS_STEP) }, false],
    ]);
    expect(run.sink.chats).toEqual([
      { key: 'chat:iMessage;+;chat123456789', title: '+15551230002, friend@example.com', kind: 'group', participants: [{ name: null, id: '+15551230002' }, { name: null, id: 'friend@example.com' }] },
    ]);
  });

  it('reads a 1:1 SMS chat (SMS;-;number, style 45) and keeps a body of U+FFFC placeholders with its attachments', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO message (ROWID, guid, text, handle_id, service, date, is_from_me, cache_has_attachments) VALUES
        (1, 'S1', '￼￼', 1, 'SMS', ${NS_2019}, 0, 1);
      INSERT INTO chat_message_join (chat_id, message_id) VALUES (1, 1);
      INSERT INTO attachment VALUES (1, 'A1', '~/Library/SMS/Attachments/9e/14/GUID1/IMG_0066.HEIC', 'public.heic', 'image/heic', 'IMG_0066.HEIC', 10, 0),
                                    (2, 'A2', '~/Library/SMS/Attachments/0a/10/GUID2/clip.mov', 'com.apple.quicktime-movie', 'video/quicktime', 'clip.mov', 20, 0);
      INSERT INTO message_attachment_join VALUES (1, 1), (1, 2);`);
    const run = await runParser(iosSmsDbParser, bytes, 'sms.db');
    expect(run.sink.messages[0]).toMatchObject({
      chatKey: 'chat:SMS;-;+12092664939',
      sender: '+12092664939',
      direction: 'incoming',
      text: '\uFFFC\uFFFC',
      time: { utcMs: msOf(NS_2019) },
      timestampText: String(NS_2019),
      deleted: false,
      locator: { kind: 'sqlite-row', file: 'sms.db', table: 'message', rowid: 1 },
    });
    expect(run.sink.messages[0]?.extra?.['service']).toBe('SMS');
    expect(run.sink.messages[0]?.attachments.map((attachment) => [attachment.mediaType, attachment.path])).toEqual([
      ['image', 'Library/SMS/Attachments/9e/14/GUID1/IMG_0066.HEIC'],
      ['video', 'Library/SMS/Attachments/0a/10/GUID2/clip.mov'],
    ]);
    expect(run.sink.chats[0]).toMatchObject({ key: 'chat:SMS;-;+12092664939', kind: 'private' });
  });

  it('includes a message that exists only in the sms.db-wal companion', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.exec(`${SCHEMA} INSERT INTO message (ROWID, guid, text, handle_id, date) VALUES (1, 'W1', 'checkpointed', 1, ${NS_2019});
      INSERT INTO chat_message_join (chat_id, message_id) VALUES (1, 1);`);
    const main = db.export();
    db.exec(`INSERT INTO message (ROWID, guid, text, handle_id, date, is_from_me) VALUES (2, 'W2', 'only in the WAL', 0, ${NS_2019 + NS_STEP}, 1);
      INSERT INTO chat_message_join (chat_id, message_id) VALUES (1, 2);`);
    const after = db.export();
    db.close();
    const wal = writeWalFile(walTransaction(main, after, 4096), { pageSize: 4096 });
    const run = await runParser(iosSmsDbParser, main, 'sms.db', { 'sms.db-wal': wal });
    expect(run.sink.messages.map((message) => [message.chatKey, message.direction, message.text, message.time])).toEqual([
      ['chat:SMS;-;+12092664939', 'incoming', 'checkpointed', { utcMs: msOf(NS_2019) }],
      ['chat:SMS;-;+12092664939', 'outgoing', 'only in the WAL', { utcMs: msOf(NS_2019 + NS_STEP) }],
    ]);
    expect(run.outcome.details['wal']).toMatchObject({ applied: true, framesInvalid: 0 });
  });

  // Regression: a message in "Recently Deleted" is still in `message` but joined to its chat only
  // through chat_recoverable_message_join, so it was filed under its sender's handle (or, from
  // me, as unattributed) and shown as not deleted.
  it('keeps a Recently Deleted message (iOS 16+) in its chat, marked deleted, with when it was deleted', async () => {
    const deletedAt = NS_2019 + 100n * NS_STEP;
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO message (ROWID, guid, text, handle_id, date, is_from_me) VALUES
        (1, 'R1', 'kept', 2, ${NS_2019}, 0),
        (2, 'R2', 'deleted by the owner, from someone', 3, ${NS_2019 + NS_STEP}, 0),
        (3, 'R3', 'deleted by the owner, from me', 0, ${NS_2019 + 2n * NS_STEP}, 1);
      INSERT INTO chat_message_join (chat_id, message_id) VALUES (2, 1);
      INSERT INTO chat_recoverable_message_join (chat_id, message_id, delete_date) VALUES (2, 2, ${deletedAt}), (2, 3, ${deletedAt});`);
    const run = await runParser(iosSmsDbParser, bytes, 'sms.db');
    expect(run.sink.messages.map((message) => [message.chatKey, message.sender, message.direction, message.text, message.deleted, message.time])).toEqual([
      ['chat:iMessage;+;chat123456789', '+15551230002', 'incoming', 'kept', false, { utcMs: msOf(NS_2019) }],
      ['chat:iMessage;+;chat123456789', 'friend@example.com', 'incoming', 'deleted by the owner, from someone', true, { utcMs: msOf(NS_2019 + NS_STEP) }],
      ['chat:iMessage;+;chat123456789', null, 'outgoing', 'deleted by the owner, from me', true, { utcMs: msOf(NS_2019 + 2n * NS_STEP) }],
    ]);
    expect(run.sink.messages[1]?.extra?.['recentlyDeletedAt']).toBe(new Date(msOf(deletedAt)).toISOString());
    expect(run.sink.messages[2]?.extra).toMatchObject({ recentlyDeleted: true });
    expect(run.sink.messages[0]?.extra?.['recentlyDeleted']).toBeUndefined();
    expect(run.outcome.details['unsent']).toBe(0);
    expect(run.outcome.details['recentlyDeleted']).toBe(2);
  });
});

describe('FORMATS.md §4.3: tapbacks 2000-2007 and removals 3000-3007', () => {
  it('names every tapback, marks removals, and strips the p:N/ or bp: prefix from the target guid', async () => {
    const types = [2000, 2001, 2002, 2003, 2004, 2005, 3000, 3005];
    const rows = types.map((type, index) => `(${index + 1}, 'T${index}', 'reaction', 2, ${NS_2019 + BigInt(index) * NS_STEP}, 0, '${index % 2 === 0 ? 'p:0/' : 'bp:'}TARGET', ${type})`);
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO message (ROWID, guid, text, handle_id, date, is_from_me, associated_message_guid, associated_message_type) VALUES ${rows.join(', ')};
      INSERT INTO chat_message_join (chat_id, message_id) VALUES ${types.map((_, index) => `(2, ${index + 1})`).join(', ')};`);
    const run = await runParser(iosSmsDbParser, bytes, 'sms.db');
    expect(run.sink.messages.map((message) => message.extra?.['tapback'])).toEqual([
      { associatedMessageType: 2000, reaction: 'loved', removed: false, targetGuid: 'TARGET' },
      { associatedMessageType: 2001, reaction: 'liked', removed: false, targetGuid: 'TARGET' },
      { associatedMessageType: 2002, reaction: 'disliked', removed: false, targetGuid: 'TARGET' },
      { associatedMessageType: 2003, reaction: 'laughed', removed: false, targetGuid: 'TARGET' },
      { associatedMessageType: 2004, reaction: 'emphasized', removed: false, targetGuid: 'TARGET' },
      { associatedMessageType: 2005, reaction: 'questioned', removed: false, targetGuid: 'TARGET' },
      { associatedMessageType: 3000, reaction: 'loved', removed: true, targetGuid: 'TARGET' },
      { associatedMessageType: 3005, reaction: 'questioned', removed: true, targetGuid: 'TARGET' },
    ]);
    expect(new Set(run.sink.messages.map((message) => [message.sender, message.direction, message.deleted].join()))).toEqual(new Set(['+15551230002,incoming,false']));
  });

  it('gives a row with date 0 no time rather than 2001-01-01', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO message (ROWID, guid, text, handle_id, date) VALUES (1, 'Z1', 'no date', 1, 0);
      INSERT INTO chat_message_join (chat_id, message_id) VALUES (1, 1);`);
    const run = await runParser(iosSmsDbParser, bytes, 'sms.db');
    expect(run.sink.messages[0]).toMatchObject({ text: 'no date', time: null, timestampText: '0', sender: '+12092664939' });
  });
});
