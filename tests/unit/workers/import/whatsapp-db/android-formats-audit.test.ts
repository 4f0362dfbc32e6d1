import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser, walTransaction, writeWalFile } from '../../../../support/sqlite-parser-harness.ts';
import { byKey } from '../../../../support/msgstore-event-tables.ts';

/**
 * FORMATS.md §5.1 point by point, for the items android.test.ts does not pin: each database is
 * built here in the shape the document gives (legacy `messages`, new `message` + `chat` + `jid`
 * with its side tables), and every record is checked for sender, direction, kind, UTC time, text,
 * attachments, the deleted flag and its locator.
 */

const LEGACY_SCHEMA = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_url TEXT, media_mime_type TEXT, media_wa_type TEXT, media_size INTEGER,
    media_name TEXT, media_caption TEXT, media_duration INTEGER, latitude REAL, longitude REAL, remote_resource TEXT,
    received_timestamp INTEGER, receipt_server_timestamp INTEGER, raw_data BLOB, quoted_row_id INTEGER, starred INTEGER, forwarded INTEGER);
  CREATE TABLE chat_list (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT UNIQUE, subject TEXT);
  INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, timestamp, media_wa_type) VALUES ('-1', 0, '-1', -1, 0, '0');
`;

const NEW_SCHEMA = `
  CREATE TABLE jid (_id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, server TEXT NOT NULL, agent INTEGER, device INTEGER, type INTEGER, raw_string TEXT);
  CREATE TABLE chat (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid_row_id INTEGER UNIQUE, hidden INTEGER, subject TEXT, created_timestamp INTEGER, archived INTEGER);
  CREATE TABLE message (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, from_me INTEGER NOT NULL, key_id TEXT NOT NULL,
    sender_jid_row_id INTEGER, status INTEGER, broadcast INTEGER, timestamp INTEGER, received_timestamp INTEGER, receipt_server_timestamp INTEGER,
    message_type INTEGER, text_data TEXT, starred INTEGER, sort_id INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE message_media (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, file_path TEXT, file_size INTEGER, mime_type TEXT,
    media_name TEXT, media_caption TEXT, media_duration INTEGER);
  CREATE TABLE message_quoted (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, parent_message_chat_row_id INTEGER, from_me INTEGER,
    sender_jid_row_id INTEGER, key_id TEXT, timestamp INTEGER, message_type INTEGER, text_data TEXT);
  CREATE TABLE message_system (message_row_id INTEGER PRIMARY KEY, action_type INTEGER NOT NULL);
  CREATE TABLE message_revoked (message_row_id INTEGER PRIMARY KEY, revoked_key_id TEXT NOT NULL, admin_jid_row_id INTEGER, revoke_timestamp INTEGER);
  CREATE TABLE message_edit_info (message_row_id INTEGER PRIMARY KEY, original_key_id TEXT NOT NULL, edited_timestamp INTEGER NOT NULL, sender_timestamp INTEGER NOT NULL);
  CREATE TABLE jid_map (lid_row_id INTEGER PRIMARY KEY, jid_row_id INTEGER);
  INSERT INTO message (_id, chat_row_id, from_me, key_id, sender_jid_row_id, status, timestamp, message_type) VALUES (1, -1, 0, '-1', 0, -1, 0, 0);
`;

const WA_DB = `
  CREATE TABLE wa_contacts (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid TEXT NOT NULL, is_whatsapp_user BOOLEAN NOT NULL, display_name TEXT,
    wa_name TEXT, number TEXT, status TEXT);
  INSERT INTO wa_contacts (jid, is_whatsapp_user, display_name, wa_name, number) VALUES
    ('4915100000001@s.whatsapp.net', 1, 'Anna', 'anna', '+4915100000001'),
    ('4915100000002@s.whatsapp.net', 1, NULL, 'Boss', '+4915100000002');
`;

describe('FORMATS.md §5.1 legacy messages: media_wa_type codes and their media_* columns', () => {
  const LEGACY_MEDIA = `${LEGACY_SCHEMA}
    INSERT INTO messages (_id, key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, media_mime_type, media_size, media_name,
      media_caption, media_duration, latitude, longitude) VALUES
      (2, '4915100000001@s.whatsapp.net', 0, 'AUD', 0, NULL, 1623697000000, '2', 'audio/ogg; codecs=opus', 9000, NULL, NULL, 12, 0, 0),
      (3, '4915100000001@s.whatsapp.net', 1, 'VID', 13, NULL, 1623697001000, '3', 'video/mp4', 2000000, NULL, 'the road', 31, 0, 0),
      (4, '4915100000001@s.whatsapp.net', 0, 'DOC', 0, NULL, 1623697002000, '9', 'application/pdf', 40000, 'ticket.pdf', NULL, 0, 0, 0),
      (5, '4915100000001@s.whatsapp.net', 0, 'GIF', 0, NULL, 1623697003000, '13', 'video/mp4', 1000, NULL, NULL, 0, 0, 0),
      (6, '4915100000001@s.whatsapp.net', 0, 'LIVE', 0, NULL, 1623697004000, '16', NULL, 0, NULL, NULL, 0, 50.11, 8.68),
      (7, '4915100000001@s.whatsapp.net', 0, 'STK', 0, NULL, 1623697005000, '20', 'image/webp', 3000, NULL, NULL, 0, 0, 0),
      (8, '4915100000001@s.whatsapp.net', 0, 'ODD', 0, 'kept', 1623697006000, '77', NULL, 0, NULL, NULL, 0, 0, 0);
  `;

  it('reads audio, video, document, GIF, live location and sticker rows as their media, and keeps an unknown code visible', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(LEGACY_MEDIA), 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const messages = run.sink.messages;
    expect(messages).toHaveLength(7);
    expect(byKey(messages, 'AUD')).toMatchObject({
      kind: 'message', sender: 'Anna', senderId: '+4915100000001', direction: 'incoming', time: { utcMs: 1623697000000 }, text: '', deleted: false,
      attachments: [{ kind: 'omitted', mediaType: 'audio', mimeType: 'audio/ogg; codecs=opus', size: 9000 }],
      locator: { kind: 'sqlite-row', file: 'msgstore.db', table: 'messages', rowid: 2 },
    });
    expect(byKey(messages, 'AUD').extra?.['durationSeconds']).toBe(12);
    expect(byKey(messages, 'VID')).toMatchObject({
      sender: null, direction: 'outgoing', time: { utcMs: 1623697001000 }, text: 'the road',
      attachments: [{ kind: 'omitted', mediaType: 'video', mimeType: 'video/mp4', size: 2000000 }], locator: { table: 'messages', rowid: 3 },
    });
    expect(byKey(messages, 'DOC')).toMatchObject({ attachments: [{ kind: 'omitted', mediaType: 'document', fileName: 'ticket.pdf', mimeType: 'application/pdf' }], locator: { rowid: 4 } });
    expect(byKey(messages, 'GIF')).toMatchObject({ attachments: [{ mediaType: 'gif' }], locator: { rowid: 5 } });
    expect(byKey(messages, 'LIVE')).toMatchObject({ attachments: [], locator: { rowid: 6 } });
    expect(byKey(messages, 'LIVE').extra?.['location']).toMatchObject({ latitude: 50.11, longitude: 8.68 });
    expect(byKey(messages, 'STK')).toMatchObject({ attachments: [{ mediaType: 'sticker', mimeType: 'image/webp' }], locator: { rowid: 7 } });
    expect(byKey(messages, 'ODD')).toMatchObject({ kind: 'message', text: 'kept', locator: { rowid: 8 } });
    expect(byKey(messages, 'ODD').extra?.['messageType']).toBe('unknown (77)');
  });
});

describe('FORMATS.md §5.1 legacy group senders and members', () => {
  it('names the group sender from remote_resource and lists group_participants (not the owner) as the chat\'s members', async () => {
    const bytes = await buildDatabase(`${LEGACY_SCHEMA}
      CREATE TABLE group_participants (_id INTEGER PRIMARY KEY AUTOINCREMENT, gjid TEXT NOT NULL, jid TEXT NOT NULL, admin INTEGER);
      INSERT INTO group_participants (gjid, jid, admin) VALUES ('4915100000001-1559589144@g.us', '', 0), ('4915100000001-1559589144@g.us', 'status_me', 0),
        ('4915100000001-1559589144@g.us', '4915100000002@s.whatsapp.net', 1), ('4915100000001-1559589144@g.us', '4915100000003@s.whatsapp.net', 0);
      INSERT INTO chat_list (key_remote_jid, subject) VALUES ('4915100000001-1559589144@g.us', 'Night shift');
      INSERT INTO messages (_id, key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, remote_resource) VALUES
        (2, '4915100000001-1559589144@g.us', 0, 'G1', 0, 'who drives?', 1623699000000, '0', '4915100000002@s.whatsapp.net'),
        (3, '4915100000001-1559589144@g.us', 1, 'G2', 5, 'me', 1623699060000, '0', '');`);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(byKey(run.sink.messages, 'G1')).toMatchObject({
      chatKey: 'jid:4915100000001-1559589144@g.us', kind: 'message', sender: 'Boss', senderId: '+4915100000002', direction: 'incoming',
      time: { utcMs: 1623699000000 }, text: 'who drives?', locator: { table: 'messages', rowid: 2 },
    });
    expect(byKey(run.sink.messages, 'G2')).toMatchObject({ sender: null, senderId: null, direction: 'outgoing', locator: { rowid: 3 } });
    expect(run.sink.chats).toEqual([{
      key: 'jid:4915100000001-1559589144@g.us', title: 'Night shift', kind: 'group',
      participants: [{ name: 'Boss', id: '+4915100000002' }, { name: null, id: '+4915100000003' }],
    }]);
  });
});

describe('regression: group members of a WITHOUT ROWID table', () => {
  // 3a4979b ordered a group's members by rowid so the order no longer follows the index SQLite
  // walks; a table without rowids (a rebuilt or hand-made msgstore) then failed the whole import
  // with "no such column: rowid". Such a table's rows are in its primary key's order.
  it('lists group_participants of a WITHOUT ROWID table in its primary key order, and the import goes on', async () => {
    const bytes = await buildDatabase(`${LEGACY_SCHEMA}
      CREATE TABLE group_participants (gjid TEXT NOT NULL, jid TEXT NOT NULL, admin INTEGER, PRIMARY KEY (gjid, jid)) WITHOUT ROWID;
      INSERT INTO group_participants (gjid, jid, admin) VALUES ('4915100000001-1559589144@g.us', '4915100000003@s.whatsapp.net', 0),
        ('4915100000001-1559589144@g.us', '4915100000002@s.whatsapp.net', 1);
      INSERT INTO chat_list (key_remote_jid, subject) VALUES ('4915100000001-1559589144@g.us', 'Night shift');
      INSERT INTO messages (_id, key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, remote_resource) VALUES
        (2, '4915100000001-1559589144@g.us', 0, 'G1', 0, 'who drives?', 1623699000000, '0', '4915100000002@s.whatsapp.net');`);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(byKey(run.sink.messages, 'G1')).toMatchObject({ sender: 'Boss', text: 'who drives?' });
    expect(run.sink.chats).toEqual([{
      key: 'jid:4915100000001-1559589144@g.us', title: 'Night shift', kind: 'group',
      participants: [{ name: 'Boss', id: '+4915100000002' }, { name: null, id: '+4915100000003' }],
    }]);
  });
});

describe('FORMATS.md §5.1 status@broadcast and broadcast lists', () => {
  it('legacy: a status update is attributed to its poster (remote_resource), not to status@broadcast, in a chat labelled by its jid', async () => {
    const bytes = await buildDatabase(`${LEGACY_SCHEMA}
      INSERT INTO messages (_id, key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, remote_resource) VALUES
        (2, 'status@broadcast', 0, 'ST1', 0, 'my status', 1623698000000, '0', '4915100000002@s.whatsapp.net'),
        (3, '3456789@broadcast', 1, 'BL1', 5, 'to the list', 1623698001000, '0', NULL);`);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(byKey(run.sink.messages, 'ST1')).toMatchObject({
      chatKey: 'jid:status@broadcast', kind: 'message', sender: 'Boss', senderId: '+4915100000002', direction: 'incoming',
      time: { utcMs: 1623698000000 }, text: 'my status', locator: { table: 'messages', rowid: 2 },
    });
    expect(byKey(run.sink.messages, 'BL1')).toMatchObject({ chatKey: 'jid:3456789@broadcast', sender: null, direction: 'outgoing', locator: { rowid: 3 } });
    // Neither is a private chat with a person called "status" nor a group.
    expect(run.sink.chats.find((chat) => chat.key === 'jid:status@broadcast')).toMatchObject({ title: 'status@broadcast', kind: 'unknown' });
    expect(run.sink.chats.find((chat) => chat.key === 'jid:3456789@broadcast')).toMatchObject({ title: '3456789@broadcast', kind: 'unknown' });
  });

  it('regression: status@broadcast and a broadcast list are not participants of their own chats; a list names its recipients where group_participants lists them', async () => {
    const bytes = await buildDatabase(`${LEGACY_SCHEMA}
      CREATE TABLE group_participants (_id INTEGER PRIMARY KEY AUTOINCREMENT, gjid TEXT NOT NULL, jid TEXT NOT NULL, admin INTEGER);
      INSERT INTO group_participants (gjid, jid, admin) VALUES ('3456789@broadcast', '4915100000001@s.whatsapp.net', 0), ('3456789@broadcast', '4915100000002@s.whatsapp.net', 0);
      INSERT INTO messages (_id, key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, remote_resource) VALUES
        (2, 'status@broadcast', 0, 'ST1', 0, 'my status', 1623698000000, '0', '4915100000002@s.whatsapp.net'),
        (3, '3456789@broadcast', 1, 'BL1', 5, 'to the list', 1623698001000, '0', NULL);`);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.sink.chats.find((chat) => chat.key === 'jid:status@broadcast')?.participants).toEqual([]);
    expect(run.sink.chats.find((chat) => chat.key === 'jid:3456789@broadcast')?.participants).toEqual([
      { name: 'Anna', id: '+4915100000001' }, { name: 'Boss', id: '+4915100000002' },
    ]);
  });

  it('new: a status update names its poster from sender_jid_row_id; the jid is rebuilt from user and server when raw_string is empty', async () => {
    const bytes = await buildDatabase(`${NEW_SCHEMA}
      INSERT INTO jid (_id, user, server, raw_string) VALUES (2, 'status', 'broadcast', NULL), (3, '4915100000002', 's.whatsapp.net', NULL);
      INSERT INTO chat (_id, jid_row_id) VALUES (1, 2);
      INSERT INTO message (_id, chat_row_id, from_me, key_id, sender_jid_row_id, status, timestamp, message_type, text_data) VALUES
        (2, 1, 0, 'ST2', 3, 0, 1700000000000, 0, 'new status');`);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.sink.messages).toEqual([expect.objectContaining({
      chatKey: 'jid:status@broadcast', sender: 'Boss', senderId: '+4915100000002', direction: 'incoming', time: { utcMs: 1700000000000 },
      text: 'new status', locator: expect.objectContaining({ table: 'message', rowid: 2 }),
    })]);
  });
});

describe('FORMATS.md §5.1 new layout side tables', () => {
  const NEW = `${NEW_SCHEMA}
    INSERT INTO jid (_id, user, server, raw_string) VALUES
      (2, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net'),
      (3, '120363000000000009', 'g.us', '120363000000000009@g.us'),
      (4, '4915100000002', 's.whatsapp.net', '4915100000002@s.whatsapp.net'),
      (5, '70000000000001', 'lid', '70000000000001@lid');
    INSERT INTO jid_map VALUES (5, 2);
    INSERT INTO chat (_id, jid_row_id, subject) VALUES (1, 2, NULL), (2, 3, 'Drivers'), (3, 5, NULL);
    INSERT INTO message (_id, chat_row_id, from_me, key_id, sender_jid_row_id, status, timestamp, message_type, text_data) VALUES
      (2, 1, 0, 'Q0', 0, 0, 1700000000000, 0, 'where?'),
      (3, 1, 1, 'Q1', 0, 13, 1700000001000, 0, 'at the station'),
      (4, 2, 0, 'ADM', 4, 0, 1700000002000, 64, NULL),
      (5, 1, 0, 'ED', 0, 0, 1700000003000, 0, 'corrected'),
      (6, 3, 0, 'LID1', 0, 0, 1700000004000, 0, 'from the lid chat'),
      (7, 2, 0, 'VO', 4, 0, 1700000005000, 42, NULL),
      (8, 2, 0, 'SUBJ', 4, 0, 1700000006000, 7, 'Drivers');
    INSERT INTO message_quoted (message_row_id, chat_row_id, from_me, key_id, text_data) VALUES (3, 1, 0, 'Q0', 'where?');
    INSERT INTO message_revoked VALUES (4, 'ADM-original', 4, 1700000002500);
    INSERT INTO message_edit_info VALUES (5, 'ED', 1700000009000, 1700000009000);
    INSERT INTO message_media (message_row_id, chat_row_id, file_path, file_size, mime_type) VALUES (7, 2, NULL, 70000, 'image/jpeg');
    INSERT INTO message_system VALUES (8, 1);
  `;

  it('keeps the quoted message key of a reply (message_quoted)', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const reply = byKey(run.sink.messages, 'Q1');
    expect(reply).toMatchObject({ sender: null, direction: 'outgoing', time: { utcMs: 1700000001000 }, text: 'at the station', locator: { table: 'message', rowid: 3 } });
    expect(reply.extra?.['replyToKeyId']).toBe('Q0');
  });

  it('marks a message deleted by a group admin (type 64) deleted, still attributed to its author', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(byKey(run.sink.messages, 'ADM')).toMatchObject({
      chatKey: 'jid:120363000000000009@g.us', kind: 'message', sender: 'Boss', senderId: '+4915100000002', direction: 'incoming',
      time: { utcMs: 1700000002000 }, text: '', attachments: [], deleted: true, locator: { table: 'message', rowid: 4 },
    });
    expect(byKey(run.sink.messages, 'ADM').extra).toMatchObject({ messageType: 'deleted by admin', revokedKeyId: 'ADM-original' });
  });

  it('keeps the edit time of an edited message (message_edit_info) beside its send time', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    const edited = byKey(run.sink.messages, 'ED');
    expect(edited).toMatchObject({ edited: true, text: 'corrected', time: { utcMs: 1700000003000 }, sender: 'Anna', locator: { rowid: 5 } });
    expect(edited.extra?.['editedAt']).toBe('2023-11-14T22:13:29.000Z');
  });

  it('resolves a one-to-one chat stored under a lid to the phone number and name (jid_map)', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(byKey(run.sink.messages, 'LID1')).toMatchObject({
      chatKey: 'jid:4915100000001@s.whatsapp.net', sender: 'Anna', senderId: '+4915100000001', direction: 'incoming',
      time: { utcMs: 1700000004000 }, text: 'from the lid chat', locator: { table: 'message', rowid: 6 },
    });
  });

  it('reads a view-once image (type 42) as an image that was not kept', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(byKey(run.sink.messages, 'VO')).toMatchObject({
      sender: 'Boss', attachments: [{ kind: 'omitted', mediaType: 'image', mimeType: 'image/jpeg', size: 70000 }], deleted: false, locator: { rowid: 7 },
    });
  });

  it('reads a subject change (type 7, action 1) as a system record with the new subject, by its author', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(byKey(run.sink.messages, 'SUBJ')).toMatchObject({
      kind: 'system', sender: 'Boss', text: 'changed the group subject: Drivers', time: { utcMs: 1700000006000 }, locator: { rowid: 8 },
    });
  });
});

describe('FORMATS.md §5.1 transitional and view-only legacy tables', () => {
  it('does not read a `messages` view over `message` as a second copy of every message', async () => {
    const bytes = await buildDatabase(`${NEW_SCHEMA}
      INSERT INTO jid (_id, user, server, raw_string) VALUES (2, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
      INSERT INTO chat (_id, jid_row_id) VALUES (1, 2);
      INSERT INTO message (_id, chat_row_id, from_me, key_id, sender_jid_row_id, status, timestamp, message_type, text_data) VALUES
        (2, 1, 0, 'V1', 0, 0, 1700000000000, 0, 'once');
      CREATE VIEW legacy_available_messages_view AS SELECT m._id AS _id, j.raw_string AS key_remote_jid, m.from_me AS key_from_me, m.key_id AS key_id,
        m.text_data AS data, m.timestamp AS timestamp FROM message AS m JOIN chat AS c ON c._id = m.chat_row_id JOIN jid AS j ON j._id = c.jid_row_id;
      CREATE VIEW messages AS SELECT * FROM legacy_available_messages_view;`);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.outcome.details).toMatchObject({ layout: 'new' });
    expect(run.sink.messages).toEqual([expect.objectContaining({ text: 'once', locator: expect.objectContaining({ table: 'message', rowid: 2 }) })]);
  });
});

describe('FORMATS.md §0.5 msgstore.db with its -wal', () => {
  it('reads messages committed only to the write-ahead log, with their table and rowid', async () => {
    const pageSize = 4096;
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.exec(`PRAGMA page_size = ${pageSize}; ${NEW_SCHEMA}
      INSERT INTO jid (_id, user, server, raw_string) VALUES (2, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
      INSERT INTO chat (_id, jid_row_id) VALUES (1, 2);
      INSERT INTO message (_id, chat_row_id, from_me, key_id, sender_jid_row_id, status, timestamp, message_type, text_data) VALUES
        (2, 1, 0, 'W1', 0, 0, 1700000000000, 0, 'checkpointed');`);
    const checkpointed = db.export();
    db.exec(`INSERT INTO message (_id, chat_row_id, from_me, key_id, sender_jid_row_id, status, timestamp, message_type, text_data) VALUES
        (3, 1, 1, 'W2', 0, 13, 1700000060000, 0, 'only in the wal');`);
    const latest = db.export();
    db.close();
    const wal = writeWalFile(walTransaction(checkpointed, latest, pageSize), { pageSize });

    const withoutWal = await runParser(whatsappAndroidDbParser, checkpointed, 'msgstore.db');
    expect(withoutWal.sink.messages.map((message) => message.text)).toEqual(['checkpointed']);
    const run = await runParser(whatsappAndroidDbParser, checkpointed, 'msgstore.db', { 'msgstore.db-wal': wal });
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.sink.messages[1]).toMatchObject({
      chatKey: 'jid:4915100000001@s.whatsapp.net', sender: null, direction: 'outgoing', kind: 'message', time: { utcMs: 1700000060000 },
      text: 'only in the wal', attachments: [], deleted: false, locator: { kind: 'sqlite-row', file: 'msgstore.db', table: 'message', rowid: 3 },
    });
  });
});

describe('FORMATS.md §5.1 legacy contact messages: the cards in messages_vcards', () => {
  it('regression: attaches every card of a message sharing several contacts (type 14), kept only in messages_vcards, and a single card once', async () => {
    const bytes = await buildDatabase(`
      CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
        status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, media_size INTEGER, media_name TEXT, media_caption TEXT, remote_resource TEXT);
      CREATE TABLE messages_vcards (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_row_id INTEGER, sender_jid TEXT, chat_jid TEXT, vcard TEXT);
      INSERT INTO messages (_id, key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, media_size, media_name) VALUES
        (1, '4915100000001@s.whatsapp.net', 0, 'V1', 0, NULL, 1623697000000, '14', 0, '2 contacts'),
        (2, '4915100000001@s.whatsapp.net', 0, 'V2', 0, 'BEGIN:VCARD\nFN:Driver\nEND:VCARD', 1623697010000, '4', 0, 'Driver');
      INSERT INTO messages_vcards (message_row_id, sender_jid, chat_jid, vcard) VALUES
        (1, '4915100000001@s.whatsapp.net', '4915100000001@s.whatsapp.net', 'BEGIN:VCARD\nFN:Ana\nEND:VCARD'),
        (1, '4915100000001@s.whatsapp.net', '4915100000001@s.whatsapp.net', 'BEGIN:VCARD\nFN:Bruno\nEND:VCARD'),
        (2, '4915100000001@s.whatsapp.net', '4915100000001@s.whatsapp.net', 'BEGIN:VCARD\nFN:Driver\nEND:VCARD');
    `);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const [several, single] = run.sink.messages;
    const cardText = (message: typeof several): string[] => (message?.attachments ?? []).map((attachment) => new TextDecoder().decode(attachment.bytes));
    expect(several).toMatchObject({ text: '2 contacts', attachments: [{ mediaType: 'contact', mimeType: 'text/vcard' }, { mediaType: 'contact' }] });
    expect(cardText(several)).toEqual(['BEGIN:VCARD\nFN:Ana\nEND:VCARD', 'BEGIN:VCARD\nFN:Bruno\nEND:VCARD']);
    expect(single).toMatchObject({ text: 'Driver' });
    expect(cardText(single)).toEqual(['BEGIN:VCARD\nFN:Driver\nEND:VCARD']);
  });
});

describe('FORMATS.md §5.1 new layout contact messages: many cards in message_vcard', () => {
  const withCards = (count: number): string => `${NEW_SCHEMA}
    CREATE TABLE message_vcard (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_row_id INTEGER, vcard TEXT);
    INSERT INTO jid (_id, user, server, raw_string) VALUES (2, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
    INSERT INTO chat (_id, jid_row_id) VALUES (1, 2);
    INSERT INTO message (_id, chat_row_id, from_me, key_id, sender_jid_row_id, status, timestamp, message_type, text_data) VALUES
      (2, 1, 0, 'VC', 0, 0, 1700000000000, 14, '${count} contacts');
    INSERT INTO message_vcard (message_row_id, vcard) VALUES ${Array.from({ length: count }, (_, index) => `(2, 'BEGIN:VCARD\nFN:Person ${index}\nEND:VCARD')`).join(', ')};`;

  it('regression: attaches every card of a message sharing 150 contacts, not the first 100', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(withCards(150)), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.sink.messages[0]?.attachments).toHaveLength(150);
    expect(run.sink.messages[0]?.extra).not.toHaveProperty('contactCardsNote');
  });

  it('regression: says so when a message holds more cards than are read', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(withCards(1001)), 'msgstore.db');
    expect(run.sink.messages[0]?.attachments).toHaveLength(1000);
    expect(run.sink.messages[0]?.extra?.['contactCardsNote']).toBe('more than 1000 contact cards: only the first 1000 were read');
  });
});
