import { describe, expect, it } from 'vitest';

import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { googleMessagesDbParser } from '../../../../../workers/import/google-messages/index.ts';
import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { signalDesktopDbParser } from '../../../../../workers/import/signal-desktop/index.ts';
import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { BASE_MS as BUGLE_BASE_MS, BUGLE_SCHEMA, PEOPLE_AND_CONVERSATIONS, messageSql, textPartSql } from '../../../../support/bugle-db-schema.ts';
import { declareCollation } from '../../../../support/foreign-collation.ts';
import { IOS_SMS_TABLES_BESIDE_MESSAGE } from '../../../../support/ios-sms-tables.ts';
import { MSGSTORE_CORE_TABLES } from '../../../../support/msgstore-event-tables.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { ANA, ANA_CONVERSATION, BASE_MS, NEW_SCHEMA, json } from '../signal-desktop/signal-desktop-schemas.ts';

/**
 * Regression: Android's SQLite registers the collations LOCALIZED, UNICODE and PHONEBOOK, and app
 * databases declare columns (and indexes) with them; sql.js has none of them and cannot be given
 * one (its build exports no sqlite3_create_collation). Any statement that compares such a column
 * fails to prepare with "no such collation sequence", and a reader that compared a text id that
 * way (a group's jid, an iMessage guid, a Signal message id) failed the whole database. The
 * readers now compare ids byte for byte (COLLATE BINARY, what an id match means), and a warning
 * names the collation the reader does not have.
 */
const warnsOfCollation = (warnings: readonly { place: string; message: string }[], file: string): boolean =>
  warnings.some((warning) => warning.place === file && warning.message.includes('LOCALIZED') && warning.message.includes('BINARY'));

describe('regression: columns declared with a collation sql.js does not have', () => {
  it('msgstore.db (new layout): a jid.raw_string COLLATE LOCALIZED no longer fails the import; the group\'s members are read', async () => {
    const bytes = await declareCollation(await buildDatabase(`${MSGSTORE_CORE_TABLES.replace('raw_string TEXT', 'raw_string TEXT COLLATE BINARY')}
      CREATE TABLE group_participant_user (_id INTEGER PRIMARY KEY, group_jid_row_id INTEGER, user_jid_row_id INTEGER);
      CREATE INDEX jid_raw ON jid (raw_string COLLATE BINARY);
      INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net'), (2, '120363000000000001', 'g.us', '120363000000000001@g.us');
      INSERT INTO chat VALUES (1, 2, 'Transport');
      INSERT INTO group_participant_user VALUES (1, 2, 1);
      INSERT INTO message VALUES (1, 1, 0, 'A', 1, 0, 1700000000000, 0, 'who drives?');`), 'LOCALIZED');
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.sink.messages.map((message) => message.text)).toEqual(['who drives?']);
    expect(run.sink.chats).toEqual([{ key: 'jid:120363000000000001@g.us', title: 'Transport', kind: 'group', participants: [{ name: null, id: '+4915100000001' }] }]);
    expect(warnsOfCollation(run.sink.warnings, 'msgstore.db')).toBe(true);
    // The lookup by raw_string gets its index made byte for byte: the column's own collation cannot be indexed.
    expect(run.sink.warnings.filter((warning) => warning.message.includes('was slow'))).toEqual([]);
  });

  it('msgstore.db (legacy layout): group_participants.gjid and the message key COLLATE LOCALIZED; members and keyed thumbnails are read', async () => {
    const bytes = await declareCollation(await buildDatabase(`
      CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT COLLATE BINARY NOT NULL, key_from_me INTEGER, key_id TEXT COLLATE BINARY NOT NULL,
        status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, remote_resource TEXT);
      CREATE TABLE chat_list (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT COLLATE BINARY UNIQUE, subject TEXT);
      CREATE TABLE group_participants (_id INTEGER PRIMARY KEY AUTOINCREMENT, gjid TEXT COLLATE BINARY NOT NULL, jid TEXT COLLATE BINARY NOT NULL, admin INTEGER);
      CREATE TABLE message_thumbnails (thumbnail BLOB, timestamp DATETIME, key_remote_jid TEXT COLLATE BINARY NOT NULL, key_from_me INTEGER, key_id TEXT COLLATE BINARY NOT NULL);
      INSERT INTO chat_list (key_remote_jid, subject) VALUES ('4915100000001-1559589144@g.us', 'Night shift');
      INSERT INTO group_participants (gjid, jid, admin) VALUES ('4915100000001-1559589144@g.us', '4915100000002@s.whatsapp.net', 0);
      INSERT INTO messages (_id, key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, remote_resource) VALUES
        (2, '4915100000001-1559589144@g.us', 0, 'G1', 0, 'who drives?', 1623699000000, '0', '4915100000002@s.whatsapp.net');
      INSERT INTO message_thumbnails VALUES (x'FFD8FFE0', '2021-06-14 17:01:00', '4915100000001-1559589144@g.us', 0, 'G1');`), 'LOCALIZED');
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.sink.messages.map((message) => message.text)).toEqual(['who drives?']);
    expect(run.sink.messages[0]?.extra?.['thumbnail']).toEqual({ column: 'message_thumbnails.thumbnail', size: 4 });
    expect(run.sink.chats[0]).toMatchObject({ participants: [{ name: null, id: '+4915100000002' }] });
  });

  it('wa.db beside msgstore.db: wa_contacts with display_name COLLATE LOCALIZED and an index on it still names the contacts', async () => {
    const contacts = await declareCollation(await buildDatabase(`
      CREATE TABLE wa_contacts (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid TEXT COLLATE BINARY NOT NULL, is_whatsapp_user BOOLEAN NOT NULL, display_name TEXT COLLATE BINARY, wa_name TEXT COLLATE BINARY, number TEXT);
      CREATE INDEX wa_contacts_name ON wa_contacts (display_name COLLATE BINARY);
      INSERT INTO wa_contacts (jid, is_whatsapp_user, display_name, wa_name, number) VALUES ('4915100000001@s.whatsapp.net', 1, 'Anna', 'anna', '+4915100000001');`), 'LOCALIZED');
    const store = await buildDatabase(`${MSGSTORE_CORE_TABLES}
      INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
      INSERT INTO chat VALUES (1, 1, NULL);
      INSERT INTO message VALUES (1, 1, 0, 'A', 0, 0, 1700000000000, 0, 'hi');`);
    const run = await runParser(whatsappAndroidDbParser, store, 'msgstore.db', { 'wa.db': contacts });
    expect(run.sink.messages[0]).toMatchObject({ sender: 'Anna', text: 'hi' });
  });

  it('sms.db: message.guid COLLATE LOCALIZED no longer fails the import (the tapback reader looks messages up by guid)', async () => {
    const bytes = await declareCollation(await buildDatabase(`${IOS_SMS_TABLES_BESIDE_MESSAGE}
      CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT COLLATE BINARY UNIQUE NOT NULL, text TEXT, handle_id INTEGER DEFAULT 0, service TEXT,
        date INTEGER, is_from_me INTEGER DEFAULT 0, associated_message_guid TEXT COLLATE BINARY, associated_message_type INTEGER DEFAULT 0);
      INSERT INTO handle VALUES (1, '+12092664939', 'SMS');
      INSERT INTO chat VALUES (1, 'SMS;-;+12092664939', 45, '+12092664939', 'SMS', NULL);
      INSERT INTO chat_handle_join VALUES (1, 1);
      INSERT INTO message (ROWID, guid, text, handle_id, service, date) VALUES (1, 'M1', 'hello', 1, 'SMS', 599079037641931008);
      INSERT INTO message (ROWID, guid, text, handle_id, service, date, associated_message_guid, associated_message_type) VALUES (2, 'M2', 'Loved “hello”', 1, 'SMS', 599079038641931008, 'p:0/M1', 2000);
      INSERT INTO chat_message_join (chat_id, message_id) VALUES (1, 1), (1, 2);`), 'LOCALIZED');
    const run = await runParser(iosSmsDbParser, bytes, 'sms.db');
    expect(checkParsedInvariants(run, 'sms.db')).toEqual([]);
    expect(run.sink.messages.map((message) => message.text)).toEqual(['hello']);
    expect(run.sink.messages[0]?.extra?.['reactions']).toHaveLength(1);
    expect(warnsOfCollation(run.sink.warnings, 'sms.db')).toBe(true);
  });

  it('Signal Desktop: message_attachments.messageId COLLATE LOCALIZED no longer fails the import; the files are listed', async () => {
    const bytes = await declareCollation(await buildDatabase(`${NEW_SCHEMA}${ANA_CONVERSATION}
      CREATE TABLE message_attachments (messageId TEXT COLLATE BINARY NOT NULL, editHistoryIndex INTEGER NOT NULL, attachmentType TEXT NOT NULL,
        orderInMessage INTEGER NOT NULL, conversationId TEXT NOT NULL, sentAt INTEGER NOT NULL, size INTEGER NOT NULL,
        contentType TEXT NOT NULL, path TEXT, fileName TEXT, flags INTEGER, PRIMARY KEY (messageId, editHistoryIndex, attachmentType, orderInMessage));
      INSERT INTO messages (rowid, id, json, sent_at, conversationId, type, body, sourceServiceId, hasAttachments) VALUES
        (1, 't1', ${json({ id: 't1' })}, ${BASE_MS}, 'c-ana', 'incoming', 'a photo', '${ANA}', 1);
      INSERT INTO message_attachments VALUES ('t1', -1, 'attachment', 0, 'c-ana', ${BASE_MS}, 200, 'image/jpeg', 'ab/first', 'first.jpg', NULL);`), 'LOCALIZED');
    const run = await runParser(signalDesktopDbParser, bytes, 'db.sqlite');
    expect(checkParsedInvariants(run, 'db.sqlite')).toEqual([]);
    expect(run.sink.messages[0]?.attachments.map((attachment) => attachment.fileName)).toEqual(['first.jpg']);
  });

  it('mmssms.db: addresses COLLATE LOCALIZED (with an index) are read', async () => {
    const bytes = await declareCollation(await buildDatabase(`
      CREATE TABLE sms (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, address TEXT COLLATE BINARY, date INTEGER, type INTEGER, body TEXT);
      CREATE TABLE pdu (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, date INTEGER, msg_box INTEGER, m_type INTEGER);
      CREATE TABLE part (_id INTEGER PRIMARY KEY AUTOINCREMENT, mid INTEGER, seq INTEGER DEFAULT 0, ct TEXT, name TEXT, cl TEXT, _data TEXT, text TEXT);
      CREATE TABLE addr (_id INTEGER PRIMARY KEY, msg_id INTEGER, address TEXT COLLATE BINARY, type INTEGER, charset INTEGER);
      CREATE TABLE threads (_id INTEGER PRIMARY KEY AUTOINCREMENT, recipient_ids TEXT);
      CREATE TABLE canonical_addresses (_id INTEGER PRIMARY KEY AUTOINCREMENT, address TEXT COLLATE BINARY);
      CREATE INDEX canonical_address ON canonical_addresses (address COLLATE BINARY);
      INSERT INTO canonical_addresses VALUES (1, '+41790000002');
      INSERT INTO threads VALUES (7, '1');
      INSERT INTO sms (thread_id, address, date, type, body) VALUES (7, '+41790000002', 1617873247692, 1, 'hello');
      INSERT INTO pdu (_id, thread_id, date, msg_box, m_type) VALUES (11, 7, 1617900100, 1, 132);
      INSERT INTO part (mid, seq, ct, text) VALUES (11, 0, 'text/plain', 'photo later');
      INSERT INTO addr (msg_id, address, type, charset) VALUES (11, '+41790000002', 137, 106);`), 'LOCALIZED');
    const run = await runParser(androidSmsDbParser, bytes, 'mmssms.db');
    expect(checkParsedInvariants(run, 'mmssms.db')).toEqual([]);
    expect(run.sink.messages.map((message) => [message.sender, message.text])).toEqual([['+41790000002', 'hello'], ['+41790000002', 'photo later']]);
  });

  it('bugle_db: participants\' destinations COLLATE LOCALIZED (with an index) are read', async () => {
    const schema = BUGLE_SCHEMA.replace('normalized_destination TEXT,', 'normalized_destination TEXT COLLATE BINARY,').replace('full_name TEXT,', 'full_name TEXT COLLATE BINARY,');
    expect(schema).toContain('full_name TEXT COLLATE BINARY');
    const bytes = await declareCollation(await buildDatabase(`${schema}
      CREATE INDEX participant_name ON participants (full_name COLLATE BINARY);
      ${PEOPLE_AND_CONVERSATIONS}
      ${messageSql({ id: 10, conversation: 1, sender: 2, received: BUGLE_BASE_MS, protocol: 0, status: 100 }, [textPartSql(10, 1, 'room 12')])}`), 'LOCALIZED');
    const run = await runParser(googleMessagesDbParser, bytes, 'bugle_db');
    expect(checkParsedInvariants(run, 'bugle_db')).toEqual([]);
    expect(run.sink.messages[0]).toMatchObject({ sender: 'Ana Pop', text: 'room 12' });
  });
});
