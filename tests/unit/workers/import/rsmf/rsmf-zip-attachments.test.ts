import { describe, expect, it } from 'vitest';
import { PARSERS } from '../../../../../workers/import/parsers.ts';
import { ZipArchive } from '../../../../../workers/import/zip/zip-archive.ts';
import { surveyZip } from '../../../../../workers/import/zip/zip-source.ts';
import { whatsappText } from '../../../../support/hostile-corpus/seeds.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import { buildZip } from '../../../../support/zip-writer.ts';
import { manifestText, rsmfMessage, rsmfZip, smallManifest } from './rsmf-builder.ts';

/**
 * A bare rsmf.zip holds the manifest and the files its events attach. An attached chat export or
 * e-mail was recognised by the zip survey as an export of its own and imported beside the RSMF
 * conversation that attaches it: the same words twice, once out of their production. The
 * manifest's folder is now its own, as a UFDR report's is.
 */

async function recognised(name: string, zip: Buffer): Promise<string[]> {
  const archive = await ZipArchive.open(writeTemp(tempFolder(), name, zip));
  try {
    return (await surveyZip(archive, PARSERS)).recognised.map((item) => `${item.entry.name} ${item.parser.format}`);
  } finally {
    archive.close();
  }
}

const EMAIL = ['From: a@example.org', 'To: b@example.org', 'Subject: fwd', 'Date: Mon, 1 May 2023 10:00:00 +0000', 'Message-ID: <x@example.org>', '', 'forwarded words'].join('\r\n');

describe('a bare rsmf.zip: the files beside the manifest are its attachments, not exports', () => {
  it('imports the manifest alone, not the chat export or e-mail it attaches', async () => {
    const manifest = smallManifest();
    manifest.events = [...(manifest.events ?? []), { id: 'm3', type: 'message', participant: 'P1', conversation: 'C1', timestamp: '2023-05-01T10:02:00Z', body: 'see files', attachments: [{ id: 'chat.txt', display: 'chat.txt' }, { id: 'forwarded.eml', display: 'forwarded.eml' }] }];
    const zip = rsmfZip(manifest, [
      { name: 'chat.txt', data: whatsappText() },
      { name: 'forwarded.eml', data: EMAIL },
    ]);
    expect(await recognised('rsmf.zip', zip)).toEqual(['rsmf_manifest.json rsmf']);
  });

  it('still imports each .rsmf of a zip of productions, and what lies beside them', async () => {
    const production = rsmfMessage(rsmfZip(smallManifest()));
    const zip = buildZip([
      { name: 'one.rsmf', data: production },
      { name: 'two.rsmf', data: production },
      { name: 'chat.txt', data: whatsappText() },
    ]);
    expect(await recognised('productions.zip', zip)).toEqual(['one.rsmf rsmf', 'two.rsmf rsmf', 'chat.txt whatsapp-txt']);
  });

  it('leaves a manifest in a folder of its own to that folder', async () => {
    const zip = buildZip([
      { name: 'production/rsmf_manifest.json', data: manifestText(smallManifest()) },
      { name: 'production/chat.txt', data: whatsappText() },
      { name: 'phone/chat.txt', data: whatsappText() },
    ]);
    expect(await recognised('case.zip', zip)).toEqual(['production/rsmf_manifest.json rsmf', 'phone/chat.txt whatsapp-txt']);
  });
});
