import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/errors.ts';
import { createCsvParser, sniffCsvLayout } from '../../../../../workers/import/csv/index.ts';
import { inputFromBytes, runParser } from '../../../../support/parser-harness.ts';

/**
 * Excel's "Unicode text" and many Windows tools save a CSV as UTF-16. csv-parse reads UTF-16LE
 * after its byte order mark, but the UTF-8 check then warned that the mark's two bytes were
 * invalid UTF-8, the column sniffer showed the header as NUL-laden garbage, and csv-parse's raw
 * text of a row (an unparsed row's text, the count of its lines) was misdecoded. UTF-16 it cannot
 * read (big-endian, or without a mark) was imported with a NUL between every two characters: every
 * text altered, every time unreadable, and nothing said why.
 */

const CSV = 'time\tfrom\ttext\r\n2024-01-01T10:00:00Z\tAna\tBună 😀\r\n';
const MAPPING = { timestamp: 'time', sender: 'from', text: 'text', delimiter: '\t' };
const utf16le = (text: string): Buffer => Buffer.from(text, 'utf16le');

describe('CSV saved as UTF-16', () => {
  it('reads UTF-16LE after its byte order mark without a warning about UTF-8', async () => {
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(CSV)]));
    const result = await runParser(createCsvParser(MAPPING), inputFromBytes(bytes, { displayName: 'export.csv' }));
    expect(result.messages.map((message) => [message.sender, message.text, message.time])).toEqual([['Ana', 'Bună 😀', { utcMs: Date.UTC(2024, 0, 1, 10) }]]);
    expect(result.warnings).toEqual([]);
  });

  it('keeps the raw text of an unparsed UTF-16LE row and the lines of rows after a cell of two lines, however the bytes are cut', async () => {
    const csv = 'time\tfrom\ttext\r\n2024-01-01T10:00:00Z\tAna\t"two\r\nlines é"\r\n2024-01-01T10:00:01Z\tBob\tx\ttoo many\r\n2024-01-01T10:00:02Z\tCy\tz\r\n';
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(csv)]));
    for (const chunkBytes of [9, 64 * 1024]) {
      const result = await runParser(createCsvParser({ ...MAPPING, delimiter: '\t' }), inputFromBytes(bytes, { displayName: 'export.csv', chunkBytes }));
      expect(result.messages.map((message) => [message.kind, message.text, message.locator])).toEqual([
        ['message', 'two\r\nlines é', { kind: 'csv-row', file: 'export.csv', row: 2, line: 2 }],
        ['unparsed', '2024-01-01T10:00:01Z\tBob\tx\ttoo many', { kind: 'csv-row', file: 'export.csv', row: 3, line: 4 }],
        ['message', 'z', { kind: 'csv-row', file: 'export.csv', row: 4, line: 5 }],
      ]);
    }
  });

  it('shows the header of a UTF-16 file with a byte order mark to the mapping UI', () => {
    const little = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(CSV)]));
    expect(sniffCsvLayout(little)).toEqual({ columns: ['time', 'from', 'text'], delimiter: '\t' });
    const big = new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16le(CSV).swap16()]));
    expect(sniffCsvLayout(big)).toEqual({ columns: ['time', 'from', 'text'], delimiter: '\t' });
  });

  it('refuses UTF-16 it cannot read (big-endian, no byte order mark) with a clear error instead of NUL-laden text', async () => {
    const big = new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16le(CSV).swap16()]));
    const bare = new Uint8Array(utf16le(CSV));
    for (const bytes of [big, bare]) {
      const failure = await runParser(createCsvParser({ timestamp: 0, sender: 1, text: 2, delimiter: '\t' }), inputFromBytes(bytes, { displayName: 'export.csv' })).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AppError);
      expect((failure as AppError).message).toMatch(/^export\.csv: the file is UTF-16 text \((big|little)-endian.*convert it to UTF-8/u);
    }
  });
});
