import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeWithFolders } from '../../../../support/temp-case.ts';
import type { ParsedAttachment } from '../../../../../shared/contracts/parsed-source.ts';
import { sharedExportFolders } from '../../../../../shared/contracts/parsed-source.ts';
import { signalDesktopDbParser } from '../../../../../workers/import/signal-desktop/index.ts';
import { resolveAttachment } from '../../../../../workers/import/resolve-attachment.ts';
import { folderFiles } from '../../../../../workers/import/source-files.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { ANA, ANA_CONVERSATION, BASE_MS, MESSAGE_ATTACHMENTS_WITH_KEYS, NEW_SCHEMA, json } from './signal-desktop-schemas.ts';

/**
 * Attachment files of a Signal Desktop profile: plain files (before Signal 7) are found in
 * attachments.noindex beside sql/ and hashed; files encrypted with their own key, paths Signal
 * would not write, and a database copied out of its profile leave the attachment missing.
 */
const DATABASE = `${NEW_SCHEMA}${ANA_CONVERSATION}${MESSAGE_ATTACHMENTS_WITH_KEYS}
  INSERT INTO messages (rowid, id, json, sent_at, conversationId, type, body, sourceServiceId, hasAttachments) VALUES
    (1, 't1', ${json({ id: 't1' })}, ${BASE_MS}, 'c-ana', 'incoming', 'photos', '${ANA}', 1),
    (2, 't2', ${json({ id: 't2', attachments: [{ fileName: 'old.png', contentType: 'image/png', size: 3, path: 'ef/0123old' }, { fileName: 'v2.png', contentType: 'image/png', size: 9, path: 'ef/0123v2', version: 2 }] })}, ${BASE_MS + 1000}, 'c-ana', 'outgoing', 'older layout', NULL, 1);
  INSERT INTO message_attachments VALUES
    ('t1', -1, 'attachment', 0, 'c-ana', ${BASE_MS}, 5, 'image/jpeg', 'ab/abcdef0123', 'plain.jpg', NULL, NULL, NULL),
    ('t1', -1, 'attachment', 1, 'c-ana', ${BASE_MS}, 5, 'image/jpeg', 'cd/cdef4567', 'encrypted.jpg', NULL, 'bG9jYWwta2V5', 2),
    ('t1', -1, 'attachment', 2, 'c-ana', ${BASE_MS}, 5, 'image/jpeg', '../../secret', 'escape.jpg', NULL, NULL, NULL);`;

const root = mkdtempSync(join(tmpdir(), 'threadline-signal-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sha256 = (data: string): string => createHash('sha256').update(data).digest('hex');

describe('Signal Desktop attachment files', () => {
  it('points plain files at attachments.noindex and leaves encrypted ones and odd paths without a path', async () => {
    const run = await runParser(signalDesktopDbParser, await buildDatabase(DATABASE), 'db.sqlite');
    const [first, second] = run.sink.messages;
    expect(first?.attachments.map((attachment) => [attachment.fileName, attachment.path])).toEqual([
      ['plain.jpg', '../attachments.noindex/ab/abcdef0123'],
      ['encrypted.jpg', undefined],
      ['escape.jpg', undefined],
    ]);
    expect(first?.extra).toMatchObject({ attachmentsEncryptedOnDisk: 1, attachmentPaths: ['ab/abcdef0123', 'cd/cdef4567', '../../secret'] });
    expect(second?.attachments.map((attachment) => [attachment.fileName, attachment.path])).toEqual([
      ['old.png', '../attachments.noindex/ef/0123old'],
      ['v2.png', undefined],
    ]);
  });

  it('finds and hashes a plain file when the database lies in the profile’s sql folder, and nowhere else', async () => {
    const profile = join(root, 'Signal');
    writeWithFolders(join(profile, 'attachments.noindex', 'ab', 'abcdef0123'), 'photo');
    writeWithFolders(join(root, 'secret'), 'outside');
    const inProfile = writeWithFolders(join(profile, 'sql', 'db.sqlite'), await buildDatabase(DATABASE));
    const copied = writeWithFolders(join(profile, 'decrypted', 'db.sqlite'), await buildDatabase(DATABASE));
    const run = await runParser(signalDesktopDbParser, await buildDatabase(DATABASE), 'db.sqlite');
    const attachments = run.sink.messages[0]?.attachments ?? [];
    const resolve = (attachment: ParsedAttachment | undefined, database: string) => {
      if (attachment === undefined) throw new Error('no attachment');
      return resolveAttachment(attachment, folderFiles(database, sharedExportFolders('signal-desktop-db', database)), root);
    };
    expect(await resolve(attachments[0], inProfile)).toMatchObject({ status: 'ok', sha256: sha256('photo'), sourcePath: '../attachments.noindex/ab/abcdef0123' });
    expect(await resolve(attachments[0], copied)).toMatchObject({ status: 'missing', sha256: null });
    expect(await resolve(attachments[1], inProfile)).toMatchObject({ status: 'missing', sha256: null });
    expect(await resolve(attachments[2], inProfile)).toMatchObject({ status: 'missing', sha256: null });
  });
});
