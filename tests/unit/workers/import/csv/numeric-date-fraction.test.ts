import { describe, expect, it } from 'vitest';
import { readCsvTimestamp } from '../../../../../workers/import/csv/index.ts';

/**
 * Forensic tools and Excel write day-first, month-first and year-first times with milliseconds
 * ("05/01/2024 14:03:22.123"). The pattern accepted the fraction but dropped it, so a file the
 * mapping says is UTC got 14:03:22.000 (ISO times kept it), and messages within one second lost
 * their order. The fraction now counts as it does for ISO.
 */
describe('CSV numeric dates with a fraction of a second', () => {
  it('keeps the milliseconds of a dmy, mdy or ymd time read as UTC', () => {
    expect(readCsvTimestamp('05/01/2024 14:03:22.123', 'dmy', true).time).toEqual({ utcMs: Date.UTC(2024, 0, 5, 14, 3, 22, 123) });
    expect(readCsvTimestamp('01/05/2024 2:03:22,5 PM', 'mdy', true).time).toEqual({ utcMs: Date.UTC(2024, 0, 5, 14, 3, 22, 500) });
    expect(readCsvTimestamp('2024.01.05 14:03:22.123456', 'ymd', true).time).toEqual({ utcMs: Date.UTC(2024, 0, 5, 14, 3, 22, 123) });
    // As ISO does.
    expect(readCsvTimestamp('2024-01-05 14:03:22.123', 'iso', true).time).toEqual({ utcMs: Date.UTC(2024, 0, 5, 14, 3, 22, 123) });
  });
});
