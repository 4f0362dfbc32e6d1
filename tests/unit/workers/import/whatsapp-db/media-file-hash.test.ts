import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { fileInput } from '../../../../../workers/import/file-input.ts';
import { resolveAttachment } from '../../../../../workers/import/resolve-attachment.ts';
import { folderFiles } from '../../../../../workers/import/source-files.ts';
import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, CollectingSink, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES } from '../../../../support/msgstore-event-tables.ts';
import { writeWithFolders } from '../../../../support/temp-case.ts';

/**
 * WhatsApp records the SHA-256 of every media file it received or sent, base64-encoded: new layout
 * `message_media.file_hash`, legacy `messages.media_hash`. It is the database's own claim about the
 * bytes, so the file found on disk is checked against it (as a vendor report's digest is), and a
 * file swapped after the fact shows as a mismatch instead of passing as "ok".
 */
const BYTES = Buffer.from('the photo of the van');
const HASH_HEX = createHash('sha256').update(BYTES).digest('hex');
const HASH_BASE64 = createHash('sha256').update(BYTES).digest('base64');

const NEW = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_media (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, file_path TEXT, file_size INTEGER, mime_type TEXT,
    media_name TEXT, file_hash TEXT);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL);
  INSERT INTO message VALUES (1, 1, 0, 'N1', 0, 0, 1700000000000, 1, 'the van'),
                             (2, 1, 0, 'N2', 0, 0, 1700000001000, 1, 'odd hash'),
                             (3, 1, 0, 'N3', 0, 0, 1700000002000, 1, 'no hash');
  INSERT INTO message_media VALUES (1, 1, 'Media/WhatsApp Images/IMG-1.jpg', 20, 'image/jpeg', NULL, '${HASH_BASE64}'),
                                   (2, 1, 'Media/WhatsApp Images/IMG-2.jpg', 20, 'image/jpeg', NULL, 'not-a-hash'),
                                   (3, 1, 'Media/WhatsApp Images/IMG-3.jpg', 20, 'image/jpeg', NULL, NULL);
`;

const LEGACY = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, media_mime_type TEXT, media_size INTEGER, media_name TEXT, media_hash TEXT);
  INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, media_mime_type, media_size, media_hash) VALUES
    ('4915100000001@s.whatsapp.net', 0, 'K1', 0, NULL, 1623697000000, '1', 'image/jpeg', 20, '${HASH_BASE64}');
`;

describe('whatsappAndroidDbParser: the media hash WhatsApp recorded', () => {
  it('regression: hands message_media.file_hash (base64 SHA-256) on as the digest to check the file against, in hex', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const [hashed, odd, plain] = run.sink.messages;
    expect(hashed?.attachments[0]?.vendorDigests).toEqual({ sha256: HASH_HEX });
    // Not 32 bytes of base64: not checked against anything, but kept as the database holds it.
    expect(odd?.attachments[0]?.vendorDigests).toBeUndefined();
    expect(odd?.extra?.['mediaFileHash']).toBe('not-a-hash');
    expect(plain?.attachments[0]?.vendorDigests).toBeUndefined();
    expect(plain?.extra?.['mediaFileHash']).toBeUndefined();
  });

  it('regression: hands the legacy messages.media_hash on the same way', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(LEGACY), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.sink.messages[0]?.attachments[0]?.vendorDigests).toEqual({ sha256: HASH_HEX });
  });

  it('regression: the file on disk is verified against that hash, and a swapped file is a mismatch', async () => {
    const root = mkdtempSync(join(tmpdir(), 'threadline-wa-hash-'));
    try {
      const dbPath = join(root, 'msgstore.db');
      writeWithFolders(dbPath, await buildDatabase(NEW.replace("'Media/WhatsApp Images/IMG-3.jpg', 20, 'image/jpeg', NULL, NULL", `'Media/WhatsApp Images/IMG-3.jpg', 20, 'image/jpeg', NULL, '${HASH_BASE64}'`)));
      writeWithFolders(join(root, 'Media', 'WhatsApp Images', 'IMG-1.jpg'), BYTES);
      writeWithFolders(join(root, 'Media', 'WhatsApp Images', 'IMG-3.jpg'), 'another photo');
      const sink = new CollectingSink();
      await whatsappAndroidDbParser.parse(fileInput(dbPath, statSync(dbPath).size), sink, {});
      const files = folderFiles(dbPath);
      const [genuine, , swapped] = sink.messages;
      expect(await resolveAttachment(genuine!.attachments[0]!, files, root)).toMatchObject({ status: 'verified', sha256: HASH_HEX });
      expect(await resolveAttachment(swapped!.attachments[0]!, files, root)).toMatchObject({ status: 'mismatch', vendorSha256: HASH_HEX });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
