import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import { modelType, report, sms } from '../../../../support/ufdr-report-builder.ts';
import { buildZip } from '../../../../support/zip-writer.ts';

/**
 * A Physical Analyzer 10.7 UFDR holds files for Cellebrite's own reader beside the device data:
 * settings.json, DbData/database.db (a PostgreSQL dump) with DbData/database.json, and
 * ThumbnailCache.s3db (a public description of five real UFDRs lists them). They were named among
 * the device files the report skips, as if device data had been passed over. They are still
 * named, but as the reader's own files, and a device file the report skips stays named first.
 */
const REPORT = report({ decoded: [modelType('SMS', [sms({ id: 's1', folder: 'Inbox', time: '2024-05-02T10:00:00+00:00', body: 'hello', parties: [{ id: '+40711111111', role: 'From' }] })])] });
const BYTES = new TextEncoder().encode('bytes');

async function warningFor(names: string[]): Promise<string | undefined> {
  const zip = writeTemp(tempFolder(), 'PA10.ufdr', buildZip([{ name: 'report.xml', data: REPORT }, ...names.map((name) => ({ name, data: BYTES }))]));
  const result = await runParser(ufdrReportParser, { ...inputFromText(REPORT, { displayName: 'report.xml' }), path: `${zip}!/report.xml` });
  return result.warnings.find((item) => item.message.includes('named nowhere'))?.message;
}

describe('Cellebrite UFDR files written for the reader', () => {
  it('names them as the reader\'s own files, not as device data passed over', async () => {
    const readerFiles = ['settings.json', 'DbData/database.db', 'DbData/database.json', 'ThumbnailCache.s3db'];
    expect(await warningFor(readerFiles)).toBe(
      "4 entries of the UFDR are named nowhere in report.xml (no tagged file's Local Path, no attachment), so this report imports nothing from them; 4 of them are files Physical Analyzer writes for its own reader (viewer settings, case database, thumbnail cache), not device data: settings.json, DbData/database.db, DbData/database.json, ThumbnailCache.s3db",
    );
    expect(await warningFor(['files/Image/stray.jpg', 'settings.json'])).toBe(
      "2 entries of the UFDR are named nowhere in report.xml (no tagged file's Local Path, no attachment), so this report imports nothing from them: files/Image/stray.jpg; 1 of them is a file Physical Analyzer writes for its own reader (viewer settings, case database, thumbnail cache), not device data: settings.json",
    );
  });
});
