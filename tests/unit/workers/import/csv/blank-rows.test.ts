import { describe, expect, it } from 'vitest';
import { createCsvParser } from '../../../../../workers/import/csv/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A spreadsheet saved as CSV writes an empty row of its table as delimiters only (",,,"), not as
 * an empty line. Such a row was imported as a message: no sender, no text, no time, and a warning
 * that its timestamp cell was empty, a record the source does not have. It is a blank row, as an
 * empty line is; a row with any content (a continuation line with only text) stays a message.
 */

describe('CSV rows of empty cells', () => {
  it('counts a row of empty cells as a blank row, not as an empty message', async () => {
    const csv = ['time,from,text', '2024-01-01T10:00:00Z,Ana,hi', ',,', ' , ,\t', '', ',,and more', '2024-01-01T10:00:01Z,Bob,yo'].join('\r\n');
    const result = await runParser(createCsvParser({ timestamp: 'time', sender: 'from', text: 'text' }), inputFromText(csv, { displayName: 'sheet.csv' }));
    expect(result.messages.map((message) => [message.kind, message.sender, message.text, message.locator])).toEqual([
      ['message', 'Ana', 'hi', { kind: 'csv-row', file: 'sheet.csv', row: 2, line: 2 }],
      ['message', null, 'and more', { kind: 'csv-row', file: 'sheet.csv', row: 6, line: 6 }],
      ['message', 'Bob', 'yo', { kind: 'csv-row', file: 'sheet.csv', row: 7, line: 7 }],
    ]);
    expect(result.outcome.details).toMatchObject({ messages: 3, blankRows: 3, undatedRows: 1 });
  });
});
