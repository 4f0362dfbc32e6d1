import { describe, expect, it } from 'vitest';
import { createCsvParser, validateCsvMapping } from '../../../../../workers/import/csv/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A direction column is written in many conventions: words ("incoming", "sent"), Android's SMS
 * type (1 received, 2 sent), or a flag where 1 means sent (iOS `is_from_me`, WhatsApp
 * `key_from_me`). Read with the default words, a flag column came out reversed: every message the
 * owner sent was "incoming". The mapping can say which values mean which direction.
 */
const CSV = ['date,handle,is_from_me,text', '2024-01-01T10:00:00Z,+40700000001,0,where are you', '2024-01-01T10:00:01Z,+40700000001,1,at the station', '2024-01-01T10:00:02Z,+40700000001,2,?'].join('\n');

describe('CSV direction values', () => {
  it('reads a flag column by the values the mapping names, and keeps a value it names not', async () => {
    const mapping = { timestamp: 'date', sender: 'handle', text: 'text', direction: 'is_from_me', directionValues: { incoming: ['0'], outgoing: ['1'] } };
    const result = await runParser(createCsvParser(mapping), inputFromText(CSV, { displayName: 'chat.csv' }));
    expect(result.messages.map((message) => [message.text, message.direction, message.extra?.['directionText']])).toEqual([
      ['where are you', 'incoming', undefined],
      ['at the station', 'outgoing', undefined],
      ['?', null, '2'],
    ]);
  });

  it('matches the named values ignoring case and surrounding spaces', async () => {
    const csv = ['t,d,x', '2024-01-01T10:00:00Z, Recibido ,hola', '2024-01-01T10:00:01Z,ENVIADO,adiós'].join('\n');
    const mapping = { timestamp: 't', text: 'x', direction: 'd', directionValues: { incoming: ['recibido'], outgoing: ['enviado'] } };
    const result = await runParser(createCsvParser(mapping), inputFromText(csv, { displayName: 'es.csv' }));
    expect(result.messages.map((message) => message.direction)).toEqual(['incoming', 'outgoing']);
  });

  it('refuses a value named for both directions', () => {
    expect(() => validateCsvMapping({ timestamp: 'date', text: 'text', direction: 'd', directionValues: { incoming: ['1'], outgoing: ['1'] } })).toThrow(/both/u);
  });
});
