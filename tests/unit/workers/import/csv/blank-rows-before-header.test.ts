import { describe, expect, it } from 'vitest';
import { createCsvParser, sniffCsvLayout } from '../../../../../workers/import/csv/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Forensic tools' CSV reports and spreadsheets saved as CSV often start with empty lines (or a
 * row of empty cells, ",,") above the header. The first record was taken as the header, so such
 * a file was refused: 'the timestamp column "time" is not in the header (columns: "")'. Blank
 * rows above the header are blank rows, as they are below it; the header is the first row with
 * content, and rows and lines still count from the top of the file.
 */
describe('CSV blank rows above the header', () => {
  it('takes the first row with content as the header and counts the blank rows above it', async () => {
    const csv = ['', ',,', '  ', 'time,from,text', '2024-01-01T10:00:00Z,Ana,hi'].join('\r\n');
    const result = await runParser(createCsvParser({ timestamp: 'time', sender: 'from', text: 'text' }), inputFromText(csv, { displayName: 'report.csv' }));
    expect(result.messages.map((message) => [message.kind, message.sender, message.text, message.locator])).toEqual([
      ['message', 'Ana', 'hi', { kind: 'csv-row', file: 'report.csv', row: 5, line: 5 }],
    ]);
    expect(result.outcome.details).toMatchObject({ columns: ['time', 'from', 'text'], messages: 1, blankRows: 3 });
  });

  it('still refuses a file of blank rows only, for want of a header', async () => {
    await expect(runParser(createCsvParser({ timestamp: 'time', text: 'text' }), inputFromText('\n,,\n\n'))).rejects.toMatchObject({ code: 'E_IMPORT_FORMAT', message: expect.stringContaining('no header row') });
  });

  it('offers the header below blank rows to the mapping UI, with its delimiter', () => {
    expect(sniffCsvLayout(new TextEncoder().encode('\r\n;;\r\nDatum;Absender;Nachricht\r\n05.01.2024 14:03;a;b\r\n'))).toEqual({ columns: ['Datum', 'Absender', 'Nachricht'], delimiter: ';' });
  });
});
