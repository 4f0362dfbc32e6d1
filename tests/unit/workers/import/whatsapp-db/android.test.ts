import { describe, expect, it } from 'vitest';

import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, CollectingSink, parserInput, runParser } from '../../../../support/sqlite-parser-harness.ts';

const LEGACY_SCHEMA = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_url TEXT, media_mime_type TEXT, media_wa_type TEXT, media_size INTEGER,
    media_name TEXT, media_caption TEXT, media_duration INTEGER, latitude REAL, longitude REAL, remote_resource TEXT,
    received_timestamp INTEGER, starred INTEGER, forwarded INTEGER);
  CREATE TABLE chat_list (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT UNIQUE, subject TEXT);
`;

const LEGACY = `${LEGACY_SCHEMA}
  INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type) VALUES ('-1', 0, '-1', -1, NULL, 0, '0');
  INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, media_size, remote_resource) VALUES
    ('4915100000001@s.whatsapp.net', 0, 'K1', 0, 'Can you come tonight?', 1623696954096, '0', 0, NULL),
    ('4915100000001@s.whatsapp.net', 1, 'K2', 5, 'yes', 1623696960000, '0', 0, NULL),
    ('111-222@g.us', 0, 'K3', 6, 'Work', 1623696970000, NULL, 11, '4915100000002@s.whatsapp.net'),
    ('111-222@g.us', 0, 'K4', 0, 'hello group', 1623696980000, '0', 0, '4915100000002@s.whatsapp.net'),
    ('111-222@g.us', 0, 'K5', 0, NULL, 1623696990000, '15', 0, '4915100000002@s.whatsapp.net');
  INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, media_mime_type, media_size, media_name, media_caption) VALUES
    ('4915100000001@s.whatsapp.net', 0, 'K6', 0, NULL, 1623697000000, '1', 'image/jpeg', 52000, NULL, 'the door'),
    ('4915100000001@s.whatsapp.net', 0, 'K7', 0, 'BEGIN:VCARD\nFN:Driver\nEND:VCARD', 1623697010000, '4', NULL, 0, 'Driver', NULL);
  INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, latitude, longitude, media_name) VALUES
    ('4915100000001@s.whatsapp.net', 0, 'K8', 0, NULL, 1623697020000, '5', 52.52, 13.405, 'Alexanderplatz');
  INSERT INTO chat_list (key_remote_jid, subject) VALUES ('111-222@g.us', 'Work'), ('4915100000001@s.whatsapp.net', NULL);
`;

const NEW_SCHEMA = `
  CREATE TABLE jid (_id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, server TEXT NOT NULL, agent INTEGER, device INTEGER, type INTEGER, raw_string TEXT);
  CREATE TABLE chat (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid_row_id INTEGER UNIQUE, hidden INTEGER, subject TEXT, created_timestamp INTEGER);
  CREATE TABLE message (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, from_me INTEGER NOT NULL, key_id TEXT NOT NULL,
    sender_jid_row_id INTEGER, status INTEGER, broadcast INTEGER, timestamp INTEGER, received_timestamp INTEGER, message_type INTEGER,
    text_data TEXT, starred INTEGER, origination_flags INTEGER, sort_id INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE message_media (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, file_path TEXT, file_size INTEGER, mime_type TEXT,
    media_name TEXT, media_caption TEXT, media_duration INTEGER);
  CREATE TABLE message_location (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, latitude REAL, longitude REAL, place_name TEXT, place_address TEXT, url TEXT);
  CREATE TABLE message_system (message_row_id INTEGER PRIMARY KEY, action_type INTEGER NOT NULL);
  CREATE TABLE message_revoked (message_row_id INTEGER PRIMARY KEY, revoked_key_id TEXT NOT NULL);
  CREATE TABLE message_edit_info (message_row_id INTEGER PRIMARY KEY, original_key_id TEXT NOT NULL, edited_timestamp INTEGER NOT NULL, sender_timestamp INTEGER NOT NULL);
  CREATE TABLE message_vcard (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_row_id INTEGER, vcard TEXT);
  CREATE TABLE jid_map (lid_row_id INTEGER PRIMARY KEY, jid_row_id INTEGER);
  CREATE TABLE group_participant_user (_id INTEGER PRIMARY KEY, group_jid_row_id INTEGER, user_jid_row_id INTEGER);
`;

const NEW = `${NEW_SCHEMA}
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', 0, 0, 0, '4915100000001@s.whatsapp.net'),
                         (2, '120363000000000001', 'g.us', 0, 0, 1, '120363000000000001@g.us'),
                         (3, '4915100000002', 's.whatsapp.net', 0, 0, 0, '4915100000002@s.whatsapp.net'),
                         (4, '98765432109876', 'lid', 0, 0, 0, '98765432109876@lid'),
                         (5, '11112222333344', 'lid', 0, 0, 0, '11112222333344@lid');
  INSERT INTO jid_map VALUES (4, 3);
  INSERT INTO chat VALUES (1, 1, 0, NULL, 0), (2, 2, 0, 'Transport', 0);
  INSERT INTO group_participant_user VALUES (1, 2, 3), (2, 2, 5);
  INSERT INTO message (_id, chat_row_id, from_me, key_id, sender_jid_row_id, status, timestamp, message_type, text_data) VALUES
    (1, -1, 0, '-1', 0, -1, 0, 0, NULL),
    (2, 1, 0, 'N1', 0, 0, 1700000000000, 0, 'new schema hello'),
    (3, 1, 1, 'N2', 0, 13, 1700000001000, 1, NULL),
    (4, 2, 0, 'N3', 4, 0, 1700000002000, 0, 'from a lid member'),
    (5, 2, 0, 'N4', 5, 0, 1700000003000, 0, 'from an unmapped lid'),
    (6, 2, 0, 'N5', 3, 0, 1700000004000, 7, NULL),
    (7, 1, 0, 'N6', 0, 0, 1700000005000, 15, NULL),
    (8, 1, 0, 'N7', 0, 0, 1700000006000, 16, NULL),
    (9, 1, 0, 'N8', 0, 0, 1700000007000, 0, 'edited text'),
    (10, 1, 0, 'N9', 0, 0, 1700000008000, 4, 'Driver'),
    (11, 1, 0, 'N10', 0, 0, 1700000009000, 2, NULL);
  INSERT INTO message_media VALUES (3, 1, 'Media/WhatsApp Images/Sent/IMG-20231114-WA0001.jpg', 48213, 'image/jpeg', NULL, 'route map', NULL),
                                   (11, 1, NULL, 9000, 'audio/ogg; codecs=opus', NULL, NULL, 7);
  INSERT INTO message_location VALUES (8, 1, 48.8584, 2.2945, 'Tour Eiffel', 'Paris', NULL);
  INSERT INTO message_system VALUES (6, 4);
  INSERT INTO message_revoked VALUES (7, 'N6-original');
  INSERT INTO message_edit_info VALUES (9, 'N8', 1700000100000, 1700000100000);
  INSERT INTO message_vcard (message_row_id, vcard) VALUES (10, 'BEGIN:VCARD\nFN:Driver\nTEL:+4915100000009\nEND:VCARD');
`;

const WA_DB = `
  CREATE TABLE wa_contacts (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid TEXT NOT NULL, is_whatsapp_user BOOLEAN NOT NULL, display_name TEXT, wa_name TEXT);
  INSERT INTO wa_contacts (jid, is_whatsapp_user, display_name, wa_name) VALUES
    ('4915100000001@s.whatsapp.net', 1, 'Anna (address book)', 'anna'), ('4915100000002@s.whatsapp.net', 1, NULL, 'Boss');
`;

function byKey(messages: ParsedMessage[], keyId: string): ParsedMessage | undefined {
  return messages.find((message) => message.extra?.['keyId'] === keyId);
}

describe('whatsappAndroidDbParser: legacy layout', () => {
  it('reads text, direction, groups, system rows, media, contacts, locations and deletions', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(LEGACY), 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const messages = run.sink.messages;
    expect(messages).toHaveLength(8); // the dummy row is not a message
    expect(run.outcome.details).toMatchObject({ layout: 'legacy', placeholderRows: 1, contactNames: 2 });
    expect(byKey(messages, 'K1')).toMatchObject({
      chatKey: 'jid:4915100000001@s.whatsapp.net',
      sender: 'Anna (address book)',
      senderId: '+4915100000001',
      direction: 'incoming',
      text: 'Can you come tonight?',
      timestampText: '1623696954096',
      time: { utcMs: 1623696954096 },
      locator: { kind: 'sqlite-row', table: 'messages', rowid: 2 },
    });
    expect(byKey(messages, 'K2')).toMatchObject({ direction: 'outgoing', sender: null });
    expect(byKey(messages, 'K3')).toMatchObject({ kind: 'system', text: 'created the group: Work', sender: 'Boss' });
    expect(byKey(messages, 'K4')).toMatchObject({ sender: 'Boss', senderId: '+4915100000002', chatKey: 'jid:111-222@g.us' });
    expect(byKey(messages, 'K5')).toMatchObject({ deleted: true, text: '' });
    expect(byKey(messages, 'K6')).toMatchObject({ text: 'the door', attachments: [{ kind: 'omitted', mediaType: 'image', mimeType: 'image/jpeg', size: 52000 }] });
    const contact = byKey(messages, 'K7');
    expect(contact).toMatchObject({ text: 'Driver', attachments: [{ mediaType: 'contact', fileName: 'Driver.vcf', mimeType: 'text/vcard' }] });
    expect(byKey(messages, 'K8')?.extra?.['location']).toMatchObject({ latitude: 52.52, longitude: 13.405, name: 'Alexanderplatz' });
    expect(run.sink.chats.find((chat) => chat.key === 'jid:111-222@g.us')).toMatchObject({ kind: 'group', title: 'Work' });
  });

  it('names the business a legacy "this is a business account" row announces (its name is in media_name, as in the IPED sample)', async () => {
    const business = `${LEGACY}
      INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, media_size, media_name) VALUES
        ('4915100000001@s.whatsapp.net', 0, 'B1', 6, NULL, 1623697030000, NULL, 46, 'Hotdog412'),
        ('4915100000001@s.whatsapp.net', 0, 'B2', 6, NULL, 1623697040000, NULL, 46, NULL),
        ('4915100000001@s.whatsapp.net', 0, 'B3', 6, NULL, 1623697050000, NULL, 11, 'not a business');
    `;
    const messages = (await runParser(whatsappAndroidDbParser, await buildDatabase(business), 'msgstore.db')).sink.messages;
    expect(byKey(messages, 'B1')).toMatchObject({ kind: 'system', text: 'this is a business account: Hotdog412', extra: { businessName: 'Hotdog412' } });
    expect(byKey(messages, 'B2')).toMatchObject({ kind: 'system', text: 'this is a business account' });
    expect(byKey(messages, 'B2')?.extra?.['businessName']).toBeUndefined();
    // media_name means something else on other event rows: it is not taken as a business name there.
    expect(byKey(messages, 'B3')?.extra?.['businessName']).toBeUndefined();
  });

  it('works without wa.db, showing phone numbers', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(LEGACY), 'msgstore.db');
    expect(byKey(run.sink.messages, 'K1')?.sender).toBe('+4915100000001');
    expect(run.sink.chats.find((chat) => chat.key === 'jid:4915100000001@s.whatsapp.net')?.title).toBe('+4915100000001');
  });

  it('warns when the wa.db companion is not a database, and carries on', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(LEGACY), 'msgstore.db', { 'wa.db': new TextEncoder().encode('nope') });
    expect(run.sink.messages).toHaveLength(8);
    expect(run.sink.warnings.some((warning) => warning.place === 'wa.db')).toBe(true);
  });
});

describe('whatsappAndroidDbParser: new layout', () => {
  it('joins side tables: media, location, system actions, revoked, edits, vcards', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const messages = run.sink.messages;
    expect(messages).toHaveLength(10);
    expect(run.outcome.details).toMatchObject({ layout: 'new', placeholderRows: 1, lidMappings: 1 });
    expect(byKey(messages, 'N1')).toMatchObject({ sender: 'Anna (address book)', text: 'new schema hello', locator: { table: 'message', rowid: 2 } });
    expect(byKey(messages, 'N2')).toMatchObject({
      direction: 'outgoing',
      text: 'route map',
      attachments: [{ kind: 'attached', mediaType: 'image', path: 'Media/WhatsApp Images/Sent/IMG-20231114-WA0001.jpg', fileName: 'IMG-20231114-WA0001.jpg', size: 48213 }],
    });
    expect(byKey(messages, 'N5')).toMatchObject({ kind: 'system', text: 'added a participant', sender: 'Boss' });
    expect(byKey(messages, 'N6')).toMatchObject({ deleted: true });
    expect(byKey(messages, 'N6')?.extra?.['revokedKeyId']).toBe('N6-original');
    expect(byKey(messages, 'N7')).toMatchObject({ text: 'Tour Eiffel, Paris' });
    expect(byKey(messages, 'N8')).toMatchObject({ edited: true });
    expect(byKey(messages, 'N9')?.attachments[0]).toMatchObject({ mediaType: 'contact', fileName: 'Driver.vcf' });
    expect(byKey(messages, 'N10')).toMatchObject({ attachments: [{ kind: 'omitted', mediaType: 'audio' }] });
    expect(byKey(messages, 'N10')?.extra?.['durationSeconds']).toBe(7);
  });

  it('keeps a disappearing message’s timer (message_ephemeral, the schema of the IPED sample): seconds to live and expiry in UTC', async () => {
    const ephemeral = `${NEW}
      CREATE TABLE message_ephemeral (message_row_id INTEGER PRIMARY KEY, duration INTEGER NOT NULL, expire_timestamp INTEGER NOT NULL);
      INSERT INTO message_ephemeral VALUES (2, 604800, 1700604800000), (9, 86400, 0);
    `;
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(ephemeral), 'msgstore.db');
    const messages = run.sink.messages;
    expect(byKey(messages, 'N1')?.extra?.['disappearing']).toEqual({ durationSeconds: 604800, expiresAt: '2023-11-21T22:13:20.000Z' });
    // An expiry not yet set (0) reads as none; the timer is still recorded.
    expect(byKey(messages, 'N8')?.extra?.['disappearing']).toEqual({ durationSeconds: 86400, expiresAt: null });
    expect(byKey(messages, 'N2')?.extra?.['disappearing']).toBeUndefined();
  });

  it('resolves a lid sender to the phone jid through jid_map, and keeps an unmapped lid visible', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    const mapped = byKey(run.sink.messages, 'N3');
    expect(mapped).toMatchObject({ sender: 'Boss', senderId: '+4915100000002', chatKey: 'jid:120363000000000001@g.us' });
    expect(mapped?.extra?.['senderLid']).toBe('98765432109876@lid');
    expect(byKey(run.sink.messages, 'N4')).toMatchObject({ sender: '11112222333344@lid', senderId: '11112222333344@lid' });
    expect(run.sink.chats.find((chat) => chat.key === 'jid:120363000000000001@g.us')).toMatchObject({
      title: 'Transport',
      kind: 'group',
      participants: [{ name: 'Boss', id: '+4915100000002' }, { name: null, id: '11112222333344@lid' }],
    });
  });
});

describe('whatsappAndroidDbParser: transitional layout', () => {
  it('reads both tables and reports a message present in both once', async () => {
    const bytes = await buildDatabase(`${NEW}${LEGACY_SCHEMA}
      INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type) VALUES
        ('4915100000001@s.whatsapp.net', 0, 'N1', 0, 'new schema hello', 1700000000000, '0'),
        ('4915100000001@s.whatsapp.net', 0, 'OLD1', 0, 'only in the old table', 1600000000000, '0');`);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.outcome.details).toMatchObject({ layout: 'transitional', duplicatesAcrossLayouts: 1 });
    expect(run.sink.messages.filter((message) => message.extra?.['keyId'] === 'N1')).toHaveLength(1);
    expect(byKey(run.sink.messages, 'OLD1')).toMatchObject({ chatKey: 'jid:4915100000001@s.whatsapp.net', locator: { table: 'messages' } });
  });
});

describe('whatsappAndroidDbParser: transitional layout, group messages sharing a key id', () => {
  // [verified schema, IPED sample] message_key_index is UNIQUE (chat_row_id, from_me, key_id, sender_jid_row_id):
  // in a group, a key id is only unique together with its sender, as in WhatsApp's own message key.
  const withLegacyRow = (sender: string, text: string): string => `${NEW}${LEGACY_SCHEMA}
    INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, remote_resource) VALUES
      ('120363000000000001@g.us', 0, 'N3', 0, '${text}', 1700000002500, '0', '${sender}');`;

  it('regression: keeps a legacy group message whose key id a new-layout message of another sender has', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(withLegacyRow('4915100000009@s.whatsapp.net', 'same key, another member')), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.outcome.details).toMatchObject({ layout: 'transitional', duplicatesAcrossLayouts: 0 });
    expect(run.sink.messages.filter((message) => message.extra?.['keyId'] === 'N3').map((message) => [message.senderId, message.text, message.locator])).toEqual([
      ['+4915100000002', 'from a lid member', expect.objectContaining({ table: 'message', rowid: 4 })],
      ['+4915100000009', 'same key, another member', expect.objectContaining({ table: 'messages' })],
    ]);
  });

  it('still reports once a group message both tables hold for the same sender', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(withLegacyRow('4915100000002@s.whatsapp.net', 'from a lid member')), 'msgstore.db');
    expect(run.outcome.details).toMatchObject({ duplicatesAcrossLayouts: 1 });
    expect(run.sink.messages.filter((message) => message.extra?.['keyId'] === 'N3')).toHaveLength(1);
  });
});

describe('whatsappAndroidDbParser: refusals', () => {
  it('refuses a database without WhatsApp message tables', async () => {
    const bytes = await buildDatabase('CREATE TABLE wa_contacts (jid TEXT)');
    const error = await whatsappAndroidDbParser.parse(parserInput(bytes, 'wa.db'), new CollectingSink(), {}).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_IMPORT_FORMAT', message: expect.stringContaining('not a WhatsApp msgstore.db') });
  });
});
