import { describe, expect, it } from 'vitest';
import { PARSERS } from '../../../../../workers/import/parsers.ts';
import { ZipArchive } from '../../../../../workers/import/zip/zip-archive.ts';
import { explainNothingRecognised, importZip, surveyZip } from '../../../../../workers/import/zip/zip-source.ts';
import type { RecordWriter } from '../../../../../workers/import/record-writer.ts';
import type { SourceParser } from '../../../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../../../shared/errors.ts';
import { whatsappText } from '../../../../support/hostile-corpus/seeds.ts';
import { gigabyteBomb, nestedZip, symlinkEntry } from '../../../../support/hostile-corpus/zips.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import { buildZip } from '../../../../support/zip-writer.ts';
import { buildDatabase } from '../../../../support/sqlite-parser-harness.ts';

/** What looking inside a hostile zip finds, and how it explains finding nothing (issue #3). */
async function open(bytes: Buffer): Promise<ZipArchive> {
  return ZipArchive.open(writeTemp(tempFolder(), 'test.zip', bytes));
}

const CHAT = { name: '_chat.txt', data: whatsappText(), deflate: true };

describe('zip survey', () => {
  it('lists a symbolic-link entry apart: never an entry to read (regression: it was read like a file)', async () => {
    const archive = await open(buildZip([symlinkEntry('media/passwd.jpg', '/etc/passwd'), CHAT]));
    try {
      expect(archive.linkNames).toEqual(['media/passwd.jpg']);
      expect(archive.entries.map((entry) => entry.name)).toEqual(['_chat.txt']);
    } finally {
      archive.close();
    }
  });

  it('explains a zip whose only export is a bomb, instead of "none recognised" alone', async () => {
    const archive = await open(gigabyteBomb('_chat.txt'));
    try {
      const survey = await surveyZip(archive, PARSERS);
      expect(survey.recognised).toEqual([]);
      expect(explainNothingRecognised(survey, archive.entries.length)).toMatch(/^a zip with 1 entries, none of them an export Threadline recognises; _chat\.txt cannot be read: compresses \d+:1, beyond the 200:1 limit \(zip bomb\?\)$/u);
    } finally {
      archive.close();
    }
  });

  it('sets a WhatsApp contacts database apart, under any name, instead of trying it as a message source', async () => {
    const contacts = await buildDatabase('CREATE TABLE wa_contacts (jid TEXT, display_name TEXT, wa_name TEXT);');
    const archive = await open(buildZip([{ name: 'backup/3d0d7e5f.bin', data: contacts }]));
    try {
      const survey = await surveyZip(archive, PARSERS);
      expect(survey.recognised).toEqual([]);
      expect(survey.contacts).toEqual(['backup/3d0d7e5f.bin']);
      expect(explainNothingRecognised(survey, archive.entries.length)).toContain(
        'backup/3d0d7e5f.bin is a WhatsApp contacts database (names, not messages), with no WhatsApp message database in the zip to read it with',
      );
    } finally {
      archive.close();
    }
  });

  it('names a nested zip and says it is not opened', async () => {
    const archive = await open(nestedZip(3, [CHAT]));
    try {
      const survey = await surveyZip(archive, PARSERS);
      expect(survey.nested).toEqual(['level-2.zip']);
      expect(explainNothingRecognised(survey, archive.entries.length)).toContain('it holds a zip inside (level-2.zip): nested zips are not opened');
    } finally {
      archive.close();
    }
  });

  it('looks at likely export names first, so a flood of entries cannot hide the chat past the limit', async () => {
    const media = Array.from({ length: 10 }, (_, index) => ({ name: `media/IMG-${index}.jpg`, data: `not really a jpeg, entry ${index}` }));
    const archive = await open(buildZip([...media, CHAT]));
    try {
      const survey = await surveyZip(archive, PARSERS, 5);
      expect(survey.recognised.map((item) => item.entry.name)).toEqual(['_chat.txt']);
      expect(survey.notLookedAt).toBe(6);
    } finally {
      archive.close();
    }
  });

  it('does not open entries too small to be any export', async () => {
    const tiny = Array.from({ length: 50 }, (_, index) => ({ name: `flood/${index}.txt`, data: 'x' }));
    const archive = await open(buildZip([...tiny, CHAT]));
    try {
      const survey = await surveyZip(archive, PARSERS, 1);
      expect(survey.recognised.map((item) => item.entry.name)).toEqual(['_chat.txt']);
      expect(survey.notLookedAt).toBe(0);
    } finally {
      archive.close();
    }
  });
});

describe('importZip when its exports are refused', () => {
  /** Claims entries that start with REFUSE (and refuses them) or ACCEPT (and reads nothing). */
  const strict: SourceParser = {
    format: 'strict',
    parserVersion: '1',
    sniff: (head) => /^(REFUSE|ACCEPT)/u.test(new TextDecoder().decode(head)),
    async parse(input) {
      const text = new TextDecoder().decode(await input.readAll());
      if (text.startsWith('REFUSE')) throw new AppError('E_IMPORT_FORMAT', `${input.displayName}:3: the DOCTYPE declares entities; refused`);
      return { formatVersion: null, details: {} };
    },
  };
  const warnings: string[] = [];
  const writer = { files: null, warning: (warning: { place: string; message: string }) => warnings.push(`${warning.place} ${warning.message}`), throwIfCancelled: () => undefined } as unknown as RecordWriter;

  it('fails with the code and place of the refused export when it was the only one (regression: E_IMPORT_EMPTY "holds no messages")', async () => {
    const path = writeTemp(tempFolder(), 'PH.ufdr', buildZip([{ name: 'report.xml', data: 'REFUSE this report, please' }]));
    await expect(importZip(path, writer, [strict], {})).rejects.toMatchObject({ code: 'E_IMPORT_FORMAT', message: `${path}!report.xml: report.xml:3: the DOCTYPE declares entities; refused` });
  });

  it('keeps going when another export of the zip is read', async () => {
    const path = writeTemp(tempFolder(), 'two.zip', buildZip([{ name: 'a.xml', data: 'REFUSE this one, please' }, { name: 'b.xml', data: 'ACCEPT this one, please' }]));
    const outcome = await importZip(path, writer, [strict], {});
    expect(outcome.details['entries']).toHaveLength(2);
    expect(warnings).toContain(`${path}!a.xml could not be imported: a.xml:3: the DOCTYPE declares entities; refused`);
  });
});

describe('zip entries no importer can read, and why', () => {
  const utf16Chat = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(whatsappText(), 'utf16le')]);
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])]);
  const voiceNote = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(2000, 3)]);

  it('names a chat re-saved as UTF-16 beside photos that are recognised, instead of passing over it', async () => {
    const archive = await open(buildZip([{ name: 'WhatsApp Chat - Ana/_chat.txt', data: utf16Chat }, { name: 'WhatsApp Chat - Ana/00000012-PHOTO-2023-01-05-10-11-12.jpg', data: jpeg }, { name: 'WhatsApp Chat - Ana/00000013-AUDIO.opus', data: voiceNote }]));
    try {
      const survey = await surveyZip(archive, PARSERS);
      expect(survey.recognised.map((item) => item.parser.format)).toEqual(['image']);
      // The voice note is media (an attachment's bytes), not a reason for a warning.
      expect(survey.unreadable).toEqual([{ name: 'WhatsApp Chat - Ana/_chat.txt', reason: expect.stringMatching(/^the file is UTF-16 text \(little-endian, byte order mark FF FE\)/u) }]);
    } finally {
      archive.close();
    }
  });

  it('says why a zip holding only a UTF-16 chat has nothing to import', async () => {
    const archive = await open(buildZip([{ name: '_chat.txt', data: utf16Chat, deflate: true }]));
    try {
      const survey = await surveyZip(archive, PARSERS);
      expect(explainNothingRecognised(survey, archive.entries.length)).toMatch(/none of them an export Threadline recognises; _chat\.txt cannot be read: the file is UTF-16 text/u);
    } finally {
      archive.close();
    }
  });
});
