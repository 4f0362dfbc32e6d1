import { describe, expect, it } from 'vitest';

import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { IOS_SMS_MESSAGE_TABLE, IOS_SMS_TABLES_BESIDE_MESSAGE } from '../../../../support/ios-sms-tables.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * sms.db rows that point at rows no longer there (a damaged copy, a handle or attachment row
 * removed while the message stayed): what the message row says must still reach the record.
 */

const SCHEMA = `
  ${IOS_SMS_MESSAGE_TABLE}
  ${IOS_SMS_TABLES_BESIDE_MESSAGE}
  INSERT INTO handle VALUES (1, '+12092664939', 'SMS');
  INSERT INTO chat VALUES (1, 'iMessage;+;chat1', 43, 'chat1', 'iMessage', NULL);
  INSERT INTO chat_handle_join VALUES (1, 1), (1, 9);
  INSERT INTO message (ROWID, guid, text, handle_id, date, is_from_me, cache_has_attachments) VALUES
    (1, 'A', 'from a handle whose row is gone', 9, 599079037641931008, 0, 0),
    (2, 'B', '￼', 1, 599079037641931009, 0, 1);
  INSERT INTO chat_message_join (chat_id, message_id) VALUES (1, 1), (1, 2);
  INSERT INTO attachment VALUES (1, 'AT1', '~/Library/SMS/Attachments/aa/00/X/IMG_1.JPG', 'public.jpeg', 'image/jpeg', 'IMG_1.JPG', 10, 0);
  INSERT INTO message_attachment_join VALUES (2, 7), (2, 1);
`;

describe('sms.db rows pointing at rows that are gone', () => {
  it('names the sender of a message whose handle row is gone by its handle number, as the chat lists it', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(SCHEMA), 'sms.db');
    expect(checkParsedInvariants(run, 'sms.db')).toEqual([]);
    expect(run.sink.chats[0]?.participants).toContainEqual({ name: null, id: 'handle 9' });
    expect(run.sink.messages[0]).toMatchObject({ direction: 'incoming', sender: 'handle 9', senderId: 'handle 9', text: 'from a handle whose row is gone' });
  });

  it('keeps an attachment whose attachment row is gone, as one without a file, beside the ones still there', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(SCHEMA), 'sms.db');
    expect(run.sink.messages[1]?.attachments).toEqual([
      { kind: 'attached', mediaType: 'unknown' },
      { kind: 'attached', mediaType: 'image', fileName: 'IMG_1.JPG', mimeType: 'image/jpeg', path: 'Library/SMS/Attachments/aa/00/X/IMG_1.JPG', alternativePaths: ['Attachments/aa/00/X/IMG_1.JPG'], size: 10 },
    ]);
  });
});
