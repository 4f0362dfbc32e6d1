import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../../workers/import/detect-format.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import { buildZip } from '../../../../support/zip-writer.ts';
import { manifestText, rsmfMessage, rsmfZip, smallManifest } from './rsmf-builder.ts';

describe('detecting RSMF by content', () => {
  const folder = tempFolder();

  it('recognises an .rsmf message, whatever it is called (and before the e-mail importer could claim it)', async () => {
    const withFrom = Buffer.concat([Buffer.from('From: collector@example.org\r\nDate: Mon, 1 May 2023 10:00:00 +0000\r\n', 'latin1'), rsmfMessage(rsmfZip(smallManifest()))]);
    expect(await detectFormat(writeTemp(folder, 'production-0001.eml', withFrom))).toMatchObject({ format: 'rsmf' });
    expect(await detectFormat(writeTemp(folder, 'chat.bin', rsmfMessage(rsmfZip(smallManifest()))))).toMatchObject({ format: 'rsmf' });
  });

  it('recognises a bare rsmf.zip as a zip holding an RSMF manifest', async () => {
    expect(await detectFormat(writeTemp(folder, 'rsmf.zip', rsmfZip(smallManifest())))).toEqual({ format: 'zip', reason: 'a zip holding rsmf' });
  });

  it('recognises an extracted manifest by its content, whatever it is called', async () => {
    expect(await detectFormat(writeTemp(folder, 'manifest copy.json', manifestText(smallManifest())))).toMatchObject({ format: 'rsmf' });
  });

  it('does not take a file merely named .rsmf, nor a zip that only holds a file named rsmf_manifest.json', async () => {
    expect((await detectFormat(writeTemp(folder, 'notes.rsmf', 'just some notes about an RSMF production\n'))).format).toBeNull();
    const zip = buildZip([{ name: 'rsmf_manifest.json', data: 'this is not a manifest, only its name' }]);
    expect((await detectFormat(writeTemp(folder, 'fake.zip', zip))).format).toBeNull();
  });
});
