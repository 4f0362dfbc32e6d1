import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import { modelType, report, sms } from '../../../../support/ufdr-report-builder.ts';
import { buildZip } from '../../../../support/zip-writer.ts';

/**
 * An unzipped UFDR lists the files beside report.xml that the report names nowhere (the engine's
 * cellebrite-folder.ts). The same files inside a .ufdr zip were passed over without a word: a
 * photo the report does not reference was neither imported nor mentioned. They are now named in a
 * warning and counted in the details, the same files the folder path lists.
 */

const PHOTO = new TextEncoder().encode('JPEG bytes of a photo the report names');
const STRAY = new TextEncoder().encode('JPEG bytes of a photo the report never names');

const REPORT = report({
  files: [{ id: 'f-1', localPath: 'files/Image/named.jpg', bytes: PHOTO }],
  decoded: [modelType('SMS', [sms({ id: 's1', folder: 'Inbox', time: '2024-05-02T10:00:00+00:00', body: 'hello', parties: [{ id: '+40711111111', role: 'From' }] })])],
});

async function parseInZip(entries: { name: string; data: string | Uint8Array }[], reportName = 'report.xml'): ReturnType<typeof runParser> {
  const zip = writeTemp(tempFolder(), 'PH-07.ufdr', buildZip(entries));
  return runParser(ufdrReportParser, { ...inputFromText(REPORT, { displayName: reportName }), path: `${zip}!/${reportName}` });
}

describe('Cellebrite UFDR zip entries the report names nowhere', () => {
  it('names them in a warning and counts them, and leaves out the report and the files it names', async () => {
    const result = await parseInZip([
      { name: 'report.xml', data: REPORT },
      { name: 'files/Image/named.jpg', data: PHOTO },
      { name: 'files/Image/stray.jpg', data: STRAY },
      { name: 'ThumbnailCache.s3dd', data: STRAY },
    ]);
    expect(result.messages).toHaveLength(1);
    const warning = result.warnings.find((item) => item.message.includes('named nowhere'));
    expect(warning?.message).toContain('files/Image/stray.jpg');
    expect(warning?.message).toContain('ThumbnailCache.s3dd');
    expect(warning?.message).not.toContain('named.jpg');
    expect(result.outcome.details).toMatchObject({ unreferencedEntries: 2, unreferencedEntryNames: ['files/Image/stray.jpg', 'ThumbnailCache.s3dd'] });
  });

  it('says nothing when the report names every entry, and looks only below the report\'s folder', async () => {
    const result = await parseInZip(
      [
        { name: 'PH-07/report.xml', data: REPORT },
        { name: 'PH-07/files/Image/named.jpg', data: PHOTO },
        { name: 'other/report.xml', data: REPORT },
      ],
      'PH-07/report.xml',
    );
    expect(result.warnings.filter((item) => item.message.includes('named nowhere'))).toEqual([]);
    expect(result.outcome.details).toMatchObject({ unreferencedEntries: 0, unreferencedEntryNames: [] });
  });
});
