import { describe, expect, it } from 'vitest';

import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { IOS_SMS_MESSAGE_TABLE } from '../../../../support/ios-sms-tables.ts';

/**
 * Regression: a message's attachments were looked up `ORDER BY j.rowid` in message_attachment_join.
 * A join table declared WITHOUT ROWID (a rebuilt or hand-made sms.db) has no rowid: the lookup
 * threw "no such column: rowid" and the whole database failed to import.
 */
describe('regression: sms.db message_attachment_join declared WITHOUT ROWID', () => {
  it('attaches the files in primary key order, and the import goes on', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(`${IOS_SMS_MESSAGE_TABLE}
      CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, id TEXT NOT NULL, service TEXT NOT NULL);
      CREATE TABLE chat (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, style INTEGER, chat_identifier TEXT, service_name TEXT, display_name TEXT);
      CREATE TABLE chat_message_join (chat_id INTEGER, message_id INTEGER, message_date INTEGER DEFAULT 0, PRIMARY KEY (chat_id, message_id));
      CREATE TABLE chat_handle_join (chat_id INTEGER, handle_id INTEGER);
      CREATE TABLE attachment (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT, filename TEXT, uti TEXT, mime_type TEXT, transfer_name TEXT, total_bytes INTEGER DEFAULT 0, is_sticker INTEGER DEFAULT 0);
      CREATE TABLE message_attachment_join (message_id INTEGER, attachment_id INTEGER, PRIMARY KEY (message_id, attachment_id)) WITHOUT ROWID;
      INSERT INTO handle VALUES (1, '+12092664939', 'SMS');
      INSERT INTO chat VALUES (1, 'SMS;-;+12092664939', 45, '+12092664939', 'SMS', NULL);
      INSERT INTO chat_handle_join VALUES (1, 1);
      INSERT INTO message (ROWID, guid, text, handle_id, service, date, is_from_me, cache_has_attachments) VALUES (1, 'M1', '\uFFFC\uFFFC', 1, 'SMS', 599079037641931008, 0, 1);
      INSERT INTO chat_message_join (chat_id, message_id) VALUES (1, 1);
      INSERT INTO attachment VALUES (1, 'A1', '~/Library/SMS/Attachments/9e/14/GUID1/IMG_0066.HEIC', 'public.heic', 'image/heic', 'IMG_0066.HEIC', 10, 0),
                                    (2, 'A2', '~/Library/SMS/Attachments/0a/10/GUID2/clip.mov', 'com.apple.quicktime-movie', 'video/quicktime', 'clip.mov', 20, 0);
      INSERT INTO message_attachment_join VALUES (1, 2), (1, 1);`), 'sms.db');
    expect(checkParsedInvariants(run, 'sms.db')).toEqual([]);
    expect(run.sink.messages[0]?.attachments.map((attachment) => attachment.fileName)).toEqual(['IMG_0066.HEIC', 'clip.mov']);
  });
});

/**
 * Regression: message_attachment_join names an attachment by its ROWID (`a.ROWID = j.attachment_id`).
 * An attachment table declared WITHOUT ROWID with no ROWID column of its own has nothing by that
 * name: the lookup threw "no such column: a.ROWID" and the whole sms.db failed. No attachment row can
 * be found by the join then; each join row is still kept as an attachment, and a warning says why.
 */
describe('regression: sms.db attachment declared WITHOUT ROWID, with no ROWID column', () => {
  it('keeps the message and its attachment (without its details), and says why', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(`${IOS_SMS_MESSAGE_TABLE}
      CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, id TEXT NOT NULL, service TEXT NOT NULL);
      CREATE TABLE chat (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, style INTEGER, chat_identifier TEXT, service_name TEXT, display_name TEXT);
      CREATE TABLE chat_message_join (chat_id INTEGER, message_id INTEGER, message_date INTEGER DEFAULT 0, PRIMARY KEY (chat_id, message_id));
      CREATE TABLE chat_handle_join (chat_id INTEGER, handle_id INTEGER);
      CREATE TABLE attachment (guid TEXT PRIMARY KEY, filename TEXT, uti TEXT, mime_type TEXT, transfer_name TEXT, total_bytes INTEGER DEFAULT 0, is_sticker INTEGER DEFAULT 0) WITHOUT ROWID;
      CREATE TABLE message_attachment_join (message_id INTEGER, attachment_id INTEGER);
      INSERT INTO handle VALUES (1, '+12092664939', 'SMS');
      INSERT INTO chat VALUES (1, 'SMS;-;+12092664939', 45, '+12092664939', 'SMS', NULL);
      INSERT INTO chat_handle_join VALUES (1, 1);
      INSERT INTO message (ROWID, guid, text, handle_id, service, date, is_from_me, cache_has_attachments) VALUES (1, 'M1', 'see photo', 1, 'SMS', 599079037641931008, 0, 1);
      INSERT INTO chat_message_join (chat_id, message_id) VALUES (1, 1);
      INSERT INTO attachment VALUES ('A1', '~/Library/SMS/Attachments/9e/14/GUID1/IMG_0066.HEIC', 'public.heic', 'image/heic', 'IMG_0066.HEIC', 10, 0);
      INSERT INTO message_attachment_join VALUES (1, 1);`), 'sms.db');
    expect(checkParsedInvariants(run, 'sms.db')).toEqual([]);
    expect(run.sink.messages.map((message) => message.text)).toEqual(['see photo']);
    expect(run.sink.messages[0]?.attachments).toHaveLength(1);
    expect(run.sink.messages[0]?.attachments[0]?.fileName).toBeUndefined();
    expect(run.sink.warnings).toContainEqual({ place: 'sms.db:attachment', message: expect.stringContaining('WITHOUT ROWID') as string });
  });
});
