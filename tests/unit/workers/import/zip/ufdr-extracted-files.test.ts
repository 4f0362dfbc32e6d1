import { describe, expect, it } from 'vitest';
import { PARSERS } from '../../../../../workers/import/parsers.ts';
import { ZipArchive } from '../../../../../workers/import/zip/zip-archive.ts';
import { surveyZip } from '../../../../../workers/import/zip/zip-source.ts';
import { whatsappText } from '../../../../support/hostile-corpus/seeds.ts';
import { nestedZip } from '../../../../support/hostile-corpus/zips.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import { modelType, report, sms } from '../../../../support/ufdr-report-builder.ts';
import { buildZip } from '../../../../support/zip-writer.ts';
import type { TestZipEntry } from '../../../../support/zip-writer.ts';

/**
 * A .ufdr is a zip of report.xml and the files the phone's extraction held: its databases
 * (files/Database/msgstore.db), its text files, its archives. The report decodes those databases
 * already, so they are its files, not exports of their own: an unzipped UFDR folder is one
 * source, its report (collect-files.ts), "otherwise ... a copied database imported twice". In a
 * .ufdr zip every entry an importer recognised was imported beside report.xml, so each WhatsApp
 * chat came twice into one source, and a zip among the extracted files was reported as a zip to
 * extract and import.
 */

const REPORT = report({ decoded: [modelType('SMS', [sms({ id: 's1', folder: 'Inbox', time: '2024-05-02T10:00:00+00:00', body: 'hello', parties: [{ id: '+40711111111', role: 'From' }] })])] });
const CHAT_TXT = whatsappText();

async function survey(entries: TestZipEntry[]): Promise<{ recognised: string[]; nested: string[] }> {
  const archive = await ZipArchive.open(writeTemp(tempFolder(), 'PH-07.ufdr', buildZip(entries)));
  try {
    const found = await surveyZip(archive, PARSERS);
    return { recognised: found.recognised.map((item) => `${item.entry.name} ${item.parser.format}`), nested: found.nested };
  } finally {
    archive.close();
  }
}

describe('a .ufdr zip: the files below report.xml are its files, not exports', () => {
  it('imports report.xml alone, not the exports and zips among its extracted files', async () => {
    const found = await survey([
      { name: 'report.xml', data: REPORT },
      { name: 'files/Text/_chat.txt', data: CHAT_TXT },
      { name: 'files/Archives/backup.zip', data: nestedZip(1, [{ name: '_chat.txt', data: CHAT_TXT }]) },
    ]);
    expect(found).toEqual({ recognised: ['report.xml cellebrite-ufdr'], nested: [] });
  });

  it('still imports an export beside the report folder, outside it', async () => {
    const found = await survey([
      { name: 'PH-07/report.xml', data: REPORT },
      { name: 'PH-07/files/Text/_chat.txt', data: CHAT_TXT },
      { name: 'WhatsApp/_chat.txt', data: CHAT_TXT },
    ]);
    expect(found.recognised).toEqual(['PH-07/report.xml cellebrite-ufdr', 'WhatsApp/_chat.txt whatsapp-txt']);
  });
});

describe('a .ufdr zip with more extracted files than the survey looks at', () => {
  it('finds report.xml written after them, and does not count the report\'s files as not looked at', async () => {
    const extracted: TestZipEntry[] = Array.from({ length: 12 }, (_, index) => ({ name: `files/Database/app-${index}.db`, data: `not a database ${index}` }));
    const archive = await ZipArchive.open(writeTemp(tempFolder(), 'PH-07.ufdr', buildZip([...extracted, { name: 'report.xml', data: REPORT }])));
    try {
      const found = await surveyZip(archive, PARSERS, 5);
      expect(found.recognised.map((item) => item.entry.name)).toEqual(['report.xml']);
      expect(found.notLookedAt).toBe(0);
    } finally {
      archive.close();
    }
  });
});
