import { describe, expect, it } from 'vitest';
import { createCsvParser } from '../../../../../workers/import/csv/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A zone-less time with milliseconds ("2024-01-05T14:03:22.123") is a wall clock, converted later
 * in the case's zone; the shared WallTime has no field for milliseconds, so the message's time
 * kept 14:03:22 and the .123 was only in the timestamp text, where nothing reads it: messages
 * within one second could not be ordered from the record's facts. The milliseconds are now kept
 * beside the wall clock in extra.wallMilliseconds (the timestamp text stays as written).
 */
describe('CSV wall-clock times with milliseconds', () => {
  it('keeps the milliseconds of a zone-less ISO, numeric or Excel time beside its wall clock', async () => {
    const csv = ['time,text', '2024-01-05T14:03:22.123,a', '2024-01-05 14:03:22,b', '2024-01-05T14:03:22.5Z,c'].join('\n');
    const result = await runParser(createCsvParser({ timestamp: 'time', text: 'text' }), inputFromText(csv));
    expect(result.messages.map((message) => [message.timestampText, message.time, message.extra?.['wallMilliseconds']])).toEqual([
      ['2024-01-05T14:03:22.123', { wall: { year: 2024, month: 1, day: 5, hour: 14, minute: 3, second: 22 } }, 123],
      // No fraction written: nothing to keep.
      ['2024-01-05 14:03:22', { wall: { year: 2024, month: 1, day: 5, hour: 14, minute: 3, second: 22 } }, undefined],
      // An instant holds its milliseconds itself.
      ['2024-01-05T14:03:22.5Z', { utcMs: Date.UTC(2024, 0, 5, 14, 3, 22, 500) }, undefined],
    ]);
    const dmy = await runParser(createCsvParser({ timestamp: 'time', text: 'text', timestampFormat: 'dmy' }), inputFromText('time,text\n05/01/2024 14:03:22.250,a\n'));
    expect(dmy.messages[0]?.extra?.['wallMilliseconds']).toBe(250);
    const excel = await runParser(createCsvParser({ timestamp: 'time', text: 'text', timestampFormat: 'excel' }), inputFromText(`time,text\n${45296 + (12 * 3600 + 1.5) / 86400},a\n`));
    expect(excel.messages[0]?.extra?.['wallMilliseconds']).toBe(500);
  });
});
