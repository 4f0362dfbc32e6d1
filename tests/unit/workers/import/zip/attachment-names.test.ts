import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lookup } from '../../../../../workers/import/source-files.ts';
import { importZip } from '../../../../../workers/import/zip/zip-source.ts';
import type { RecordWriter } from '../../../../../workers/import/record-writer.ts';
import type { SourceParser } from '../../../../../shared/contracts/parsed-source.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import { resolveIn, withZip } from '../../../../support/zip-attachments.ts';
import { buildZip } from '../../../../support/zip-writer.ts';

const sha256 = (bytes: string) => createHash('sha256').update(bytes).digest('hex');
const NFC_NAME = 'IMG-20230101-WA0001-Fotoğraf.jpg'.normalize('NFC');
const NFD_NAME = NFC_NAME.normalize('NFD');
const CAFE_NFD = 'café.opus'.normalize('NFD');

describe('zip attachment names in another Unicode normalisation form (a zip made on macOS writes NFD)', () => {
  it('finds an NFD entry for an NFC name, and the reverse, and records the entry’s real name', async () => {
    await withZip([{ name: NFD_NAME, data: 'photo' }, { name: `media/${'café.opus'.normalize('NFC')}`, data: 'voice' }], async (archive) => {
      const photo = await resolveIn(archive, '_chat.txt', NFC_NAME);
      expect(photo.record).toMatchObject({ status: 'ok', sha256: sha256('photo'), sourcePath: NFD_NAME });
      const voice = await resolveIn(archive, 'media/_chat.txt', CAFE_NFD);
      expect(voice.record).toMatchObject({ status: 'ok', sha256: sha256('voice'), sourcePath: 'café.opus'.normalize('NFC') });
      // The recorded name leads back to the same bytes (what extraction and the viewer use).
      expect(lookup(archive, 'media', voice.record.sourcePath ?? '')?.name).toBe(`media/${'café.opus'.normalize('NFC')}`);
    });
  });

  it('takes the exact entry when two differ only by normalisation, and names the pair in a warning', async () => {
    await withZip([{ name: NFD_NAME, data: 'decomposed' }, { name: NFC_NAME, data: 'composed' }], async (archive) => {
      expect((await resolveIn(archive, '_chat.txt', NFC_NAME)).record).toMatchObject({ status: 'ok', sha256: sha256('composed'), sourcePath: NFC_NAME });
      expect((await resolveIn(archive, '_chat.txt', NFD_NAME)).record).toMatchObject({ status: 'ok', sha256: sha256('decomposed'), sourcePath: NFD_NAME });
      expect(archive.normalisationTwins().map((group) => group.map((entry) => entry.name))).toEqual([[NFD_NAME, NFC_NAME]]);
    });
  });

  it('takes neither when the name matches two entries only across normalisation, and says why', async () => {
    const mixed = `${'ğ'.normalize('NFD')}é.jpg`; // neither NFC nor NFD
    await withZip([{ name: mixed.normalize('NFD'), data: 'a' }, { name: mixed.normalize('NFC'), data: 'b' }], async (archive) => {
      const { record, reasons } = await resolveIn(archive, '_chat.txt', mixed);
      expect(record).toMatchObject({ status: 'missing', sha256: null });
      expect(reasons).toEqual([expect.stringContaining('differ from the name only by Unicode normalisation')]);
    });
  });

  it('warns once, at import, about entries that differ only by normalisation', async () => {
    const chat: SourceParser = { format: 'chat', parserVersion: '1', sniff: (head) => new TextDecoder().decode(head).startsWith('CHAT'), parse: () => Promise.resolve({ formatVersion: null, details: {} }) };
    const warnings: string[] = [];
    const writer = { files: null, warning: (warning: { place: string; message: string }) => warnings.push(`${warning.place} ${warning.message}`), throwIfCancelled: () => undefined } as unknown as RecordWriter;
    const path = writeTemp(tempFolder(), 'twins.zip', buildZip([{ name: '_chat.txt', data: 'CHAT: a chat export, long enough' }, { name: NFD_NAME, data: 'a' }, { name: NFC_NAME, data: 'b' }]));
    await importZip(path, writer, [chat], {});
    // The chat here names neither twin, so both are also listed as not imported, in a warning of their own.
    expect(warnings.filter((warning) => warning.includes('Unicode normalisation'))).toEqual([`${path}!${NFD_NAME} entries ${NFD_NAME}, ${NFC_NAME} differ only by Unicode normalisation (NFC/NFD): an attachment is matched to the one its chat names exactly, never to the other`]);
  });
});
