import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { resolveAttachment } from '../../../../../workers/import/resolve-attachment.ts';
import { folderFiles } from '../../../../../workers/import/source-files.ts';
import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { hex, mediaDataBlob } from '../../../../support/media-data-blob.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

const SCHEMA = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_url TEXT, media_mime_type TEXT, media_wa_type TEXT, media_size INTEGER,
    media_name TEXT, media_caption TEXT, media_hash TEXT, media_duration INTEGER, latitude REAL, longitude REAL, thumb_image TEXT,
    remote_resource TEXT, received_timestamp INTEGER, raw_data BLOB);
`;

const PHONE_PATH = '/storage/emulated/0/WhatsApp/Media/WhatsApp Images/IMG-20190101-WA0001.jpg';

async function legacyDatabase(): Promise<Uint8Array> {
  return buildDatabase(`${SCHEMA}
    INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, timestamp, media_wa_type, media_mime_type, media_size, media_name, media_hash, thumb_image) VALUES
      ('4915100000001@s.whatsapp.net', 0, 'IMG', 0, 1546300800000, '1', 'image/jpeg', 4, 'IMG-20190101-WA0001.jpg', 'aGFzaA==', X'${hex(mediaDataBlob(PHONE_PATH))}'),
      ('4915100000001@s.whatsapp.net', 0, 'NOPATH', 0, 1546300900000, '2', 'audio/ogg', 9000, NULL, NULL, NULL),
      ('4915100000001@s.whatsapp.net', 0, 'GARBAGE', 0, 1546301000000, '3', 'video/mp4', 9000, 'VID.mp4', NULL, X'74ffff00740003414243c3');`);
}

function byKey(messages: ParsedMessage[], keyId: string): ParsedMessage | undefined {
  return messages.find((message) => message.extra?.['keyId'] === keyId);
}

describe('legacy layout media paths (thumb_image)', () => {
  let folder: string | null = null;
  afterEach(() => {
    if (folder !== null) rmSync(folder, { recursive: true, force: true });
    folder = null;
  });

  it('attaches a legacy image by the path in its MediaData, as the new schema does, and keeps the phone path', async () => {
    const run = await runParser(whatsappAndroidDbParser, await legacyDatabase(), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const image = byKey(run.sink.messages, 'IMG');
    expect(image?.attachments).toEqual([{ kind: 'attached', mediaType: 'image', path: 'Media/WhatsApp Images/IMG-20190101-WA0001.jpg', fileName: 'IMG-20190101-WA0001.jpg', mimeType: 'image/jpeg', size: 4 }]);
    expect(image?.extra?.['mediaPathInDatabase']).toBe(PHONE_PATH);
  });

  it('keeps media without a readable path omitted, and says why', async () => {
    const run = await runParser(whatsappAndroidDbParser, await legacyDatabase(), 'msgstore.db');
    const audio = byKey(run.sink.messages, 'NOPATH');
    expect(audio?.attachments).toEqual([{ kind: 'omitted', mediaType: 'audio', mimeType: 'audio/ogg', size: 9000 }]);
    expect(audio?.extra?.['mediaPathNote']).toContain('no thumb_image');
    const video = byKey(run.sink.messages, 'GARBAGE');
    expect(video?.attachments).toEqual([{ kind: 'omitted', mediaType: 'video', fileName: 'VID.mp4', mimeType: 'video/mp4', size: 9000 }]);
    expect(video?.extra?.['mediaPathNote']).toBe('no WhatsApp media path in thumb_image');
  });

  it('resolves the file when the Media folder was imported beside the database', async () => {
    folder = mkdtempSync(join(tmpdir(), 'threadline-wa-legacy-'));
    mkdirSync(join(folder, 'Media', 'WhatsApp Images'), { recursive: true });
    writeFileSync(join(folder, 'Media', 'WhatsApp Images', 'IMG-20190101-WA0001.jpg'), 'jpeg');
    const run = await runParser(whatsappAndroidDbParser, await legacyDatabase(), 'msgstore.db');
    const attachment = byKey(run.sink.messages, 'IMG')?.attachments[0];
    if (attachment === undefined) throw new Error('no attachment');
    const record = await resolveAttachment(attachment, folderFiles(join(folder, 'msgstore.db')), folder);
    expect(record).toMatchObject({ status: 'ok', sourcePath: 'Media/WhatsApp Images/IMG-20190101-WA0001.jpg', size: 4, sha256: expect.stringMatching(/^[0-9a-f]{64}$/u) });
  });
});
