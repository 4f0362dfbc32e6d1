import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES } from '../../../../support/msgstore-event-tables.ts';

/**
 * A reply to a photo whose own row is gone: message_quoted keeps the quoted key, and
 * message_quoted_media (columns as decompiled WhatsApp builds create them) what the photo was.
 */
const SCHEMA = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_quoted (message_row_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, parent_message_chat_row_id INTEGER NOT NULL,
    from_me INTEGER NOT NULL, sender_jid_row_id INTEGER, key_id TEXT NOT NULL, timestamp INTEGER, message_type INTEGER, text_data TEXT);
  CREATE TABLE message_quoted_media (message_row_id INTEGER PRIMARY KEY, media_job_uuid TEXT, transferred INTEGER, file_path TEXT, file_size INTEGER,
    media_key BLOB, width INTEGER, height INTEGER, mime_type TEXT, file_length INTEGER, media_name TEXT, file_hash TEXT, media_duration INTEGER,
    media_caption TEXT, thumbnail BLOB);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL);
  INSERT INTO message VALUES (5, 1, 1, 'R5', NULL, 13, 1700000100000, 0, 'is this the one?'), (6, 1, 0, 'R6', NULL, 0, 1700000200000, 0, 'yes');
  INSERT INTO message_quoted (message_row_id, chat_row_id, parent_message_chat_row_id, from_me, key_id, timestamp, message_type, text_data) VALUES
    (5, 1, 1, 0, 'GONE1', 1700000000000, 1, NULL);
  INSERT INTO message_quoted_media (message_row_id, mime_type, media_name, media_caption, media_duration, thumbnail) VALUES
    (5, 'image/jpeg', NULL, 'passport page', 0, X'FFD8FFE000104A464946');
`;

describe('msgstore.db: the media a reply quotes (message_quoted_media)', () => {
  it('regression: keeps the quoted media\'s type, caption and preview size with the reply (they were not read)', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(SCHEMA), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const [reply, plain] = run.sink.messages;
    expect(reply?.extra).toMatchObject({ replyToKeyId: 'GONE1' });
    expect(reply?.extra?.['quoteMedia']).toEqual({ mimeType: 'image/jpeg', name: null, caption: 'passport page', durationSeconds: 0, thumbnail: { column: 'message_quoted_media.thumbnail', size: 10 } });
    expect(plain?.extra).not.toHaveProperty('quoteMedia');
  });
});
