import { describe, expect, it } from 'vitest';
import { createCsvParser } from '../../../../../workers/import/csv/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Some tools end every data row with the delimiter but not the header ("a,b,c" then "1,2,3,"):
 * each row then has one empty field more than the header. Such rows were all unparsed ("4 fields
 * but the header has 3"), a whole file of messages none of which could be read. The empty last
 * field holds nothing: the row is read, and the source's details count the rows that had it. A
 * last field that is not empty is still a row that does not fit, and stays unparsed.
 */
describe('CSV rows ending with a delimiter the header does not have', () => {
  const mapping = { timestamp: 'time', sender: 'from', text: 'text' };

  it('reads rows with one empty field more than the header, and counts them', async () => {
    const csv = ['time,from,text', '2024-01-01T10:00:00Z,Ana,hi,', '2024-01-01T10:00:01Z,Bob,"yo, there",', '2024-01-01T10:00:02Z,Cor,same'].join('\n');
    const result = await runParser(createCsvParser(mapping), inputFromText(csv, { displayName: 'report.csv' }));
    expect(result.messages.map((message) => [message.kind, message.sender, message.text])).toEqual([
      ['message', 'Ana', 'hi'],
      ['message', 'Bob', 'yo, there'],
      ['message', 'Cor', 'same'],
    ]);
    expect(result.outcome.details).toMatchObject({ messages: 3, trailingEmptyFieldRows: 2 });
  });

  it('keeps a row whose extra last field holds something unparsed', async () => {
    const csv = ['time,from,text', '2024-01-01T10:00:00Z,Ana,hi,there'].join('\n');
    const result = await runParser(createCsvParser(mapping), inputFromText(csv, { displayName: 'report.csv' }));
    expect(result.messages).toEqual([expect.objectContaining({ kind: 'unparsed', reason: expect.stringContaining('4 fields but the header has 3') as unknown })]);
  });
});
