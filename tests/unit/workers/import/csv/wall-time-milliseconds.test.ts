import { describe, expect, it } from 'vitest';
import { createCsvParser } from '../../../../../workers/import/csv/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A zone-less time with milliseconds ("2024-01-05T14:03:22.123") is a wall clock, converted later
 * in the case's zone. It kept 14:03:22 and the .123 only in the timestamp text (later beside it in
 * extra.wallMilliseconds, where the record's time did not read it): messages within one second
 * could not be ordered by their time. The wall clock now holds its milliseconds.
 */
describe('CSV wall-clock times with milliseconds', () => {
  it('keeps the milliseconds of a zone-less ISO, numeric or Excel time in its wall clock', async () => {
    const csv = ['time,text', '2024-01-05T14:03:22.123,a', '2024-01-05 14:03:22,b', '2024-01-05T14:03:22.5Z,c', '2024-01-05T14:03:22.99999,d'].join('\n');
    const result = await runParser(createCsvParser({ timestamp: 'time', text: 'text' }), inputFromText(csv));
    expect(result.messages.map((message) => [message.timestampText, message.time, message.extra?.['wallMilliseconds']])).toEqual([
      ['2024-01-05T14:03:22.123', { wall: { year: 2024, month: 1, day: 5, hour: 14, minute: 3, second: 22, millisecond: 123 } }, undefined],
      // No fraction written: none kept.
      ['2024-01-05 14:03:22', { wall: { year: 2024, month: 1, day: 5, hour: 14, minute: 3, second: 22 } }, undefined],
      // An instant holds its milliseconds itself.
      ['2024-01-05T14:03:22.5Z', { utcMs: Date.UTC(2024, 0, 5, 14, 3, 22, 500) }, undefined],
      // A fraction that rounds to the next second stays in its own second.
      ['2024-01-05T14:03:22.99999', { wall: { year: 2024, month: 1, day: 5, hour: 14, minute: 3, second: 22, millisecond: 999 } }, undefined],
    ]);
    const dmy = await runParser(createCsvParser({ timestamp: 'time', text: 'text', timestampFormat: 'dmy' }), inputFromText('time,text\n05/01/2024 14:03:22.250,a\n'));
    expect(dmy.messages[0]?.time).toEqual({ wall: { year: 2024, month: 1, day: 5, hour: 14, minute: 3, second: 22, millisecond: 250 } });
    const excel = await runParser(createCsvParser({ timestamp: 'time', text: 'text', timestampFormat: 'excel' }), inputFromText(`time,text\n${45296 + (12 * 3600 + 1.5) / 86400},a\n`));
    expect(excel.messages[0]?.time).toEqual({ wall: { year: 2024, month: 1, day: 5, hour: 12, minute: 0, second: 1, millisecond: 500 } });
  });
});
