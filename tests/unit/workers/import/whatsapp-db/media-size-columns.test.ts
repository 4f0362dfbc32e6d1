import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES } from '../../../../support/msgstore-event-tables.ts';

/**
 * message_media has two size columns, file_size and file_length; a real 2026 archive (a public
 * write-up of a WhatsApp Android reader, counting 1,124,291 messages) holds 20,429 rows with
 * file_length > 0 and file_size 0 or NULL.
 */
const SCHEMA = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_media (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, file_path TEXT, file_size INTEGER, mime_type TEXT, file_length INTEGER);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL);
  INSERT INTO message VALUES (1, 1, 0, 'N1', 0, 0, 1700000000000, 1, NULL), (2, 1, 0, 'N2', 0, 0, 1700000001000, 1, NULL),
    (3, 1, 0, 'N3', 0, 0, 1700000002000, 1, NULL), (4, 1, 0, 'N4', 0, 0, 1700000003000, 1, NULL);
  INSERT INTO message_media VALUES (1, 1, 'Media/WhatsApp Images/IMG-1.jpg', 0, 'image/jpeg', 52341),
    (2, 1, 'Media/WhatsApp Images/IMG-2.jpg', NULL, 'image/jpeg', 7000),
    (3, 1, 'Media/WhatsApp Images/IMG-3.jpg', 900, 'image/jpeg', 901),
    (4, 1, 'Media/WhatsApp Images/IMG-4.jpg', 0, 'image/jpeg', 0);
`;

describe('msgstore.db: the size of a media file', () => {
  it('regression: takes file_length when file_size is 0 (the size was dropped: 0 is not NULL)', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(SCHEMA), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.sink.messages.map((message) => message.attachments[0]?.size)).toEqual([52341, 7000, 900, undefined]);
  });
});
