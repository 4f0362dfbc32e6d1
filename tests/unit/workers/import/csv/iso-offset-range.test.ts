import { describe, expect, it } from 'vitest';
import { readCsvTimestamp } from '../../../../../workers/import/csv/index.ts';

/**
 * An ISO offset is at most ±14:00 in use (±18:00 is the most any standard library accepts) and its
 * minutes run 00–59. "+99:99" was read as 100 h 39 min east of UTC, an instant four days off,
 * with no word of a problem; "+0560" as 6 h. Such a value now reads as no time, and says why.
 */
describe('CSV ISO times with an offset no zone has', () => {
  it('refuses an offset past ±18:00 or with minutes past 59', () => {
    expect(readCsvTimestamp('2024-01-05T14:03:22+99:99', 'iso', false)).toEqual({ time: null, problem: '"2024-01-05T14:03:22+99:99" has an offset no time zone has' });
    expect(readCsvTimestamp('2024-01-05T14:03:22+0560', 'iso', false).time).toBeNull();
    expect(readCsvTimestamp('2024-01-05T14:03:22-19', undefined, false).time).toBeNull();
  });

  it('still reads the real extremes', () => {
    expect(readCsvTimestamp('2024-01-05T14:03:22+14:00', 'iso', false).time).toEqual({ utcMs: Date.UTC(2024, 0, 5, 0, 3, 22) });
    expect(readCsvTimestamp('2024-01-05T14:03:22-12:00', 'iso', false).time).toEqual({ utcMs: Date.UTC(2024, 0, 6, 2, 3, 22) });
    expect(readCsvTimestamp('2024-01-05T14:03:22+05:45', 'iso', false).time).toEqual({ utcMs: Date.UTC(2024, 0, 5, 8, 18, 22) });
  });
});
