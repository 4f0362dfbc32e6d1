import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Tables and columns of a 2025 msgstore.db (a real schema dump): lid_display_name beside jid_map,
 * message.translated_text, message_media.raw_transcription_text. Columns as that dump has them.
 */
const SCHEMA = `
  CREATE TABLE jid (_id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, server TEXT NOT NULL, agent INTEGER, device INTEGER, type INTEGER, raw_string TEXT);
  CREATE TABLE jid_map (lid_row_id INTEGER PRIMARY KEY NOT NULL, jid_row_id INTEGER NOT NULL, sort_id INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE lid_display_name (lid_row_id INTEGER PRIMARY KEY NOT NULL, display_name TEXT NOT NULL, username TEXT);
  CREATE TABLE chat (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid_row_id INTEGER UNIQUE, subject TEXT);
  CREATE TABLE message (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, from_me INTEGER NOT NULL, key_id TEXT NOT NULL,
    sender_jid_row_id INTEGER, status INTEGER, broadcast INTEGER, timestamp INTEGER, received_timestamp INTEGER, message_type INTEGER,
    text_data TEXT, starred INTEGER, lookup_tables INTEGER, message_add_on_flags INTEGER, view_mode INTEGER, sort_id INTEGER NOT NULL DEFAULT 0,
    translated_text TEXT, view_replies_thread_id INTEGER, server_sts INTEGER);
  CREATE TABLE message_media (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, file_path TEXT, file_size INTEGER, mime_type TEXT,
    media_name TEXT, media_caption TEXT, media_duration INTEGER, raw_transcription_text TEXT);
  INSERT INTO jid VALUES (1, '120363000000000001', 'g.us', 0, 0, 1, '120363000000000001@g.us'),
    (2, '81234567890123', 'lid', 0, 0, 0, '81234567890123@lid'), (3, '97000000000011', 'lid', 0, 0, 0, '97000000000011@lid');
  INSERT INTO lid_display_name VALUES (2, 'Mama Rose', 'rose.k'), (3, '', 'driver_77');
  INSERT INTO chat VALUES (1, 1, 'Jobs');
  INSERT INTO message (_id, chat_row_id, from_me, key_id, sender_jid_row_id, status, timestamp, message_type, text_data, translated_text) VALUES
    (1, 1, 0, 'K1', 2, 0, 1735000000000, 0, 'Je viens demain', 'I am coming tomorrow'),
    (2, 1, 0, 'K2', 3, 0, 1735000060000, 2, NULL, NULL);
  INSERT INTO message_media (message_row_id, chat_row_id, file_path, file_size, mime_type, media_duration, raw_transcription_text) VALUES
    (2, 1, 'Media/WhatsApp Voice Notes/202452/PTT-20241224-WA0001.opus', 8123, 'audio/ogg; codecs=opus', 7, 'the car is at the station');
  CREATE TABLE message_text (message_row_id INTEGER PRIMARY KEY, description TEXT, page_title TEXT, url TEXT, font_style INTEGER, text_color INTEGER,
    background_color INTEGER, preview_type INTEGER, invite_link_group_type INTEGER NOT NULL DEFAULT 0);
  INSERT INTO message (_id, chat_row_id, from_me, key_id, sender_jid_row_id, status, timestamp, message_type, text_data) VALUES
    (3, 1, 1, 'K3', NULL, 13, 1735000120000, 0, 'apply here https://example.test/jobs');
  INSERT INTO message_text (message_row_id, description, page_title, url, preview_type) VALUES (3, 'Work abroad, visa included', 'Jobs in Europe', 'https://example.test/jobs', 0);
`;

describe('msgstore.db (2025): lid display names, translations, transcriptions and link previews', () => {
  it('regression: names a member known only by a lid from lid_display_name, and keeps a translation and a voice transcription beside the message', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(SCHEMA), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const [text, voice] = run.sink.messages;
    expect(text).toMatchObject({ sender: 'Mama Rose', senderId: '81234567890123@lid', text: 'Je viens demain' });
    expect(text?.extra?.['translatedText']).toBe('I am coming tomorrow');
    // An empty display name: the username is the name WhatsApp has.
    expect(voice).toMatchObject({ sender: 'driver_77', senderId: '97000000000011@lid' });
    expect(voice?.extra?.['voiceTranscription']).toBe('the car is at the station');
    expect(run.outcome.details).toMatchObject({ lidDisplayNames: 2, contactNames: 0 });
    // A link's preview as the phone showed it (message_text), kept beside the words.
    expect(run.sink.messages[2]?.extra?.['linkPreview']).toEqual({ title: 'Jobs in Europe', description: 'Work abroad, visa included', url: 'https://example.test/jobs' });
  });
});

describe('msgstore.db (2025): when a message was deleted, and a view-once message\'s state', () => {
  // Regression: message_revoked.revoke_timestamp (when it was deleted for everyone) and
  // message_view_once_media.state were in the 2025 schema dump but not read.
  it('keeps the deletion time and the view-once state as stored', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      CREATE TABLE message_revoked (message_row_id INTEGER PRIMARY KEY, revoked_key_id TEXT NOT NULL, admin_jid_row_id INTEGER, revoke_timestamp INTEGER);
      CREATE TABLE message_view_once_media (message_row_id INTEGER PRIMARY KEY, state INTEGER NOT NULL);
      INSERT INTO message (_id, chat_row_id, from_me, key_id, sender_jid_row_id, status, timestamp, message_type, text_data) VALUES
        (4, 1, 0, 'K4', 2, 0, 1735000180000, 15, NULL), (5, 1, 0, 'K5', 2, 0, 1735000240000, 42, NULL);
      INSERT INTO message_revoked VALUES (4, 'K4', NULL, 1735000200000);
      INSERT INTO message_view_once_media VALUES (5, 2);`);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const byKey = new Map(run.sink.messages.map((message) => [message.extra?.['keyId'], message]));
    expect(byKey.get('K4')).toMatchObject({ deleted: true, extra: { revokedKeyId: 'K4', deletedAt: '2024-12-24T00:30:00.000Z' } });
    expect(byKey.get('K5')?.extra?.['viewOnceState']).toEqual({ state: 2, note: 'message_view_once_media.state as stored; its meaning is not known' });
  });
});
