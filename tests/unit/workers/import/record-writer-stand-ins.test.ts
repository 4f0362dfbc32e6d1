import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewAttachment } from '../../../../shared/contracts/db-worker.ts';
import type { ParsedAttachment } from '../../../../shared/contracts/parsed-source.ts';
import { stubRecordWriter } from '../../../support/stub-record-writer.ts';

/**
 * An attachment's stand-in (ParsedAttachment.whenMissing: the thumbnail a WhatsApp database
 * keeps of media whose file is gone) is stored beside it when its file is not found, and not at
 * all when it is: the missing file stays on record either way.
 */
const THUMBNAIL = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function stored(attachment: ParsedAttachment, filesInSource: Record<string, string>): Promise<{ attachments: NewAttachment[]; casePath: string }> {
  const root = mkdtempSync(join(tmpdir(), 'threadline-stand-in-'));
  folders.push(root);
  const evidence = join(root, 'evidence');
  const casePath = join(root, 'case');
  mkdirSync(join(evidence, 'Media'), { recursive: true });
  writeFileSync(join(evidence, 'msgstore.db'), 'db');
  for (const [path, text] of Object.entries(filesInSource)) writeFileSync(join(evidence, path), text);
  const attachments: NewAttachment[] = [];
  const writer = stubRecordWriter({ path: join(evidence, 'msgstore.db'), format: 'whatsapp-android-db', casePath }, (method, params) => {
    if (method === 'insertMessages') attachments.push(...(params.batch?.attachments.flatMap((row) => row.attachments) ?? []));
  });
  await writer.message({
    chatKey: 'chat', kind: 'message', sender: 'Ana', time: null, timestampText: '', text: '', deleted: false, edited: false,
    attachments: [attachment],
    locator: { kind: 'sqlite-row', file: 'msgstore.db', table: 'message', rowid: 2 },
  });
  await writer.flush();
  return { attachments, casePath };
}

const PHOTO: ParsedAttachment = {
  kind: 'attached',
  mediaType: 'image',
  fileName: 'IMG-1.jpg',
  path: 'Media/IMG-1.jpg',
  whenMissing: { kind: 'attached', mediaType: 'image', mimeType: 'image/jpeg', fileName: 'thumbnail-GONE.jpg', bytes: THUMBNAIL, size: THUMBNAIL.byteLength },
};

describe('RecordWriter: an attachment whose file is missing, and its stand-in', () => {
  it('stores the stand-in beside the missing file, hashed and kept in the case', async () => {
    const { attachments, casePath } = await stored(PHOTO, {});
    expect(attachments.map((attachment) => [attachment.fileName, attachment.status])).toEqual([
      ['IMG-1.jpg', 'missing'],
      ['thumbnail-GONE.jpg', 'ok'],
    ]);
    const standIn = attachments[1] as NewAttachment;
    expect(standIn.sha256).toMatch(/^[0-9a-f]{64}$/u);
    expect([...readFileSync(join(casePath, standIn.storedPath ?? ''))]).toEqual([...THUMBNAIL]);
  });

  it('leaves out a stand-in that is missing too', async () => {
    const { attachments } = await stored({ ...PHOTO, whenMissing: { kind: 'attached', mediaType: 'image', fileName: 'IMG-1_thumb.jpg', path: 'Media/IMG-1_thumb.jpg' } }, {});
    expect(attachments.map((attachment) => [attachment.fileName, attachment.status])).toEqual([['IMG-1.jpg', 'missing']]);
  });

  it('stores a stand-in found at its own path', async () => {
    const { attachments } = await stored({ ...PHOTO, whenMissing: { kind: 'attached', mediaType: 'image', fileName: 'IMG-1_thumb.jpg', path: 'Media/IMG-1_thumb.jpg' } }, { 'Media/IMG-1_thumb.jpg': 'the preview' });
    expect(attachments.map((attachment) => [attachment.fileName, attachment.status, attachment.sourcePath])).toEqual([
      ['IMG-1.jpg', 'missing', 'Media/IMG-1.jpg'],
      ['IMG-1_thumb.jpg', 'ok', 'Media/IMG-1_thumb.jpg'],
    ]);
  });

  it('does not store the stand-in when the file is found', async () => {
    const { attachments } = await stored(PHOTO, { 'Media/IMG-1.jpg': 'the photo' });
    expect(attachments.map((attachment) => [attachment.fileName, attachment.status])).toEqual([['IMG-1.jpg', 'ok']]);
  });
});
