import { describe, expect, it } from 'vitest';
import { ZipArchive } from '../../../../../workers/import/zip/zip-archive.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import { resolveIn, withZip } from '../../../../support/zip-attachments.ts';
import { buildZip } from '../../../../support/zip-writer.ts';

describe('why a zip attachment is missing (an import issue naming the reason)', () => {
  it('says there is no such entry', async () => {
    await withZip([{ name: 'other.jpg', data: 'x' }], async (archive) => {
      const { record, reasons } = await resolveIn(archive, '_chat.txt', 'IMG-1.jpg');
      expect(record.status).toBe('missing');
      expect(reasons).toEqual(['the zip holds no entry named IMG-1.jpg']);
    });
  });

  it('says the entry is a symbolic link, or names a place outside the archive', async () => {
    await withZip([{ name: 'IMG-2.jpg', data: '/etc/passwd', unixMode: 0o120777 }, { name: '../IMG-3.jpg', data: 'x' }], async (archive) => {
      expect((await resolveIn(archive, '_chat.txt', 'IMG-2.jpg')).reasons).toEqual(['the entry IMG-2.jpg is a symbolic link; not followed']);
      expect((await resolveIn(archive, '_chat.txt', 'IMG-3.jpg')).reasons).toEqual(['the entry ../IMG-3.jpg names a place outside the archive; not read']);
    });
  });

  it('says the entry is encrypted instead of failing the message (regression: yauzl’s plain error escaped)', async () => {
    const zip = buildZip([{ name: 'IMG-4.jpg', data: 'secret', deflate: true }]);
    // Set the "encrypted" flag (bit 0) in the local and central headers.
    zip.writeUInt16LE(zip.readUInt16LE(6) | 1, 6);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt16LE(zip.readUInt16LE(central + 8) | 1, central + 8);
    const archive = await ZipArchive.open(writeTemp(tempFolder(), 'enc.zip', zip));
    try {
      const { record, reasons } = await resolveIn(archive, '_chat.txt', 'IMG-4.jpg');
      expect(record.status).toBe('missing');
      expect(reasons).toEqual([expect.stringContaining('encrypted')]);
    } finally {
      archive.close();
    }
  });
});
