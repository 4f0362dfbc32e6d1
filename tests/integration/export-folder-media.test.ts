import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import type { ImportSummary } from '../../shared/domain/import.ts';
import { tempFolder } from '../support/temp-case.ts';

/**
 * An export's folder as analysts receive it: the chat text and, beside it, the media and
 * documents its messages name. Those files are the messages' attachments, not sources that
 * failed: before, a voice note or a contact card in the folder made the import fail (CLI exit 1).
 */

const VOICE_NOTE = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(3000, 5)]);
const CONTACT_CARD = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ion Pop\r\nTEL:+40712345678\r\nEND:VCARD\r\n';
const DOCUMENT = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(500, 32), Buffer.from('\n%%EOF\n')]);

const CHAT = [
  '12/03/2024, 09:00 - Ana: PTT-20240312-WA0001.opus (file attached)',
  '12/03/2024, 09:01 - Ana: Ion Pop.vcf (file attached)',
  '12/03/2024, 09:02 - Dan: contract.pdf (file attached)',
  '12/03/2024, 09:03 - Dan: see the contract',
  '',
].join('\n');

describe('an export folder with the media its messages name', () => {
  let engine: Engine;
  let folder: string;
  let summary: ImportSummary;
  let lone: ImportSummary;

  beforeAll(async () => {
    folder = join(tempFolder(), 'WhatsApp Chat with Ana');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'PTT-20240312-WA0001.opus'), VOICE_NOTE);
    writeFileSync(join(folder, 'Ion Pop.vcf'), CONTACT_CARD);
    writeFileSync(join(folder, 'contract.pdf'), DOCUMENT);
    writeFileSync(join(folder, 'WhatsApp Chat with Ana.txt'), CHAT);
    const elsewhere = tempFolder();
    writeFileSync(join(elsewhere, 'voice.opus'), Buffer.concat([VOICE_NOTE, Buffer.from('another')]));
    engine = new Engine({ mode: 'cli', actor: 'folder-media-test' });
    await engine.openCase(join(tempFolder(), 'case'), true);
    summary = await engine.startImport([folder], { timeZone: 'UTC' }).done;
    lone = await engine.startImport([join(elsewhere, 'voice.opus')], { timeZone: 'UTC' }).done;
  }, 120_000);

  afterAll(async () => {
    await engine.dispose();
  });

  it('imports the chat and lists each media file as skipped, already in the case as an attachment', () => {
    const byName = new Map(summary.sources.map((source) => [source.path.slice(folder.length + 1), source]));
    expect(byName.get('WhatsApp Chat with Ana.txt')).toMatchObject({ status: 'imported', messages: 4, attachments: 3 });
    for (const name of ['PTT-20240312-WA0001.opus', 'Ion Pop.vcf', 'contract.pdf']) {
      expect(byName.get(name), name).toMatchObject({ status: 'skipped', format: 'attachment', sourceId: null, error: null });
      expect(byName.get(name)?.issues[0]?.reason, name).toMatch(/^already in the case as an attachment in "Ana"/u);
    }
    // The chat comes first whatever the names: media are looked at after the exports.
    expect(summary.sources[0]?.path.endsWith('.txt')).toBe(true);
  });

  it('still refuses, with the reason, a voice note that no message of the case names', () => {
    expect(lone.sources).toEqual([expect.objectContaining({ status: 'failed', error: expect.objectContaining({ code: 'E_IMPORT_FORMAT' }) })]);
    expect(lone.sources[0]?.issues[0]?.reason).toMatch(/Ogg audio/u);
  });
});
