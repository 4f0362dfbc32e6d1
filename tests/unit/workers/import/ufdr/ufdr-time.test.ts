import { describe, expect, it } from 'vitest';
import { parseCellebriteTime } from '../../../../../workers/import/ufdr/index.ts';

/** The timestamp forms Physical Analyzer versions write (IPED reads six of them). */
describe('Cellebrite timestamps', () => {
  it('takes a year 0000–0099 as written (Date.UTC read 0024 as 1924) and knows year 0 is a leap year', () => {
    expect(parseCellebriteTime('0024-01-01T10:00:00+02:00')).toEqual({ utcMs: Date.parse('0024-01-01T08:00:00Z') });
    expect(parseCellebriteTime('0000-02-29T10:00:00Z')).toEqual({ utcMs: Date.parse('0000-02-29T10:00:00Z') });
  });

  it.each([
    ['2024-11-03T19:46:47.230+00:00', Date.UTC(2024, 10, 3, 19, 46, 47, 230)],
    ['2024-11-03T21:46:47+02:00', Date.UTC(2024, 10, 3, 19, 46, 47)],
    ['2024-11-03T19:46:47Z', Date.UTC(2024, 10, 3, 19, 46, 47)],
    ['03-Nov-24 07:46:47 PM +00:00', Date.UTC(2024, 10, 3, 19, 46, 47)],
    ['03/11/2024 09:46:47 -10:00', Date.UTC(2024, 10, 3, 19, 46, 47)],
    ['09.09.2020 19:33:13(UTC+0)', Date.UTC(2020, 8, 9, 19, 33, 13)],
  ])('%s is an absolute instant', (text, utcMs) => {
    expect(parseCellebriteTime(text)).toEqual({ utcMs });
  });

  it('reads a slash date month first when the report is month first, and only the slash form', () => {
    expect(parseCellebriteTime('03/11/2024 09:46:47 -10:00', 'mdy')).toEqual({ utcMs: Date.UTC(2024, 2, 11, 19, 46, 47) });
    expect(parseCellebriteTime('09.10.2020 19:33:13(UTC+0)', 'mdy')).toEqual({ utcMs: Date.UTC(2020, 9, 9, 19, 33, 13) });
    expect(parseCellebriteTime('25/03/2024 10:00:00 +00:00', 'mdy')).toBeNull();
  });

  it.each([
    ['03/11/2024 19:46:47 UTC', Date.UTC(2024, 10, 3, 19, 46, 47)],
    ['03/11/2024 19:46:47(UTC)', Date.UTC(2024, 10, 3, 19, 46, 47)],
    ['03-Nov-24 07:46:47 PM GMT', Date.UTC(2024, 10, 3, 19, 46, 47)],
    ['2024-11-03 19:46:47 UTC', Date.UTC(2024, 10, 3, 19, 46, 47)],
  ])('regression: %s names UTC without a number, an absolute instant (was wall-clock or no time)', (text, utcMs) => {
    expect(parseCellebriteTime(text)).toEqual({ utcMs });
  });

  it('keeps a time without a zone as wall-clock', () => {
    expect(parseCellebriteTime('2024-11-03 19:46:47')).toEqual({ wall: { year: 2024, month: 11, day: 3, hour: 19, minute: 46, second: 47 } });
  });

  // Regression: the milliseconds of a zone-less time were dropped (an instant kept them).
  it('keeps the milliseconds of a time without a zone in its wall clock', () => {
    expect(parseCellebriteTime('2024-11-03T19:46:47.250')).toEqual({ wall: { year: 2024, month: 11, day: 3, hour: 19, minute: 46, second: 47, millisecond: 250 } });
    expect(parseCellebriteTime('03/11/2024 19:46:47.5')).toEqual({ wall: { year: 2024, month: 11, day: 3, hour: 19, minute: 46, second: 47, millisecond: 500 } });
    expect(parseCellebriteTime('2024-11-03T19:46:47.250+02:00')).toEqual({ utcMs: Date.UTC(2024, 10, 3, 17, 46, 47, 250) });
  });

  it.each(['', 'yesterday', '2024-02-30T10:00:00Z', '2024-11-03T25:00:00Z', '2024-11-03T10:00:00+19:00'])('refuses %j', (text) => {
    expect(parseCellebriteTime(text)).toBeNull();
  });
});
