import { describe, expect, it } from 'vitest';
import { readCsvTimestamp } from '../../../../../workers/import/csv/index.ts';

/**
 * Forensic tools write the offset after a day-first or month-first time: Cellebrite
 * "09.09.2020 19:33:13(UTC+0)" (FORMATS.md §7.2), others "05/01/2024 2:03:22 PM UTC+02:00" or
 * "2024-01-05 14:03:22 UTC". The value states its offset, so it is an instant; it was read as no
 * time at all ("is not a dmy date"). It is now the instant the offset gives, whatever the mapping
 * says about zone-less times; a value without one is read as before.
 */
describe('CSV numeric dates that state their offset', () => {
  it('reads a Cellebrite-style "(UTC+n)" suffix as an instant', () => {
    expect(readCsvTimestamp('09.09.2020 19:33:13(UTC+0)', 'dmy', false)).toEqual({ time: { utcMs: Date.UTC(2020, 8, 9, 19, 33, 13) }, problem: null });
    expect(readCsvTimestamp('05/01/2024 14:03:22(UTC+2)', 'dmy', false).time).toEqual({ utcMs: Date.UTC(2024, 0, 5, 12, 3, 22) });
    expect(readCsvTimestamp('1/5/2024 2:03:22 PM(UTC-5)', 'mdy', false).time).toEqual({ utcMs: Date.UTC(2024, 0, 5, 19, 3, 22) });
  });

  it('reads "UTC", "GMT+hh:mm" and a bare "+hh:mm" after the time', () => {
    expect(readCsvTimestamp('05/01/2024 14:03:22.250 UTC', 'dmy', false).time).toEqual({ utcMs: Date.UTC(2024, 0, 5, 14, 3, 22, 250) });
    expect(readCsvTimestamp('2024/01/05 14:03 GMT+05:30', 'ymd', false).time).toEqual({ utcMs: Date.UTC(2024, 0, 5, 8, 33) });
    expect(readCsvTimestamp('05.01.2024 14:03:22 +0100', 'dmy', false).time).toEqual({ utcMs: Date.UTC(2024, 0, 5, 13, 3, 22) });
    expect(readCsvTimestamp('2024-01-05 14:03:22 UTC', 'iso', false).time).toEqual({ utcMs: Date.UTC(2024, 0, 5, 14, 3, 22) });
    expect(readCsvTimestamp('2024-01-05 14:03:22 (UTC+2)', undefined, false).time).toEqual({ utcMs: Date.UTC(2024, 0, 5, 12, 3, 22) });
  });

  it('refuses an offset no zone has, and still reads zone-less values as wall clock', () => {
    expect(readCsvTimestamp('05/01/2024 14:03(UTC+25)', 'dmy', false)).toEqual({ time: null, problem: '"05/01/2024 14:03(UTC+25)" has an offset no time zone has' });
    expect(readCsvTimestamp('05/01/2024 14:03', 'dmy', false).time).toEqual({ wall: { year: 2024, month: 1, day: 5, hour: 14, minute: 3, second: 0 } });
  });
});

describe('CSV zone suffix on a huge cell', () => {
  it('answers at once for a timestamp cell of a million spaces between two characters', () => {
    const started = Date.now();
    expect(readCsvTimestamp(`a${' '.repeat(1_000_000)}b`, 'dmy', false).time).toBeNull();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
