import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeWithFolders } from '../../../../support/temp-case.ts';

import type { ParsedAttachment, ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { sharedExportFolders } from '../../../../../shared/contracts/parsed-source.ts';
import { fileInput } from '../../../../../workers/import/file-input.ts';
import { resolveAttachment } from '../../../../../workers/import/resolve-attachment.ts';
import { folderFiles, zipFiles } from '../../../../../workers/import/source-files.ts';
import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { ZipArchive } from '../../../../../workers/import/zip/zip-archive.ts';
import { hex, mediaDataBlob } from '../../../../support/media-data-blob.ts';
import { buildDatabase, CollectingSink, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { buildZip } from '../../../../support/zip-writer.ts';

const FORMAT = 'whatsapp-android-db';

const NEW_SCHEMA = `
  CREATE TABLE jid (_id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, server TEXT NOT NULL, agent INTEGER, device INTEGER, type INTEGER, raw_string TEXT);
  CREATE TABLE chat (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid_row_id INTEGER UNIQUE, subject TEXT);
  CREATE TABLE message (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, from_me INTEGER NOT NULL, key_id TEXT NOT NULL,
    sender_jid_row_id INTEGER, status INTEGER, timestamp INTEGER, message_type INTEGER, text_data TEXT);
  CREATE TABLE message_media (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, file_path TEXT, file_size INTEGER, mime_type TEXT);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', 0, 0, 0, '4915100000001@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL);
`;

/** One image message per path, keyed "M<n>" in the order given. */
async function newDatabase(paths: readonly string[]): Promise<Uint8Array> {
  const rows = paths.map((path, index) => {
    const id = index + 1;
    return `INSERT INTO message VALUES (${id}, 1, 0, 'M${id}', NULL, 0, ${1700000000000 + id}, 1, NULL);
      INSERT INTO message_media VALUES (${id}, 1, '${path.replaceAll("'", "''")}', 4, 'image/jpeg');`;
  });
  return buildDatabase(`${NEW_SCHEMA}${rows.join('\n')}`);
}

const LEGACY_SCHEMA = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_mime_type TEXT, media_wa_type TEXT, media_size INTEGER, media_name TEXT,
    thumb_image TEXT, remote_resource TEXT);
`;

function sha256(data: string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Parses the database at `dbPath` as an import does: from disk, where it lies. */
async function parseAt(dbPath: string): Promise<ParsedMessage[]> {
  const sink = new CollectingSink();
  await whatsappAndroidDbParser.parse(fileInput(dbPath, statSync(dbPath).size), sink, {});
  return sink.messages;
}

function attachmentOf(messages: ParsedMessage[], keyId: string): ParsedAttachment {
  const attachment = messages.find((message) => message.extra?.['keyId'] === keyId)?.attachments[0];
  if (attachment === undefined) throw new Error(`no attachment on ${keyId}`);
  return attachment;
}

describe('WhatsApp Android media in the phone layout (WhatsApp/Databases beside WhatsApp/Media)', () => {
  let root: string | null = null;
  afterEach(() => {
    if (root !== null) rmSync(root, { recursive: true, force: true });
    root = null;
  });

  function tempRoot(): string {
    root = mkdtempSync(join(tmpdir(), 'threadline-wa-approot-'));
    return root;
  }

  it('resolves media named relative to the app root, and absolute phone paths by their WhatsApp/ suffix', async () => {
    const base = tempRoot();
    const app = join(base, 'WhatsApp');
    const dbPath = join(app, 'Databases', 'msgstore.db');
    writeWithFolders(join(app, 'Media', 'WhatsApp Images', 'IMG-1.jpg'), 'one');
    writeWithFolders(join(app, 'Media', 'WhatsApp Images', 'Sent', 'IMG-2.jpg'), 'two');
    writeWithFolders(join(app, 'Media', 'WhatsApp Video', 'VID-3.mp4'), 'three');
    writeWithFolders(dbPath, await newDatabase([
      'Media/WhatsApp Images/IMG-1.jpg',
      '/storage/emulated/0/WhatsApp/Media/WhatsApp Images/Sent/IMG-2.jpg',
      '/storage/emulated/0/Android/media/com.whatsapp/WhatsApp/Media/WhatsApp Video/VID-3.mp4',
    ]));
    const messages = await parseAt(dbPath);
    const files = folderFiles(dbPath, sharedExportFolders(FORMAT, dbPath));
    const expected: [string, string, string][] = [
      ['M1', '../Media/WhatsApp Images/IMG-1.jpg', 'one'],
      ['M2', '../Media/WhatsApp Images/Sent/IMG-2.jpg', 'two'],
      ['M3', '../Media/WhatsApp Video/VID-3.mp4', 'three'],
    ];
    for (const [keyId, sourcePath, bytes] of expected) {
      const record = await resolveAttachment(attachmentOf(messages, keyId), files, base);
      expect(record).toMatchObject({ status: 'ok', sourcePath, sha256: sha256(bytes), size: bytes.length });
    }
    // The database's own string stays on the record.
    expect(messages.find((message) => message.extra?.['keyId'] === 'M2')?.extra?.['mediaPathInDatabase']).toBe('/storage/emulated/0/WhatsApp/Media/WhatsApp Images/Sent/IMG-2.jpg');
  });

  it('resolves a legacy row whose MediaData holds the phone path', async () => {
    const base = tempRoot();
    const app = join(base, 'Android', 'media', 'com.whatsapp', 'WhatsApp');
    const dbPath = join(app, 'Databases', 'msgstore.db');
    writeWithFolders(join(app, 'Media', 'WhatsApp Images', 'IMG-9.jpg'), 'nine');
    const blob = mediaDataBlob('/storage/emulated/0/Android/media/com.whatsapp/WhatsApp/Media/WhatsApp Images/IMG-9.jpg');
    writeWithFolders(dbPath, await buildDatabase(`${LEGACY_SCHEMA}
      INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, timestamp, media_mime_type, media_wa_type, media_size, media_name, thumb_image)
        VALUES ('4915100000001@s.whatsapp.net', 0, 'L1', 0, 1546300800000, 'image/jpeg', '1', 4, NULL, X'${hex(blob)}');`));
    const record = await resolveAttachment(attachmentOf(await parseAt(dbPath), 'L1'), folderFiles(dbPath, sharedExportFolders(FORMAT, dbPath)), base);
    expect(record).toMatchObject({ status: 'ok', sourcePath: '../Media/WhatsApp Images/IMG-9.jpg', sha256: sha256('nine') });
  });

  it('never follows a path with .. out of the database folder and the app Media folder', async () => {
    const base = tempRoot();
    const app = join(base, 'WhatsApp');
    const dbPath = join(app, 'Databases', 'msgstore.db');
    // Bait files beside the app root and in the app root outside Media: none may be read.
    writeWithFolders(join(base, 'secret.jpg'), 'outside');
    writeWithFolders(join(app, 'secret.jpg'), 'app root, not Media');
    writeWithFolders(join(app, 'Media', 'WhatsApp Images', 'ok.jpg'), 'ok');
    writeWithFolders(dbPath, await newDatabase([
      'Media/../../secret.jpg',
      '../../secret.jpg',
      '../Media/../../secret.jpg',
      '/storage/emulated/0/WhatsApp/Media/../../../secret.jpg',
      'Media/WhatsApp Images/../../../../secret.jpg',
    ]));
    const messages = await parseAt(dbPath);
    const files = folderFiles(dbPath, sharedExportFolders(FORMAT, dbPath));
    for (const keyId of ['M1', 'M2', 'M3', 'M4', 'M5']) {
      const record = await resolveAttachment(attachmentOf(messages, keyId), files, base);
      expect(record, keyId).toMatchObject({ status: 'missing', sha256: null });
    }
  });

  it('does not reach beside a database that does not lie in a Databases folder', async () => {
    const base = tempRoot();
    const dbPath = join(base, 'copied', 'msgstore.db');
    writeWithFolders(join(base, 'Media', 'WhatsApp Images', 'IMG-1.jpg'), 'one');
    writeWithFolders(dbPath, await newDatabase(['/storage/emulated/0/WhatsApp/Media/WhatsApp Images/IMG-1.jpg']));
    expect(sharedExportFolders(FORMAT, dbPath)).toEqual([]);
    const attachment = attachmentOf(await parseAt(dbPath), 'M1');
    expect(attachment.path).toBe('Media/WhatsApp Images/IMG-1.jpg');
    // A hostile "../Media/…" from such a database is refused too.
    const files = folderFiles(dbPath, sharedExportFolders(FORMAT, dbPath));
    expect(await resolveAttachment(attachment, files, base)).toMatchObject({ status: 'missing' });
    expect(await resolveAttachment({ ...attachment, path: '../Media/WhatsApp Images/IMG-1.jpg' }, files, base)).toMatchObject({ status: 'missing' });
    // Media copied beside the database still resolve there, as before.
    writeWithFolders(join(base, 'copied', 'Media', 'WhatsApp Images', 'IMG-1.jpg'), 'beside');
    expect(await resolveAttachment(attachment, files, base)).toMatchObject({ status: 'ok', sha256: sha256('beside') });
  });

  it('finds the media of a zipped WhatsApp folder in its own Media, not a same-named file elsewhere', async () => {
    const base = tempRoot();
    const zipPath = join(base, 'extraction.zip');
    const entry = 'sdcard/WhatsApp/Databases/msgstore.db';
    const db = await newDatabase(['/storage/emulated/0/WhatsApp/Media/WhatsApp Images/IMG-1.jpg']);
    writeFileSync(zipPath, buildZip([
      { name: entry, data: db },
      { name: 'sdcard/WhatsApp/Media/WhatsApp Images/IMG-1.jpg', data: 'phone' },
      { name: 'sdcard/Download/Media/WhatsApp Images/IMG-1.jpg', data: 'another copy' },
    ]));
    const run = await runParser(whatsappAndroidDbParser, db, entry);
    const attachment = attachmentOf(run.sink.messages, 'M1');
    expect(attachment.path).toBe('../Media/WhatsApp Images/IMG-1.jpg');
    const archive = await ZipArchive.open(zipPath);
    try {
      expect(await resolveAttachment(attachment, zipFiles(archive, entry), base)).toMatchObject({ status: 'ok', sha256: sha256('phone') });
    } finally {
      archive.close();
    }
  });
});
