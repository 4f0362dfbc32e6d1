import { describe, expect, it } from 'vitest';
import { readCsvTimestamp } from '../../../../../workers/import/csv/index.ts';

/**
 * Spreadsheets and tools write 12-hour times in the examiner's locale: Spanish "2:03 p. m.",
 * Korean (Windows' default "yyyy-MM-dd tt h:mm:ss") "오후 2:03:22", Chinese "下午2:03", Japanese
 * "午後", Greek "μ.μ.", Arabic "م". Only English AM/PM was read; every other was no time at all,
 * or (worse, a marker before the time) not seen. Each is now read as AM or PM.
 */
describe('CSV 12-hour times in other languages', () => {
  const wall = (hour: number): unknown => ({ wall: { year: 2024, month: 1, day: 5, hour, minute: 3, second: 22 } });

  it('reads the day period written after the time', () => {
    expect(readCsvTimestamp('05/01/2024 2:03:22 p. m.', 'dmy', false).time).toEqual(wall(14));
    expect(readCsvTimestamp('05/01/2024 12:03:22 a.\u00a0m.', 'dmy', false).time).toEqual(wall(0));
    expect(readCsvTimestamp('05/01/2024 2:03:22 μ.μ.', 'dmy', false).time).toEqual(wall(14));
    expect(readCsvTimestamp('05/01/2024 2:03:22 م', 'dmy', false).time).toEqual(wall(14));
    expect(readCsvTimestamp('05/01/2024 2:03:22\u202fPM', 'dmy', false).time).toEqual(wall(14));
  });

  it('reads the day period written before the time', () => {
    expect(readCsvTimestamp('2024-01-05 오후 2:03:22', 'ymd', false).time).toEqual(wall(14));
    expect(readCsvTimestamp('2024/1/5 下午2:03:22', 'ymd', false).time).toEqual(wall(14));
    expect(readCsvTimestamp('2024/01/05 午前2:03:22', 'ymd', false).time).toEqual(wall(2));
  });

  it('still refuses an hour that is not 1–12 with a day period', () => {
    expect(readCsvTimestamp('2024-01-05 오후 14:03:22', 'ymd', false).problem).toContain('has hour 14 with PM');
  });
});
