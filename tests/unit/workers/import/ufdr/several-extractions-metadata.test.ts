import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { CELLEBRITE_NS } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A report of several extractions (a logical and a file-system one of the same phone) writes the
 * Extraction Data and Device Info items once per extraction, told apart by `sourceExtraction`
 * (FORMATS.md §7.2). Keyed by name alone, the last extraction's value replaced the first's.
 */

const XML = [
  '<?xml version="1.0" encoding="utf-8"?>',
  `<project id="r" reportVersion="7.60.0.1" extractionType="x" xmlns="${CELLEBRITE_NS}">`,
  '<sourceExtractions><extractionInfo id="0" name="Logical" type="Logical"/><extractionInfo id="1" name="File System" type="FileSystem"/></sourceExtractions>',
  '<metadata section="Extraction Data"><item name="DeviceInfoExtractionStartDateTime" sourceExtraction="0"><![CDATA[09.09.2020 19:33:13(UTC+0)]]></item></metadata>',
  '<metadata section="Extraction Data"><item name="DeviceInfoExtractionStartDateTime" sourceExtraction="1"><![CDATA[10.09.2020 08:00:00(UTC+0)]]></item></metadata>',
  '<metadata section="Device Info"><item name="DeviceInfoTimeZone" sourceExtraction="0">Europe/Bucharest</item><item name="DeviceInfoTimeZone" sourceExtraction="1">Europe/Bucharest</item></metadata>',
  '<decodedData/></project>',
].join('\n');

describe('Cellebrite report of several extractions', () => {
  it('keeps each extraction\'s metadata item, not only the last', async () => {
    const { outcome } = await runParser(ufdrReportParser, inputFromText(XML, { displayName: 'report.xml' }));
    expect(outcome.details?.['metadata']).toEqual({
      'Extraction Data': {
        DeviceInfoExtractionStartDateTime: '09.09.2020 19:33:13(UTC+0)',
        'DeviceInfoExtractionStartDateTime (sourceExtraction 1)': '10.09.2020 08:00:00(UTC+0)',
      },
      'Device Info': { DeviceInfoTimeZone: 'Europe/Bucharest' },
    });
  });
});
