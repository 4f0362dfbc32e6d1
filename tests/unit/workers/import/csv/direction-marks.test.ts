import { describe, expect, it } from 'vitest';
import { createCsvParser } from '../../../../../workers/import/csv/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A direction cell copied from a phone app or an RTL report may carry invisible direction marks
 * ("\u200eIncoming", FORMATS.md §0.3). The word was not recognised, so the message had no
 * direction; the words are now matched without the marks (the cell is kept as written when unknown).
 */
describe('CSV direction words with invisible marks', () => {
  it('reads a direction word wrapped in direction marks', async () => {
    const csv = 't,x,d\n1704103200,a,\u200eIncoming\n1704103201,b,\u202b Sent \u202c\n1704103202,c,\u200esideways\n';
    const { messages } = await runParser(createCsvParser({ timestamp: 't', text: 'x', direction: 'd' }), inputFromText(csv));
    expect(messages.map((message) => [message.direction, message.extra?.['directionText']])).toEqual([
      ['incoming', undefined],
      ['outgoing', undefined],
      [null, '\u200esideways'],
    ]);
  });
});
