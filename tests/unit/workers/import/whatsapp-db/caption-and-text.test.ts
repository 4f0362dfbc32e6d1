import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser, whatsappIosDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES } from '../../../../support/msgstore-event-tables.ts';

/**
 * A media row can hold a caption (message_media.media_caption, legacy media_caption, iOS ZTITLE)
 * and other text beside it (message.text_data, legacy data, iOS ZTEXT). The text shown is one of
 * them; the other, where it differs, must not be lost.
 */
const NEW = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_media (message_row_id INTEGER PRIMARY KEY, file_path TEXT, mime_type TEXT, media_name TEXT, media_caption TEXT, file_size INTEGER);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL);
  INSERT INTO message VALUES (1, 1, 0, 'M1', 0, 0, 1700000000000, 1, 'meet at the dock'),
                             (2, 1, 0, 'M2', 0, 0, 1700000100000, 1, 'same words'),
                             (3, 1, 0, 'M3', 0, 0, 1700000200000, 9, 'invoice attached');
  INSERT INTO message_media VALUES (1, 'Media/WhatsApp Images/IMG-1.jpg', 'image/jpeg', NULL, 'the van', 10),
                                   (2, 'Media/WhatsApp Images/IMG-2.jpg', 'image/jpeg', NULL, 'same words', 10),
                                   (3, 'Media/WhatsApp Documents/inv.pdf', 'application/pdf', 'inv.pdf', NULL, 10);
`;

describe('whatsappAndroidDbParser: a media message with a caption and other text', () => {
  it('keeps text_data beside the caption when the two differ, and adds nothing when they are the same', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const [both, same, textOnly] = run.sink.messages;
    expect(both?.text).toBe('the van');
    expect(both?.extra?.['otherText']).toEqual({ column: 'text_data', text: 'meet at the dock' });
    expect(same?.text).toBe('same words');
    expect(same?.extra?.['otherText']).toBeUndefined();
    expect(textOnly?.text).toBe('invoice attached');
    expect(textOnly?.extra?.['otherText']).toBeUndefined();
  });

  it('keeps legacy data beside media_caption', async () => {
    const bytes = await buildDatabase(`
      CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
        status INTEGER, data TEXT, timestamp INTEGER, media_mime_type TEXT, media_wa_type TEXT, media_size INTEGER, media_name TEXT, media_caption TEXT);
      INSERT INTO messages VALUES (1, '4915100000001@s.whatsapp.net', 0, 'L1', 0, 'legacy body', 1546300800000, 'image/jpeg', '1', 4, 'IMG.jpg', 'legacy caption');
    `);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    expect(run.sink.messages[0]?.text).toBe('legacy caption');
    expect(run.sink.messages[0]?.extra?.['otherText']).toEqual({ column: 'data', text: 'legacy body' });
  });
});

describe('whatsappIosDbParser: a media message with ZTEXT and a ZTITLE caption', () => {
  it('keeps ZTITLE beside ZTEXT when the two differ', async () => {
    const bytes = await buildDatabase(`
      CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZCONTACTJID VARCHAR, ZPARTNERNAME VARCHAR, ZSESSIONTYPE INTEGER);
      CREATE TABLE ZWAMEDIAITEM (Z_PK INTEGER PRIMARY KEY, ZMEDIALOCALPATH VARCHAR, ZTITLE VARCHAR, ZFILESIZE INTEGER);
      CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZISFROMME INTEGER, ZMESSAGEDATE TIMESTAMP,
        ZFROMJID VARCHAR, ZTOJID VARCHAR, ZTEXT VARCHAR, ZMESSAGETYPE INTEGER, ZMEDIAITEM INTEGER, ZSTANZAID VARCHAR);
      INSERT INTO ZWACHATSESSION VALUES (1, 5, '4915100000001@s.whatsapp.net', 'Anna', 0);
      INSERT INTO ZWAMEDIAITEM VALUES (1, 'Media/4915100000001@s.whatsapp.net/a/b/p.jpg', 'the van', 10), (2, 'Media/x/p2.jpg', 'same', 10);
      INSERT INTO ZWAMESSAGE VALUES (1, 1, 0, 721692000, '4915100000001@s.whatsapp.net', NULL, 'meet at the dock', 1, 1, 'S1'),
                                    (2, 1, 0, 721692060, '4915100000001@s.whatsapp.net', NULL, 'same', 1, 2, 'S2');
    `);
    const run = await runParser(whatsappIosDbParser, bytes, 'ChatStorage.sqlite');
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    const [both, same] = run.sink.messages;
    expect(both?.text).toBe('meet at the dock');
    expect(both?.extra?.['otherText']).toEqual({ column: 'ZTITLE', text: 'the van' });
    expect(same?.extra?.['otherText']).toBeUndefined();
  });
});
