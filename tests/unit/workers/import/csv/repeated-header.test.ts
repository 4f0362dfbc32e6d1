import { describe, expect, it } from 'vitest';
import { createCsvParser } from '../../../../../workers/import/csv/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Exports joined into one file (two CSV reports of one phone, concatenated by a tool or with
 * `cat`) repeat the header row in the middle, often with the second file's BOM. That row was
 * imported as a message "text" from "from" with an unreadable time: a message the phone never
 * had. It is now an unparsed record with its raw text, saying it repeats the header.
 */
describe('CSV header row repeated inside the file', () => {
  it('keeps a repeated header as unparsed, not as a message', async () => {
    const csv = ['time,from,text', '2024-01-01T10:00:00Z,Ana,hi', '\uFEFFtime, From ,text', '2024-01-01T10:00:01Z,Bob,yo'].join('\r\n');
    const result = await runParser(createCsvParser({ timestamp: 'time', sender: 'from', text: 'text' }), inputFromText(csv, { displayName: 'joined.csv' }));
    expect(result.messages.map((message) => [message.kind, message.sender, message.text, message.locator.kind === 'csv-row' ? message.locator.row : null])).toEqual([
      ['message', 'Ana', 'hi', 2],
      ['unparsed', null, '\uFEFFtime, From ,text', 3],
      ['message', 'Bob', 'yo', 4],
    ]);
    expect(result.messages[1]?.reason).toContain('repeats the header row');
    expect(result.outcome.details).toMatchObject({ messages: 2, unparsed: 1, undatedRows: 0 });
  });
});

describe('CSV one-column file', () => {
  it('keeps a message that is the word its single header is', async () => {
    const { messages } = await runParser(createCsvParser({ timestamp: 0, text: 0 }), inputFromText('text\ntext\n'));
    expect(messages.map((message) => [message.kind, message.text])).toEqual([['message', 'text']]);
  });
});
