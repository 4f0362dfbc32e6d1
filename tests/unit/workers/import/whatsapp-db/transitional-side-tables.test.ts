import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { byKey, MSGSTORE_CORE_TABLES, MSGSTORE_LEGACY_EVENT_TABLE } from '../../../../support/msgstore-event-tables.ts';

/**
 * Regression (a tester's audit; a real phone's table counts: messages 293,102, message 1,
 * message_media 6,821, message_add_on 11): in a transitional database the conversation is in the
 * legacy `messages` table, and the new side tables are keyed on messages._id (WhatsApp's own delete
 * triggers say so). A photo's path and hash were read only from thumb_image (so the photo came in
 * as omitted media with no path), its reactions ended up only in a warning, and a deletion in
 * message_revoked was not seen.
 */
const STORE = `
  ${MSGSTORE_CORE_TABLES}
  ${MSGSTORE_LEGACY_EVENT_TABLE}
  CREATE TABLE message_media (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, file_path TEXT, mime_type TEXT, media_name TEXT,
    media_caption TEXT, file_size INTEGER, media_duration INTEGER, file_hash TEXT);
  CREATE TABLE message_add_on (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, from_me INTEGER NOT NULL, key_id TEXT NOT NULL,
    sender_jid_row_id INTEGER, parent_message_row_id INTEGER NOT NULL, timestamp INTEGER, status INTEGER, message_add_on_type INTEGER);
  CREATE TABLE message_add_on_reaction (message_add_on_row_id INTEGER PRIMARY KEY, reaction TEXT, sender_timestamp INTEGER);
  CREATE TABLE message_revoked (message_row_id INTEGER PRIMARY KEY, revoked_key_id TEXT NOT NULL, admin_jid_row_id INTEGER);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL);
  INSERT INTO message VALUES (1, -1, 0, '-1', NULL, 0, 0, 0, NULL);
  INSERT INTO messages (_id, key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, media_size) VALUES
    (1, '-1', 0, '-1', 0, NULL, 0, '0', 0),
    (2, '4915100000001@s.whatsapp.net', 0, 'P1', 0, NULL, 1700000000000, '1', 52000),
    (3, '4915100000001@s.whatsapp.net', 1, 'T1', 13, 'ok', 1700000100000, '0', 0),
    (4, '4915100000001@s.whatsapp.net', 0, 'D1', 0, NULL, 1700000200000, '15', 0);
  INSERT INTO message_media VALUES (2, 1, 'Media/WhatsApp Images/IMG-20231114-WA0001.jpg', 'image/jpeg', NULL, 'the car', 52000, 0, 'aGFzaA==');
  INSERT INTO message_add_on VALUES (1, 1, 1, 'A1', 0, 2, 1700000010000, 0, 56);
  INSERT INTO message_add_on_reaction VALUES (1, '👍', 1700000010000);
  INSERT INTO message_revoked VALUES (4, 'D0', NULL);
`;

describe("whatsappAndroidDbParser: a transitional database's side tables keyed on messages._id", () => {
  it("reads a legacy photo's path and hash from message_media, its reactions from message_add_on, and a deletion from message_revoked", async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(STORE), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const photo = byKey(run.sink.messages, 'P1');
    expect(photo.attachments).toEqual([expect.objectContaining({ kind: 'attached', mediaType: 'image', path: 'Media/WhatsApp Images/IMG-20231114-WA0001.jpg', mimeType: 'image/jpeg' })]);
    expect(photo.text).toBe('the car');
    expect(photo.extra?.['reactions']).toEqual([expect.objectContaining({ emoji: '👍', fromMe: true, addOnRowId: 1 })]);
    expect(run.sink.warnings.filter((warning) => warning.message.includes('answer a message that was not read'))).toEqual([]);
    expect(byKey(run.sink.messages, 'D1')).toMatchObject({ deleted: true, extra: { revokedKeyId: 'D0' } });
    expect(byKey(run.sink.messages, 'T1')).toMatchObject({ deleted: false, text: 'ok' });
  });
});
