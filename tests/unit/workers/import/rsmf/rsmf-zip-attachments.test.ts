import { describe, expect, it } from 'vitest';
import { PARSERS } from '../../../../../workers/import/parsers.ts';
import { ZipArchive } from '../../../../../workers/import/zip/zip-archive.ts';
import { surveyZip } from '../../../../../workers/import/zip/zip-source.ts';
import { ufdrReport, whatsappText } from '../../../../support/hostile-corpus/seeds.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import { buildZip } from '../../../../support/zip-writer.ts';
import { manifestText, rsmfMessage, rsmfZip, smallManifest } from './rsmf-builder.ts';

/**
 * A bare rsmf.zip holds the manifest and the files its events attach. An attached chat export or
 * e-mail was recognised by the zip survey as an export of its own and imported beside the RSMF
 * conversation that attaches it: the same words twice, once out of their production. The
 * entries the manifest attaches are now its own; the others are surveyed as usual (sessions 17
 * and 18 gave it its whole folder, as a UFDR report has, and the exports zipped beside a
 * production were not imported).
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

describe('a zipped RSMF production: the entries the manifest attaches are its attachments, not exports', () => {
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

  it('regression: recognises an export beside a manifest that does not attach it, in the manifest\'s folder as elsewhere', async () => {
    const zip = buildZip([
      { name: 'production/rsmf_manifest.json', data: manifestText(smallManifest()) },
      { name: 'production/chat.txt', data: whatsappText() },
      { name: 'phone/chat.txt', data: whatsappText() },
    ]);
    expect(await recognised('case.zip', zip)).toEqual(['production/rsmf_manifest.json rsmf', 'production/chat.txt whatsapp-txt', 'phone/chat.txt whatsapp-txt']);
  });

  it('surveys a production an event attaches (an .rsmf entry) as an export too: read through the manifest its bytes are kept, its conversations are not', async () => {
    const manifest = smallManifest();
    manifest.events = [...(manifest.events ?? []), { type: 'message', participant: 'P1', conversation: 'C1', body: 'see', attachments: [{ id: 'inner.rsmf' }, { id: 'chat.txt' }] }];
    const zip = rsmfZip(manifest, [
      { name: 'inner.rsmf', data: rsmfMessage(rsmfZip(smallManifest())) },
      { name: 'chat.txt', data: whatsappText() },
    ]);
    expect(await recognised('rsmf.zip', zip)).toEqual(['rsmf_manifest.json rsmf', 'inner.rsmf rsmf']);
  });

  it('takes an id for the entry the import reads it from (a unique file name in another folder), and no other', async () => {
    const manifest = smallManifest();
    manifest.events = [...(manifest.events ?? []), { type: 'message', participant: 'P1', conversation: 'C1', body: 'see', attachments: [{ id: 'chat.txt' }, { id: '../forwarded.eml' }] }];
    const zip = buildZip([
      { name: 'production/rsmf_manifest.json', data: manifestText(manifest) },
      { name: 'production/files/chat.txt', data: whatsappText() },
      // An id climbing out of the archive names nothing: the e-mail is an export of the zip.
      { name: 'forwarded.eml', data: EMAIL },
    ]);
    expect(await recognised('case.zip', zip)).toEqual(['production/rsmf_manifest.json rsmf', 'forwarded.eml email']);
  });

  it('regression: leaves an export outside the manifest\'s folder to itself when an id finds it only from the zip\'s root or by its file name', async () => {
    // The production names a chat.txt it does not hold. The import still reads the phone's chat.txt
    // as that attachment (with a note that it was found so), but the phone's export was taken as
    // the production's and not surveyed at all: its conversation was not imported. On disk the
    // same folders give it (engine manifest-attachments.ts looks below the manifest's folder only).
    const manifest = smallManifest();
    manifest.events = [...(manifest.events ?? []), { type: 'message', participant: 'P1', conversation: 'C1', body: 'see', attachments: [{ id: 'chat.txt' }, { id: 'result.txt' }] }];
    const zip = buildZip([
      { name: 'production/rsmf_manifest.json', data: manifestText(manifest) },
      { name: 'phone/chat.txt', data: whatsappText() },
      { name: 'result.txt', data: whatsappText() },
    ]);
    expect(await recognised('case.zip', zip)).toEqual(['production/rsmf_manifest.json rsmf', 'phone/chat.txt whatsapp-txt', 'result.txt whatsapp-txt']);
  });

  it('regression: surveys a manifest an event attaches as a production of its own, whichever is looked at first', async () => {
    // The first manifest looked at took the second as its attachment, and the second was never
    // looked at: its production's conversations were not imported (on disk a manifest is never
    // taken as attached: engine manifest-attachments.ts).
    const manifest = smallManifest();
    manifest.events = [...(manifest.events ?? []), { type: 'message', participant: 'P1', conversation: 'C1', body: 'see', attachments: [{ id: 'b/b_rsmf_manifest.json' }] }];
    const zip = buildZip([
      { name: 'a_rsmf_manifest.json', data: manifestText(manifest) },
      { name: 'b/b_rsmf_manifest.json', data: manifestText(smallManifest()) },
    ]);
    expect(await recognised('case.zip', zip)).toEqual(['a_rsmf_manifest.json rsmf', 'b/b_rsmf_manifest.json rsmf']);
  });

  it('attaches nothing with a manifest whose bytes cannot be read past its head: the entries it names are surveyed as exports', async () => {
    const manifest = smallManifest();
    // The attaching event is read whole before the failure: the entry is not taken as attached all the same.
    manifest.events = [{ type: 'message', participant: 'P1', conversation: 'C1', body: 'see', attachments: [{ id: 'chat.txt' }] }, { type: 'message', participant: 'P1', conversation: 'C1', body: 'x'.repeat(200_000) }];
    const text = manifestText(manifest);
    // The header understates the size: the sniff reads its 64 KiB head, the whole entry never inflates.
    const zip = buildZip([
      { name: 'rsmf_manifest.json', data: text, deflate: true, declaredSize: 70_000 },
      { name: 'chat.txt', data: whatsappText() },
    ]);
    expect(await recognised('rsmf.zip', zip)).toEqual(['rsmf_manifest.json rsmf', 'chat.txt whatsapp-txt']);
  });

  it('regression: keeps a manifest of any name beside a Cellebrite report, as a folder on disk does', async () => {
    // Only a manifest named like rsmf_manifest.json was looked at in a report's folder: one named
    // otherwise (recognised by its content, as on disk: owned-folders.ts folderOwners) was taken
    // as one of the UFDR's files, and its production was not imported.
    const zip = buildZip([
      { name: 'phone/report.xml', data: ufdrReport() },
      { name: 'phone/production.json', data: manifestText(smallManifest()) },
      { name: 'phone/files/chat.txt', data: whatsappText() },
    ]);
    expect((await recognised('case.zip', zip)).sort()).toEqual(['phone/production.json rsmf', 'phone/report.xml cellebrite-ufdr']);
  });

  it('keeps a manifest beside a Cellebrite report, whichever is written first, and the report\'s files the report\'s', async () => {
    for (const order of ['report first', 'manifest first']) {
      const report = { name: 'phone/report.xml', data: ufdrReport() };
      const manifest = { name: 'phone/rsmf_manifest.json', data: manifestText(smallManifest()) };
      const zip = buildZip([...(order === 'report first' ? [report, manifest] : [manifest, report]), { name: 'phone/files/chat.txt', data: whatsappText() }]);
      expect((await recognised('case.zip', zip)).sort(), order).toEqual(['phone/report.xml cellebrite-ufdr', 'phone/rsmf_manifest.json rsmf']);
    }
  });
});
