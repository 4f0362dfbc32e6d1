import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/errors.ts';
import { createCsvParser, csvParser, readCsvTimestamp, sniffCsvColumns, sniffCsvLayout, validateCsvMapping } from '../../../../../workers/import/csv/index.ts';
import type { CsvMapping } from '../../../../../workers/import/csv/index.ts';
import { collectingSink, headOf, inputFromBytes, inputFromFile, inputFromText, runParser } from '../../../../support/parser-harness.ts';

const FIXTURES = path.resolve(process.cwd(), 'fixtures/csv');
const fixture = (name: string): string => path.join(FIXTURES, name);
const MAPPING: CsvMapping = { timestamp: 'sent_at', sender: 'from', text: 'body', chat: 'thread', direction: 'dir', timestampFormat: 'iso' };

describe('CSV with a column mapping', () => {
  it('counts lines the same for LF and CRLF files and for a last line without a line end', async () => {
    const mapping: CsvMapping = { timestamp: 't', text: 'x' };
    for (const end of ['\n', '\r\n']) {
      const result = await runParser(createCsvParser(mapping), inputFromText(['t,x', '1,"a', 'b"', '2,c'].join(end)));
      expect(result.messages.map((message) => (message.locator.kind === 'csv-row' ? [message.locator.row, message.locator.line, message.text] : null))).toEqual([
        [2, 2, `a${end}b`],
        [3, 4, 'c'],
      ]);
    }
  });

  it('makes one record per data row with csv-row locators (row counts the header as 1)', async () => {
    const result = await runParser(createCsvParser(MAPPING), inputFromFile(fixture('messages.csv'), { forbidReadAll: true }));
    expect(result.messages.map((message) => (message.locator.kind === 'csv-row' ? [message.locator.row, message.locator.line, message.kind] : null))).toEqual([
      [2, 2, 'message'],
      [3, 3, 'message'],
      [4, 4, 'message'],
      [6, 7, 'message'],
      [7, 8, 'unparsed'],
      [8, 9, 'message'],
    ]);
    expect(result.outcome.details).toMatchObject({ messages: 5, unparsed: 1, blankRows: 1, undatedRows: 1, complete: true });
  });

  it('reads ISO times: with a zone as instants, without as wall clock', async () => {
    const { messages } = await runParser(createCsvParser(MAPPING), inputFromFile(fixture('messages.csv')));
    expect(messages[0]?.time).toEqual({ utcMs: Date.UTC(2024, 3, 5, 21) });
    expect(messages[1]?.time).toEqual({ utcMs: Date.UTC(2024, 3, 5, 18, 1) });
    expect(messages[2]?.time).toEqual({ wall: { year: 2024, month: 4, day: 5, hour: 21, minute: 2, second: 0 } });
    expect(messages[2]?.timestampText).toBe('2024-04-05 21:02:00');
  });

  it('reads zone-less times as UTC when the mapping says the file is zone-aware', async () => {
    const { messages } = await runParser(createCsvParser({ ...MAPPING, timeZoneAware: true }), inputFromFile(fixture('messages.csv')));
    expect(messages[2]?.time).toEqual({ utcMs: Date.UTC(2024, 3, 5, 21, 2) });
  });

  it('reads quoted fields, doubled quotes and line breaks inside a field', async () => {
    const { messages } = await runParser(createCsvParser(MAPPING), inputFromFile(fixture('messages.csv')));
    expect(messages[1]).toMatchObject({ text: 'Da, la gară', sender: 'me', direction: 'outgoing', chatKey: 'Dorin' });
    expect(messages[2]?.text).toBe('Adu "actele"\r\nși banii');
    expect(messages[2]?.direction).toBe('incoming');
    expect(messages[2]?.extra).toEqual({ note: 'two lines' });
  });

  it('keeps a row with the wrong number of fields as unparsed with its raw line', async () => {
    const result = await runParser(createCsvParser(MAPPING), inputFromFile(fixture('messages.csv')));
    const bad = result.messages.find((message) => message.kind === 'unparsed');
    expect(bad).toMatchObject({ text: '2024-04-05T21:04:00Z,Dorin,too,many,fields,here,now', reason: expect.stringContaining('7 fields but the header has 6') });
    expect(bad?.locator).toMatchObject({ kind: 'csv-row', line: 8 });
    // Regression: the parser also warned about the row, so the case listed each unparsed row twice
    // (the import worker reports every unparsed record with its reason and place).
    expect(result.warnings.filter((warning) => warning.place.startsWith('messages.csv:8'))).toEqual([]);
  });

  it('imports a row whose time cannot be read without a time, and says why', async () => {
    const result = await runParser(createCsvParser(MAPPING), inputFromFile(fixture('messages.csv')));
    const undated = result.messages[3];
    expect(undated).toMatchObject({ kind: 'message', time: null, timestampText: 'yesterday', text: 'time unreadable' });
    expect(undated?.extra?.['timestampProblem']).toContain('not an ISO 8601 date');
  });

  it('keeps an unknown direction word and an empty sender as absent', async () => {
    const { messages } = await runParser(createCsvParser(MAPPING), inputFromFile(fixture('messages.csv')));
    expect(messages[5]).toMatchObject({ sender: null, direction: null, chatKey: '(no chat)' });
    expect(messages[5]?.extra?.['directionText']).toBe('sideways');
  });

  it('reads a semicolon file with day-first dates, 12-hour times and two-digit years', async () => {
    const result = await runParser(createCsvParser({ timestamp: 'Datum', sender: 'Absender', text: 'Nachricht', timestampFormat: 'dmy', delimiter: ';' }), inputFromFile(fixture('dmy-semicolon.csv')));
    expect(result.messages.map((message) => message.time)).toEqual([
      { wall: { year: 2024, month: 4, day: 5, hour: 21, minute: 14, second: 0 } },
      { wall: { year: 2024, month: 4, day: 6, hour: 21, minute: 5, second: 0 } },
      null,
    ]);
    expect(result.messages[0]?.text).toBe('Arbeit in Deutschland, 2000€');
    expect(result.chats).toEqual([{ key: 'dmy-semicolon.csv', title: 'dmy-semicolon.csv', kind: 'unknown' }]);
  });

  it('keeps the rest of a file swallowed by an unclosed quote as one unparsed record', async () => {
    const result = await runParser(createCsvParser({ timestamp: 'time', sender: 'user', text: 'text', timestampFormat: 'unix-s' }), inputFromFile(fixture('unclosed-quote.csv')));
    expect(result.messages.map((message) => message.kind)).toEqual(['message', 'unparsed']);
    expect(result.messages[0]?.time).toEqual({ utcMs: 1712340000000 });
    expect(result.messages[1]).toMatchObject({ text: '1712340060,b,"never closed\n1712340120,c,swallowed', locator: { kind: 'csv-row', row: 3, line: 3 } });
    expect(result.messages[1]?.reason).toContain('Quote Not Closed');
  });

  it('gives the same records whatever the chunk size', async () => {
    const whole = await runParser(createCsvParser(MAPPING), inputFromFile(fixture('messages.csv')));
    const tiny = await runParser(createCsvParser(MAPPING), inputFromFile(fixture('messages.csv'), { chunkBytes: 2 }));
    expect(tiny.messages).toEqual(whole.messages);
  });

  it('matches header names loosely and columns by index', async () => {
    const csv = ' Time , Who ,What\n1712340000000,a,b\n';
    const byName = await runParser(createCsvParser({ timestamp: 'time', sender: 'WHO', text: 'What' }), inputFromText(csv));
    const byIndex = await runParser(createCsvParser({ timestamp: 0, sender: 1, text: 2 }), inputFromText(csv));
    expect(byName.messages[0]).toMatchObject({ sender: 'a', text: 'b', time: { utcMs: 1712340000000 } });
    expect(byIndex.messages).toEqual(byName.messages);
  });

  it('keeps every unmapped cell when two columns share a name', async () => {
    const { messages } = await runParser(createCsvParser({ timestamp: 't', text: 'x' }), inputFromText('t,x,note,note\n1,a,first,second\n'));
    expect(messages[0]?.extra).toEqual({ note: 'first', 'note (column 4)': 'second' });
  });

  it('keeps a "__proto__" column as data', async () => {
    const { messages } = await runParser(createCsvParser({ timestamp: 't', text: 'x' }), inputFromText('t,x,__proto__\n1,a,b\n'));
    expect(messages[0]?.extra?.['__proto__']).toBe('b');
  });

  it('regression: keeps text, sender, time text and other cells exactly as in the cell (spaces and newlines are evidence)', async () => {
    const mapping: CsvMapping = { timestamp: ' t ', sender: 'from', text: 'x', chat: 'c', direction: 'd' };
    const csv = ['t ,from,x,c,d,note', '2024-04-05T21:00:00Z , Ana ,"  two spaces, then a line\n",  room 1 , in ,  kept  ', '2024-04-05T21:01:00Z,Ana,"\n  indented",room 1,out,'].join('\n');
    const { messages } = await runParser(createCsvParser(mapping), inputFromText(csv));
    expect(messages[0]).toMatchObject({ text: '  two spaces, then a line\n', sender: 'Ana', timestampText: '2024-04-05T21:00:00Z ', time: { utcMs: Date.UTC(2024, 3, 5, 21) }, direction: 'incoming', extra: { note: '  kept  ', senderAsWritten: ' Ana ' } });
    expect(messages[1]).toMatchObject({ text: '\n  indented', sender: 'Ana', direction: 'outgoing' });
    // Lookups may use the trimmed form: the header name, the chat key, the direction words.
    expect(messages.map((message) => message.chatKey)).toEqual(['room 1', 'room 1']);
  });
});

describe('CSV errors', () => {
  it('throws naming a mapped column the header lacks', async () => {
    const error = await runParser(createCsvParser({ ...MAPPING, text: 'content' }), inputFromFile(fixture('messages.csv'))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('E_IMPORT_FORMAT');
    expect((error as AppError).message).toContain('the text column "content" is not in the header');
  });

  it('validates the mapping at the edge', () => {
    expect(() => createCsvParser({ timestamp: '', text: 'b' })).toThrow(AppError);
    expect(() => validateCsvMapping({ timestamp: 'a', text: 'b', timestampFormat: 'epoch' })).toThrow(/timestampFormat/u);
    expect(() => validateCsvMapping({ timestamp: 'a', text: 'b', extra: 1 })).toThrow(AppError);
    expect(validateCsvMapping({ timestamp: 'a', text: 2 })).toEqual({ timestamp: 'a', text: 2 });
  });

  it('throws for a file with no header row, and warns for one with no data rows', async () => {
    await expect(runParser(createCsvParser(MAPPING), inputFromText(''))).rejects.toMatchObject({ code: 'E_IMPORT_FORMAT' });
    const result = await runParser(createCsvParser({ timestamp: 'a', text: 'b' }), inputFromText('a,b\n'));
    expect(result.warnings).toEqual([{ place: 'input', message: 'the file has a header row but no data rows' }]);
  });

  it('reports invalid UTF-8 with its byte offset', async () => {
    const head = new TextEncoder().encode('t,x\n1712340000000,a');
    const result = await runParser(createCsvParser({ timestamp: 't', text: 'x' }), inputFromBytes(new Uint8Array([...head, 0xff, 0x62, 0x0a])));
    expect(result.messages[0]?.text).toBe('a\uFFFDb');
    expect(result.warnings.some((warning) => warning.message.includes(`byte offset ${head.length}`))).toBe(true);
  });

  it('never sniffs, and the mapping-less parser says a mapping is needed', async () => {
    expect(csvParser.sniff(new TextEncoder().encode('a,b\n1,2\n'), 'x.csv')).toBe(false);
    expect(createCsvParser(MAPPING).sniff(new TextEncoder().encode('a,b\n1,2\n'), 'x.csv')).toBe(false);
    await expect(csvParser.parse(inputFromText('a,b\n'), collectingSink(), {})).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});

describe('sniffCsvColumns and timestamps', () => {
  it('takes a year 0000–0099 as written (Date.UTC read 0024 as 1924) and knows year 0 is a leap year', () => {
    expect(readCsvTimestamp('0024-01-01T10:00:00+02:00', 'iso', false).time).toEqual({ utcMs: Date.parse('0024-01-01T08:00:00Z') });
    expect(readCsvTimestamp('0024/01/01 10:00', 'ymd', true).time).toEqual({ utcMs: Date.parse('0024-01-01T10:00:00Z') });
    expect(readCsvTimestamp('0000-02-29T10:00:00Z', 'iso', false).time).toEqual({ utcMs: Date.parse('0000-02-29T10:00:00Z') });
  });

  it('returns the trimmed header names and guesses the delimiter', () => {
    expect(sniffCsvColumns(headOf(fixture('messages.csv')))).toEqual(['sent_at', 'from', 'body', 'thread', 'dir', 'note']);
    expect(sniffCsvLayout(headOf(fixture('dmy-semicolon.csv')))).toEqual({ columns: ['Datum', 'Absender', 'Nachricht'], delimiter: ';' });
    expect(sniffCsvColumns(new TextEncoder().encode('"a, b",c\n'))).toEqual(['a, b', 'c']);
    expect(sniffCsvColumns(new Uint8Array())).toEqual([]);
  });

  it('reads each timestamp format', () => {
    expect(readCsvTimestamp('1618158296487.00', 'unix-ms', false).time).toEqual({ utcMs: 1618158296487 });
    expect(readCsvTimestamp('1618158296.5', 'unix-s', false).time).toEqual({ utcMs: 1618158296500 });
    expect(readCsvTimestamp('1618158296', undefined, false).time).toEqual({ utcMs: 1618158296000 });
    expect(readCsvTimestamp('1618158296487', undefined, false).time).toEqual({ utcMs: 1618158296487 });
    expect(readCsvTimestamp('04/05/2024 9:05 am', 'mdy', false).time).toEqual({ wall: { year: 2024, month: 4, day: 5, hour: 9, minute: 5, second: 0 } });
    expect(readCsvTimestamp('2024/04/05 12:00:30', 'ymd', true).time).toEqual({ utcMs: Date.UTC(2024, 3, 5, 12, 0, 30) });
    expect(readCsvTimestamp('2024-04-05T21:00:00.250-0130', 'iso', false).time).toEqual({ utcMs: Date.UTC(2024, 3, 5, 22, 30, 0, 250) });
    expect(readCsvTimestamp('13/13/2024', 'dmy', false).problem).toContain('not a valid dmy date');
    expect(readCsvTimestamp('soon', undefined, false).problem).toContain('choose a timestamp format');
  });

  it('reads unmarked Unix microseconds and nanoseconds by their size, not as milliseconds (FORMATS.md §0.2)', () => {
    expect(readCsvTimestamp('1618158296487123', undefined, false).time).toEqual({ utcMs: 1618158296487 });
    expect(readCsvTimestamp('1618158296487123456', undefined, false).time).toEqual({ utcMs: 1618158296487 });
  });
});
