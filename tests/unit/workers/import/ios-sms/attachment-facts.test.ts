import { describe, expect, it } from 'vitest';

import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '../../../../../workers/import/ios-sms/attachments.ts';
import { IOS_SMS_MESSAGE_TABLE } from '../../../../support/ios-sms-tables.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression (task: attachment columns read and dropped): the importer read hide_attachment and
 * the attachment's guid and uti and kept none of them, and never read transfer_state or
 * created_date, so an attachment Messages hides, or one whose file never reached the phone, looked
 * like any attachment whose file is missing. Each attachment's facts are now kept in the message's
 * extra.attachmentFacts, in the order of its attachments, with the rest of the row's columns.
 */

/** The attachment table of a real iOS 13 sms.db (the Magnet CTF 2020 one), plus iOS 18's Genmoji column. */
const ATTACHMENT_TABLE = `
  CREATE TABLE attachment (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, created_date INTEGER DEFAULT 0,
    start_date INTEGER DEFAULT 0, filename TEXT, uti TEXT, mime_type TEXT, transfer_state INTEGER DEFAULT 0, is_outgoing INTEGER DEFAULT 0,
    user_info BLOB, transfer_name TEXT, total_bytes INTEGER DEFAULT 0, is_sticker INTEGER DEFAULT 0, sticker_user_info BLOB,
    attribution_info BLOB, hide_attachment INTEGER DEFAULT 0, ck_sync_state INTEGER DEFAULT 0, original_guid TEXT,
    emoji_image_short_description TEXT);
`;

const SCHEMA = `
  ${IOS_SMS_MESSAGE_TABLE}
  CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, id TEXT NOT NULL, service TEXT NOT NULL);
  CREATE TABLE chat (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, style INTEGER, chat_identifier TEXT, service_name TEXT, display_name TEXT);
  CREATE TABLE chat_message_join (chat_id INTEGER, message_id INTEGER, message_date INTEGER DEFAULT 0, PRIMARY KEY (chat_id, message_id));
  CREATE TABLE chat_handle_join (chat_id INTEGER, handle_id INTEGER);
  ${ATTACHMENT_TABLE}
  CREATE TABLE message_attachment_join (message_id INTEGER, attachment_id INTEGER);
  INSERT INTO handle VALUES (1, '+12092664939', 'iMessage');
  INSERT INTO chat VALUES (1, 'iMessage;-;+12092664939', 45, '+12092664939', 'iMessage', NULL);
  INSERT INTO message (ROWID, guid, text, handle_id, date, cache_has_attachments) VALUES
    (1, 'M1', '￼￼￼', 1, 599079037641931008, 1),
    (2, 'M2', '￼', 1, 599079037641931009, 1),
    (3, 'M3', 'no attachments', 1, 599079037641931010, 0);
  INSERT INTO chat_message_join (chat_id, message_id) SELECT 1, ROWID FROM message;
  INSERT INTO attachment (ROWID, guid, created_date, filename, uti, mime_type, transfer_state, is_outgoing, user_info, transfer_name, total_bytes, hide_attachment, original_guid) VALUES
    (1, 'AT1', 599938164, '~/Library/SMS/Attachments/9e/14/AT1/IMG_0066.HEIC', 'public.heic', 'image/heic', 5, 0, NULL, 'IMG_0066.HEIC', 2160391, 0, 'AT1'),
    (2, 'AT2', 599938165, NULL, 'public.jpeg', 'image/jpeg', 0, 0, X'62706c6973743030', 'IMG_0067.jpg', 0, 0, 'AT2'),
    (3, 'AT3', 599938166, '~/Library/SMS/Attachments/aa/01/AT3/preview.pluginPayloadAttachment', 'com.apple.messages.plugin-payload', NULL, 5, 0, NULL, NULL, 512, 1, 'AT3'),
    (4, 'AT4', 'not a time', NULL, 'public.png', 'image/png', 9, 1, NULL, 'odd.png', 0, 0, 'AT4');
  INSERT INTO attachment (ROWID, guid, filename, uti, mime_type, transfer_state, is_sticker, emoji_image_short_description) VALUES
    (5, 'AT5', '~/Library/SMS/StickerCache/AT5/sticker.heic', 'public.heic', 'image/heic', 5, 1, 'a cat in a hat');
  INSERT INTO message_attachment_join VALUES (1, 1), (1, 2), (1, 3), (2, 4), (2, 99), (2, 5);
`;

describe('sms.db: what an attachment row says beyond its file', () => {
  it('keeps each attachment\'s hidden flag, transfer state, creation time, guid, uti and other columns, in the order of the attachments', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(SCHEMA), 'sms.db');
    expect(checkParsedInvariants(run, 'sms.db')).toEqual([]);
    const [first, second, plain] = run.sink.messages;
    expect(first?.attachments.map((attachment) => attachment.fileName)).toEqual(['IMG_0066.HEIC', 'IMG_0067.jpg', 'preview.pluginPayloadAttachment']);
    expect(first?.extra?.['attachmentFacts']).toEqual([
      { attachmentId: 1, guid: 'AT1', uti: 'public.heic', transferState: 5, transferStateMeaning: 'finished', totalBytes: 2160391, createdAt: '2020-01-05T17:29:24.000Z', otherColumns: { original_guid: 'AT1' } },
      // Never transferred: no file name on the phone, nothing transferred, its iCloud download facts (user_info) still there.
      {
        attachmentId: 2, guid: 'AT2', uti: 'public.jpeg', transferState: 0, transferStateMeaning: 'waiting for accept (not transferred)', transferNotFinished: true, totalBytes: 0,
        createdAt: '2020-01-05T17:29:25.000Z', otherColumns: { original_guid: 'AT2', user_info: { blobBytes: 8, hex: '62706c6973743030' } },
      },
      // Hidden in Messages (a link preview's payload, for one).
      {
        attachmentId: 3, guid: 'AT3', uti: 'com.apple.messages.plugin-payload', hidden: true, hideAttachment: 1, transferState: 5, transferStateMeaning: 'finished', totalBytes: 512,
        createdAt: '2020-01-05T17:29:26.000Z', otherColumns: { original_guid: 'AT3' },
      },
    ]);
    expect(second?.attachments.map((attachment) => [attachment.fileName, attachment.mediaType])).toEqual([['odd.png', 'image'], [undefined, 'unknown'], ['sticker.heic', 'sticker']]);
    expect(second?.extra?.['attachmentFacts']).toEqual([
      // A code no source names is kept as a number, said to be unknown; a created_date that is no time is kept as written.
      { attachmentId: 4, guid: 'AT4', uti: 'public.png', transferState: 9, transferStateMeaning: 'unknown (9)', transferNotFinished: true, totalBytes: 0, createdDateRaw: 'not a time', otherColumns: { is_outgoing: 1, original_guid: 'AT4' } },
      { attachmentId: 99, rowMissing: expect.stringContaining('no row of that id') as string },
      { attachmentId: 5, guid: 'AT5', uti: 'public.heic', transferState: 5, transferStateMeaning: 'finished', sticker: true, totalBytes: 0, otherColumns: { emoji_image_short_description: 'a cat in a hat' } },
    ]);
    expect(plain?.extra?.['attachmentFacts']).toBeUndefined();
    expect(run.outcome.details).toMatchObject({ hiddenAttachments: 1, attachmentsNotTransferred: 2 });
  });

  it('keeps as stored a value that is no whole number in a column read as one', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(`${SCHEMA}
      UPDATE attachment SET hide_attachment = 'yes', transfer_state = 2.5, total_bytes = X'0102', is_sticker = 'sticker?' WHERE ROWID = 1;`), 'sms.db');
    const [first] = run.sink.messages;
    const facts = (first?.extra?.['attachmentFacts'] as Record<string, unknown>[] | undefined)?.[0];
    expect(facts?.['notNumbers']).toEqual({ hide_attachment: 'yes', transfer_state: 2.5, total_bytes: { blobBytes: 2 }, is_sticker: 'sticker?' });
    expect(facts).not.toHaveProperty('transferState');
    expect(facts).not.toHaveProperty('hidden');
  });

  it('says how many attachment rows of one message were not read, past the most read for one message', async () => {
    const joins = Array.from({ length: MAX_ATTACHMENTS_PER_MESSAGE + 3 }, () => '(1, 1)').join(', ');
    const run = await runParser(iosSmsDbParser, await buildDatabase(`${SCHEMA} DELETE FROM message_attachment_join; INSERT INTO message_attachment_join VALUES ${joins};`), 'sms.db');
    const [first] = run.sink.messages;
    expect(first?.attachments).toHaveLength(MAX_ATTACHMENTS_PER_MESSAGE);
    expect(first?.extra?.['attachmentFacts']).toHaveLength(MAX_ATTACHMENTS_PER_MESSAGE);
    expect(first?.extra?.['attachmentsNotRead']).toBe(`3 more attachment rows in message_attachment_join than the ${MAX_ATTACHMENTS_PER_MESSAGE} read for one message`);
  });
});
