import { describe, expect, it } from 'vitest';
import { createCsvParser, sniffCsvLayout } from '../../../../../workers/import/csv/index.ts';
import { detectFormat } from '../../../../../workers/import/detect-format.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';

/**
 * Forensic tools' CSV reports put a title and case lines above the header ("Chats report",
 * "Case: 42, Exhibit 7"). The first row was always taken as the header, so such a report was
 * refused ('the timestamp column "time" is not in the header (columns: "Chats report")') and could
 * only be imported after editing the evidence. The header is now the first row that holds the
 * mapped columns (within the first rows); the lines above it are kept as unparsed records with
 * their raw text, so nothing is dropped.
 */
describe('CSV title lines above the header', () => {
  const mapping = { timestamp: 'time', sender: 'from', text: 'text' };

  it('finds the header below a title and case lines and keeps those lines as unparsed', async () => {
    const csv = ['Chats report', 'Case: 42, Exhibit 7', '', 'time,from,text', '2024-01-01T10:00:00Z,Ana,hi'].join('\r\n');
    const result = await runParser(createCsvParser(mapping), inputFromText(csv, { displayName: 'report.csv' }));
    expect(result.messages.map((message) => [message.kind, message.text, message.locator])).toEqual([
      ['unparsed', 'Chats report', { kind: 'csv-row', file: 'report.csv', row: 1, line: 1 }],
      ['unparsed', 'Case: 42, Exhibit 7', { kind: 'csv-row', file: 'report.csv', row: 2, line: 2 }],
      ['message', 'hi', { kind: 'csv-row', file: 'report.csv', row: 5, line: 5 }],
    ]);
    expect(result.messages[0]?.reason).toContain('above the header row');
    expect(result.outcome.details).toMatchObject({ columns: ['time', 'from', 'text'], messages: 1, unparsed: 2, blankRows: 1 });
  });

  it('still refuses, naming the first row, when no row holds the mapped columns', async () => {
    const error = await runParser(createCsvParser({ ...mapping, text: 'body' }), inputFromText('Chats report\ntime,from,text\n2024-01-01T10:00:00Z,Ana,hi\n')).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_IMPORT_FORMAT', message: 'input:1: the timestamp column "time" is not in the header (columns: "Chats report")' });
  });
});

/**
 * The mapping UI and "Check" read the header with sniffCsvLayout, which took the first row with
 * content: for such a report it offered the title ("Chats report") as the only column, and a
 * mapping of the real columns was "not a CSV with the mapped columns" although Import read the
 * file. The sniffer now finds the header row by the import's rule.
 */
describe('CSV title lines above the header, in the mapping UI', () => {
  const report = ['Chats report', 'Case: 42, Exhibit 7', '', 'Datum;Absender;Nachricht', '05.01.2024 14:03;Ana;hallo'].join('\r\n');

  it('offers the header below the title, with its delimiter', () => {
    expect(sniffCsvLayout(new TextEncoder().encode(report))).toEqual({ columns: ['Datum', 'Absender', 'Nachricht'], delimiter: ';' });
  });

  it('with a mapping, takes the row the import takes', () => {
    const mapping = { timestamp: 'datum', text: 'Nachricht', delimiter: ';' };
    expect(sniffCsvLayout(new TextEncoder().encode(report), ';', 'utf-8', mapping).columns).toEqual(['Datum', 'Absender', 'Nachricht']);
  });

  it('lets "Check" recognise the report the import reads', async () => {
    const folder = tempFolder();
    const path = writeTemp(folder, 'report.csv', Buffer.from(report));
    const mapping = { timestamp: 'Datum', sender: 'Absender', text: 'Nachricht', delimiter: ';', timestampFormat: 'dmy' };
    expect(await detectFormat(path, mapping)).toMatchObject({ format: 'csv' });
    const result = await runParser(createCsvParser({ timestamp: 'Datum', sender: 'Absender', text: 'Nachricht', delimiter: ';', timestampFormat: 'dmy' }), inputFromText(report));
    expect(result.outcome.details).toMatchObject({ columns: ['Datum', 'Absender', 'Nachricht'], messages: 1 });
  });
});

describe('CSV header without a mapping, in the mapping UI', () => {
  it('does not offer a data row as the header when the rows are wider than it (unquoted commas in the text)', () => {
    const csv = 'time,from,text\n2024-01-01,Ana,hi, there\n2024-01-02,Bo,yes, no\n';
    expect(sniffCsvLayout(new TextEncoder().encode(csv)).columns).toEqual(['time', 'from', 'text']);
  });
});
