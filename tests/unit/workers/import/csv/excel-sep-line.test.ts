import { describe, expect, it } from 'vitest';
import { createCsvParser, sniffCsvLayout } from '../../../../../workers/import/csv/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Excel in European locales writes (and reads) a first line "sep=;" naming the delimiter. The
 * mapping UI offered ["sep=", ""] as the columns; it now takes the delimiter from that line and
 * the header from the line after it. The import keeps the line as an unparsed record above the header.
 */
describe('CSV with Excel\'s "sep=" line', () => {
  const file = 'sep=;\r\nDatum;Absender;Nachricht\r\n05.01.2024 14:03;Ana;hallo, du\r\n';

  it('offers the header after the line, with the delimiter it names', () => {
    expect(sniffCsvLayout(new TextEncoder().encode(file))).toEqual({ columns: ['Datum', 'Absender', 'Nachricht'], delimiter: ';' });
    expect(sniffCsvLayout(new TextEncoder().encode('\uFEFFsep=|\nA|B\n'))).toEqual({ columns: ['A', 'B'], delimiter: '|' });
  });

  it('imports the rows below it, keeping the line itself as unparsed', async () => {
    const result = await runParser(createCsvParser({ timestamp: 'Datum', sender: 'Absender', text: 'Nachricht', timestampFormat: 'dmy', delimiter: ';' }), inputFromText(file));
    expect(result.messages.map((message) => [message.kind, message.text])).toEqual([['unparsed', 'sep=;'], ['message', 'hallo, du']]);
  });
});
