import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { resolveAttachment } from '../../../../../workers/import/resolve-attachment.ts';
import { folderFiles } from '../../../../../workers/import/source-files.ts';
import { IOS_SMS_MESSAGE_TABLE, IOS_SMS_TABLES_BESIDE_MESSAGE } from '../../../../support/ios-sms-tables.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * sms.db lies at <home>/Library/SMS/sms.db and names its attachments "~/Library/SMS/Attachments/…":
 * in a file-system extraction (or a copy of the SMS folder) the file is at Attachments/… beside
 * the database. The home-relative path alone resolved to <home>/Library/SMS/Library/SMS/…, where
 * nothing ever is, so every attachment of such a copy was recorded as missing.
 */

const SCHEMA = `
  ${IOS_SMS_MESSAGE_TABLE}
  ${IOS_SMS_TABLES_BESIDE_MESSAGE}
  INSERT INTO handle VALUES (1, '+12092664939', 'SMS');
  INSERT INTO chat VALUES (1, 'SMS;-;+12092664939', 45, '+12092664939', 'SMS', NULL);
  INSERT INTO message (ROWID, guid, text, handle_id, date, cache_has_attachments) VALUES (1, 'A', '￼', 1, 599079037641931008, 1);
  INSERT INTO chat_message_join (chat_id, message_id) VALUES (1, 1);
  INSERT INTO attachment VALUES (1, 'AT1', '~/Library/SMS/Attachments/9e/14/GUID/IMG_0066.HEIC', 'public.heic', 'image/heic', 'IMG_0066.HEIC', 4, 0),
                                (2, 'AT2', '/var/mobile/Library/SMS/Attachments/0a/10/GUID2/clip.mov', 'com.apple.quicktime-movie', 'video/quicktime', 'clip.mov', 4, 0);
  INSERT INTO message_attachment_join VALUES (1, 1), (1, 2);
`;

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('sms.db attachments in the Attachments folder beside the database', () => {
  it('finds the file of "~/Library/SMS/Attachments/…" in Attachments/ beside sms.db', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'sms-home-'));
    folders.push(home);
    const smsFolder = path.join(home, 'Library', 'SMS');
    for (const [relative, bytes] of [['Attachments/9e/14/GUID/IMG_0066.HEIC', 'heic'], ['Attachments/0a/10/GUID2/clip.mov', 'mov!']] as const) {
      mkdirSync(path.dirname(path.join(smsFolder, relative)), { recursive: true });
      writeFileSync(path.join(smsFolder, relative), bytes);
    }
    const databasePath = path.join(smsFolder, 'sms.db');
    const bytes = await buildDatabase(SCHEMA);
    writeFileSync(databasePath, bytes);
    const run = await runParser(iosSmsDbParser, bytes, 'sms.db');
    const attachments = run.sink.messages[0]?.attachments ?? [];
    const casePath = mkdtempSync(path.join(tmpdir(), 'sms-case-'));
    folders.push(casePath);
    const resolved = await Promise.all(attachments.map((attachment) => resolveAttachment(attachment, folderFiles(databasePath), casePath)));
    expect(resolved.map((attachment) => [attachment.status, attachment.sourcePath, attachment.size])).toEqual([
      ['ok', 'Attachments/9e/14/GUID/IMG_0066.HEIC', 4],
      ['ok', 'Attachments/0a/10/GUID2/clip.mov', 4],
    ]);
  });

  it('still names the home-relative path first (the backup\'s MediaDomain path)', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(SCHEMA), 'sms.db');
    expect(run.sink.messages[0]?.attachments.map((attachment) => [attachment.path, attachment.alternativePaths])).toEqual([
      ['Library/SMS/Attachments/9e/14/GUID/IMG_0066.HEIC', ['Attachments/9e/14/GUID/IMG_0066.HEIC']],
      ['Library/SMS/Attachments/0a/10/GUID2/clip.mov', ['Attachments/0a/10/GUID2/clip.mov']],
    ]);
  });
});
