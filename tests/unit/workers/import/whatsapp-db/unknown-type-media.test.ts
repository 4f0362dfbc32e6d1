import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser, whatsappIosDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES } from '../../../../support/msgstore-event-tables.ts';

/**
 * FORMATS.md §5.1/§5.2: type codes not in our table stay "unknown (n)" (WhatsApp adds codes with
 * each version: 81/103 media variants, albums, products…). A row of such a type can still have a
 * media row naming a file the phone holds: the file is evidence and must not vanish with the code.
 */
const ANDROID = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_media (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, file_path TEXT, file_size INTEGER, mime_type TEXT, media_name TEXT);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL);
  INSERT INTO message VALUES (1, 1, 0, 'N1', 0, 0, 1700000000000, 103, 'see the photo'),
                             (2, 1, 0, 'N2', 0, 0, 1700000001000, 81, NULL),
                             (3, 1, 0, 'N3', 0, 0, 1700000002000, 0, 'plain text');
  INSERT INTO message_media VALUES (1, 1, 'Media/WhatsApp Images/IMG-20231114-WA0001.jpg', 52000, 'image/jpeg', NULL),
                                   (2, 1, NULL, 8000, 'video/mp4', NULL);
`;

const IOS = `
  CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, ZCONTACTJID VARCHAR, ZPARTNERNAME VARCHAR, ZSESSIONTYPE INTEGER);
  CREATE TABLE ZWAMEDIAITEM (Z_PK INTEGER PRIMARY KEY, ZMEDIALOCALPATH VARCHAR, ZTITLE VARCHAR, ZFILESIZE INTEGER);
  CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZISFROMME INTEGER, ZMESSAGEDATE TIMESTAMP, ZFROMJID VARCHAR,
    ZTOJID VARCHAR, ZTEXT VARCHAR, ZMESSAGETYPE INTEGER, ZGROUPEVENTTYPE INTEGER, ZMEDIAITEM INTEGER, ZSTANZAID VARCHAR);
  INSERT INTO ZWACHATSESSION VALUES (1, '4915100000001@s.whatsapp.net', 'Anna', 0);
  INSERT INTO ZWAMEDIAITEM VALUES (1, 'Media/4915100000001@s.whatsapp.net/a/b/photo.jpg', NULL, 52000);
  INSERT INTO ZWAMESSAGE VALUES (1, 1, 0, 721692000, '4915100000001@s.whatsapp.net', NULL, NULL, 99, 0, 1, 'S1'),
                                (2, 1, 0, 721692060, '4915100000001@s.whatsapp.net', NULL, 'plain text', 0, 0, NULL, 'S2');
`;

describe('WhatsApp databases: media of a message whose type code is not known', () => {
  it('regression: Android keeps the message_media file of an unknown type as an attachment (omitted when not downloaded)', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(ANDROID), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const [withFile, notDownloaded, plain] = run.sink.messages;
    expect(withFile).toMatchObject({ text: 'see the photo', extra: { messageType: 'unknown (103)' } });
    expect(withFile?.attachments).toEqual([
      { kind: 'attached', mediaType: 'unknown', fileName: 'IMG-20231114-WA0001.jpg', mimeType: 'image/jpeg', path: 'Media/WhatsApp Images/IMG-20231114-WA0001.jpg', size: 52000 },
    ]);
    expect(notDownloaded?.attachments).toEqual([{ kind: 'omitted', mediaType: 'unknown', mimeType: 'video/mp4', size: 8000 }]);
    expect(plain?.attachments).toEqual([]);
  });

  it('regression: iOS keeps the ZWAMEDIAITEM file of an unknown ZMESSAGETYPE as an attachment', async () => {
    const run = await runParser(whatsappIosDbParser, await buildDatabase(IOS), 'ChatStorage.sqlite');
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    const [withFile, plain] = run.sink.messages;
    expect(withFile?.extra?.['messageType']).toBe('unknown (99)');
    expect(withFile?.attachments).toEqual([
      {
        kind: 'attached',
        mediaType: 'unknown',
        path: 'Message/Media/4915100000001@s.whatsapp.net/a/b/photo.jpg',
        alternativePaths: ['Media/4915100000001@s.whatsapp.net/a/b/photo.jpg'],
        fileName: 'photo.jpg',
        size: 52000,
      },
    ]);
    expect(plain?.attachments).toEqual([]);
  });
});
