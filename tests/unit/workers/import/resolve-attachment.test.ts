import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors.ts';
import { resolveAttachment } from '../../../../workers/import/resolve-attachment.ts';
import { folderFiles } from '../../../../workers/import/source-files.ts';
import { tempFolder } from '../../../support/temp-case.ts';

const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const md5 = (bytes: string | Uint8Array) => createHash('md5').update(bytes).digest('hex');

function layout() {
  const root = tempFolder();
  const exportFolder = join(root, 'export');
  mkdirSync(join(exportFolder, 'media'), { recursive: true });
  writeFileSync(join(exportFolder, 'media', 'photo.jpg'), 'JPEGBYTES');
  writeFileSync(join(root, 'secret.txt'), 'outside the source');
  const casePath = join(root, 'case');
  mkdirSync(casePath);
  return { source: join(exportFolder, 'chat.json'), casePath };
}

describe('resolveAttachment', () => {
  it('hashes a file the export names, relative to the source', async () => {
    const { source, casePath } = layout();
    const record = await resolveAttachment({ kind: 'attached', mediaType: 'image', path: 'media/photo.jpg' }, folderFiles(source), casePath);
    expect(record).toMatchObject({ status: 'ok', sha256: sha256('JPEGBYTES'), size: 9, sourcePath: 'media/photo.jpg' });
  });

  it('checks the vendor digest and reports a mismatch', async () => {
    const { source, casePath } = layout();
    const good = await resolveAttachment({ kind: 'attached', mediaType: 'image', path: 'media/photo.jpg', vendorDigests: { md5: md5('JPEGBYTES').toUpperCase() } }, folderFiles(source), casePath);
    expect(good.status).toBe('verified');
    const bad = await resolveAttachment({ kind: 'attached', mediaType: 'image', path: 'media/photo.jpg', vendorDigests: { sha256: sha256('other') } }, folderFiles(source), casePath);
    expect(bad.status).toBe('mismatch');
  });

  it('regression: checks both vendor digests, so a matching SHA-256 does not hide an MD5 of other bytes', async () => {
    const { source, casePath } = layout();
    const both = await resolveAttachment({ kind: 'attached', mediaType: 'image', path: 'media/photo.jpg', vendorDigests: { md5: md5('JPEGBYTES'), sha256: sha256('JPEGBYTES') } }, folderFiles(source), casePath);
    expect(both.status).toBe('verified');
    const md5Wrong = await resolveAttachment({ kind: 'attached', mediaType: 'image', path: 'media/photo.jpg', vendorDigests: { md5: md5('other'), sha256: sha256('JPEGBYTES') } }, folderFiles(source), casePath);
    expect(md5Wrong).toMatchObject({ status: 'mismatch', sha256: sha256('JPEGBYTES'), vendorMd5: md5('other') });
    const sha256Wrong = await resolveAttachment({ kind: 'attached', mediaType: 'image', path: 'media/photo.jpg', vendorDigests: { md5: md5('JPEGBYTES'), sha256: sha256('other') } }, folderFiles(source), casePath);
    expect(sha256Wrong.status).toBe('mismatch');
  });

  it('never follows a path out of the source folder', async () => {
    const { source, casePath } = layout();
    for (const path of ['../secret.txt', '../../secret.txt', '/etc/passwd', 'media/../../secret.txt']) {
      const record = await resolveAttachment({ kind: 'attached', mediaType: 'document', path }, folderFiles(source), casePath);
      expect(record, path).toMatchObject({ status: 'missing', sha256: null });
    }
  });

  it('stores inline bytes once, read-only, content-addressed in the case', async () => {
    const { source, casePath } = layout();
    const bytes = new TextEncoder().encode('MMS part');
    const record = await resolveAttachment({ kind: 'attached', mediaType: 'image', bytes, mimeType: 'image/png' }, folderFiles(source), casePath);
    expect(record.sha256).toBe(sha256(bytes));
    const stored = join(casePath, record.storedPath ?? '');
    expect(readFileSync(stored, 'utf8')).toBe('MMS part');
    expect(statSync(stored).mode & 0o222).toBe(0);
  });

  it('records omitted media as omitted', async () => {
    const { source, casePath } = layout();
    expect((await resolveAttachment({ kind: 'omitted', mediaType: 'video' }, folderFiles(source), casePath)).status).toBe('omitted');
  });
});

describe('resolveAttachment in a folder the format shares between its sources (signal-export stickers)', () => {
  function stickerLayout() {
    const { source, casePath } = layout();
    const root = join(casePath, '..');
    mkdirSync(join(root, 'exported_stickers', 'pack'), { recursive: true });
    writeFileSync(join(root, 'exported_stickers', 'pack', '7.webp'), 'STICKER');
    return { source, casePath, root };
  }

  it('hashes a file in the shared folder beside the source folder, and only there', async () => {
    const { source, casePath } = stickerLayout();
    const files = folderFiles(source, ['exported_stickers']);
    expect(await resolveAttachment({ kind: 'attached', mediaType: 'sticker', path: '../exported_stickers/pack/7.webp' }, files, casePath)).toMatchObject({ status: 'ok', sha256: sha256('STICKER'), size: 7 });
    expect(await resolveAttachment({ kind: 'attached', mediaType: 'sticker', path: '../exported_stickers/pack/8.webp' }, files, casePath)).toMatchObject({ status: 'missing', sha256: null });
    for (const path of ['../secret.txt', '../exported_stickers/../secret.txt', '../exported_stickers']) {
      expect(await resolveAttachment({ kind: 'attached', mediaType: 'sticker', path }, files, casePath), path).toMatchObject({ status: 'missing', sha256: null });
    }
    // Without the declaration the shared folder is outside, as before.
    expect(await resolveAttachment({ kind: 'attached', mediaType: 'sticker', path: '../exported_stickers/pack/7.webp' }, folderFiles(source), casePath)).toMatchObject({ status: 'missing' });
  });

  it('does not follow a symbolic link out of the shared folder', async () => {
    const { source, casePath, root } = stickerLayout();
    const link = join(root, 'exported_stickers', 'pack', 'out.webp');
    symlinkSync(join(root, 'secret.txt'), link);
    const reasons: string[] = [];
    const record = await resolveAttachment({ kind: 'attached', mediaType: 'sticker', path: '../exported_stickers/pack/out.webp' }, folderFiles(source, ['exported_stickers']), casePath, (reason) => reasons.push(reason));
    expect(record).toMatchObject({ status: 'missing', sha256: null });
    expect(reasons).toEqual(['../exported_stickers/pack/out.webp is a symbolic link to a file outside the export folder; not followed']);
  });
});

describe('resolveAttachment with hostile bytes (issue #3)', () => {
  it('does not follow a symbolic link out of the export folder: recorded as missing, the reason reported', async () => {
    const { source, casePath } = layout();
    const outside = join(casePath, '..', 'secret.txt');
    symlinkSync(outside, join(casePath, '..', 'export', 'media', 'linked.jpg'));
    const reasons: string[] = [];
    const record = await resolveAttachment({ kind: 'attached', mediaType: 'image', path: 'media/linked.jpg' }, folderFiles(source), casePath, (reason) => reasons.push(reason));
    expect(record).toMatchObject({ status: 'missing', sha256: null });
    expect(reasons).toEqual(['media/linked.jpg is a symbolic link to a file outside the export folder; not followed']);
  });

  it('still follows a symbolic link that stays inside the export folder', async () => {
    const { source, casePath } = layout();
    symlinkSync('photo.jpg', join(casePath, '..', 'export', 'media', 'alias.jpg'));
    const record = await resolveAttachment({ kind: 'attached', mediaType: 'image', path: 'media/alias.jpg' }, folderFiles(source), casePath);
    expect(record).toMatchObject({ status: 'ok', sha256: sha256('JPEGBYTES') });
  });

  it('records bytes the source refuses to give (a zip bomb) as missing instead of failing the message', async () => {
    const { casePath } = layout();
    const refusing = { digest: () => Promise.reject(new AppError('E_IMPORT_FORMAT', 'IMG.jpg: compresses 1011:1, beyond the 200:1 limit (zip bomb?)')) };
    const reasons: string[] = [];
    const record = await resolveAttachment({ kind: 'attached', mediaType: 'image', path: 'IMG.jpg' }, refusing, casePath, (reason) => reasons.push(reason));
    expect(record).toMatchObject({ status: 'missing', sourcePath: 'IMG.jpg' });
    expect(reasons).toEqual(['IMG.jpg: compresses 1011:1, beyond the 200:1 limit (zip bomb?)']);
  });
});
