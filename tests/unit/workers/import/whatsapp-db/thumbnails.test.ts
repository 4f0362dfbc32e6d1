import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES, byKey } from '../../../../support/msgstore-event-tables.ts';

/**
 * Thumbnails WhatsApp keeps in the database: new `message_thumbnail(message_row_id, thumbnail)`
 * (keyed on messages._id too in a transitional database: trigger
 * messages_bd_for_message_thumbnail_trigger), legacy `messages.raw_data`, and
 * `message_quoted_location.thumbnail` [verified schema on the IPED sample; it holds no row]. They were
 * read nowhere, yet they are the only image of a shared place, and of media whose file is gone.
 * Their presence and size are kept in extra (not the bytes: rows stay small); where no file will
 * ever be found (a location; media without a local path) the bytes become an attachment, and
 * media whose file is named carries them as its stand-in (stored if the file is not found).
 */

const JPEG = "x'ffd8ffe000104a464946'";

const NEW = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_media (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, file_path TEXT, mime_type TEXT, media_name TEXT, file_size INTEGER);
  CREATE TABLE message_location (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, latitude REAL, longitude REAL, place_name TEXT, place_address TEXT, url TEXT);
  CREATE TABLE message_thumbnail (message_row_id INTEGER PRIMARY KEY, thumbnail BLOB);
  CREATE TABLE message_quoted (message_row_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, parent_message_chat_row_id INTEGER NOT NULL,
    from_me INTEGER NOT NULL, sender_jid_row_id INTEGER, key_id TEXT NOT NULL, timestamp INTEGER, message_type INTEGER, origin INTEGER, text_data TEXT);
  CREATE TABLE message_quoted_location (message_row_id INTEGER PRIMARY KEY, latitude REAL, longitude REAL, place_name TEXT, place_address TEXT, url TEXT, thumbnail BLOB);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL);
  INSERT INTO message VALUES (1, 1, 0, 'LOC', 0, 0, 1700000000000, 5, NULL),
                             (2, 1, 0, 'GONE', 0, 0, 1700000060000, 1, NULL),
                             (3, 1, 0, 'HERE', 0, 0, 1700000120000, 1, NULL),
                             (4, 1, 1, 'REPLY', 0, 13, 1700000180000, 0, 'that one?');
  INSERT INTO message_media VALUES (2, 1, NULL, 'image/jpeg', NULL, 81234), (3, 1, 'Media/WhatsApp Images/IMG-1.jpg', 'image/jpeg', NULL, 90000);
  INSERT INTO message_location VALUES (1, 1, 52.52, 13.405, 'Alexanderplatz', NULL, NULL);
  INSERT INTO message_thumbnail VALUES (1, ${JPEG}), (2, ${JPEG}), (3, ${JPEG});
  INSERT INTO message_quoted VALUES (4, 1, 1, 0, NULL, 'LOC', 1700000000000, 5, 0, NULL);
  INSERT INTO message_quoted_location VALUES (4, 52.52, 13.405, 'Alexanderplatz', NULL, NULL, ${JPEG});
`;

const LEGACY = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_url TEXT, media_mime_type TEXT, media_wa_type TEXT, media_size INTEGER, media_name TEXT,
    latitude REAL, longitude REAL, thumb_image TEXT, raw_data BLOB);
  INSERT INTO messages VALUES (1, '4915100000001@s.whatsapp.net', 0, 'LOC', 0, NULL, 1623690000000, NULL, NULL, '5', 0, 'Alexanderplatz', 52.52, 13.405, NULL, ${JPEG}),
                              (2, '4915100000001@s.whatsapp.net', 0, 'GONE', 0, NULL, 1623690060000, 'https://mmg.whatsapp.net/x', 'image/jpeg', '1', 81234, NULL, 0, 0, NULL, ${JPEG});
`;

// Older legacy databases: thumbnails in message_thumbnails, keyed like the message (no raw_data value).
const LEGACY_KEYED = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_url TEXT, media_mime_type TEXT, media_wa_type TEXT, media_size INTEGER, media_name TEXT,
    latitude REAL, longitude REAL, thumb_image TEXT, raw_data BLOB);
  CREATE TABLE message_thumbnails (thumbnail BLOB, timestamp DATETIME, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    UNIQUE (key_remote_jid, key_from_me, key_id));
  INSERT INTO messages VALUES (1, '4915100000001@s.whatsapp.net', 0, 'GONE', 0, NULL, 1623690060000, 'https://mmg.whatsapp.net/x', 'image/jpeg', '1', 81234, NULL, 0, 0, NULL, NULL),
                              (2, '4915100000001@s.whatsapp.net', 1, 'GONE', 0, 'same key, other side', 1623690120000, NULL, NULL, '0', 0, NULL, 0, 0, NULL, NULL);
  INSERT INTO message_thumbnails VALUES (${JPEG}, '2021-06-14 17:01:00', '4915100000001@s.whatsapp.net', 0, 'GONE');
`;

describe('whatsappAndroidDbParser: thumbnails kept in the database', () => {
  it('keeps a location\'s map thumbnail as an attachment with its bytes, and its size in extra', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const location = byKey(run.sink.messages, 'LOC');
    expect(location.extra?.['thumbnail']).toEqual({ column: 'message_thumbnail.thumbnail', size: 10 });
    expect(location.attachments).toHaveLength(1);
    expect(location.attachments[0]).toMatchObject({ kind: 'attached', mediaType: 'image', mimeType: 'image/jpeg', size: 10 });
    expect(location.attachments[0]?.bytes?.byteLength).toBe(10);
  });

  it('adds the thumbnail of media without a local file; media whose file is named has it as the stand-in for a missing file', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db');
    const gone = byKey(run.sink.messages, 'GONE');
    expect(gone.attachments.map((attachment) => attachment.kind)).toEqual(['omitted', 'attached']);
    expect(gone.attachments[1]?.bytes?.byteLength).toBe(10);
    const here = byKey(run.sink.messages, 'HERE');
    expect(here.extra?.['thumbnail']).toEqual({ column: 'message_thumbnail.thumbnail', size: 10 });
    expect(here.attachments).toHaveLength(1);
    expect(here.attachments[0]?.bytes).toBeUndefined();
    // Stored only if the import finds no file at the path (record-writer-stand-ins.test.ts).
    expect(here.attachments[0]?.whenMissing).toMatchObject({ kind: 'attached', mediaType: 'image', mimeType: 'image/jpeg', fileName: 'thumbnail-HERE.jpg', size: 10 });
  });

  it('keeps a quoted place\'s map thumbnail by its size', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db');
    expect(byKey(run.sink.messages, 'REPLY').extra?.['quoteThumbnail']).toEqual({ column: 'message_quoted_location.thumbnail', size: 10 });
  });

  it('reads a legacy row\'s raw_data thumbnail', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(LEGACY), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const location = byKey(run.sink.messages, 'LOC');
    expect(location.extra?.['thumbnail']).toEqual({ column: 'messages.raw_data', size: 10 });
    expect(location.attachments.map((attachment) => attachment.mimeType)).toEqual(['image/jpeg']);
    const gone = byKey(run.sink.messages, 'GONE');
    expect(gone.attachments.map((attachment) => attachment.kind)).toEqual(['omitted', 'attached']);
  });

  it('reads an older legacy database\'s message_thumbnails by the message\'s key, not another row\'s', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(LEGACY_KEYED), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const [photo, text] = run.sink.messages;
    expect(photo?.extra?.['thumbnail']).toEqual({ column: 'message_thumbnails.thumbnail', size: 10 });
    expect(photo?.attachments.map((attachment) => attachment.kind)).toEqual(['omitted', 'attached']);
    expect(text?.extra?.['thumbnail']).toBeUndefined();
  });
});
