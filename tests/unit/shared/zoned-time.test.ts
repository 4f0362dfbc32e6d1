import { describe, expect, it } from 'vitest';
import { isValidWallTime, longOffsetMs, wallTimeToUtc, zoneOffsetMs } from '../../../shared/time/zoned-time.ts';
import { dateUtc } from '../../../shared/time/date-utc.ts';

const wall = (year: number, month: number, day: number, hour: number, minute = 0, second = 0) => ({ year, month, day, hour, minute, second });

describe('wallTimeToUtc', () => {
  it('reads UTC as UTC', () => {
    expect(new Date(wallTimeToUtc(wall(2022, 3, 23, 13, 31), 'UTC').utcMs).toISOString()).toBe('2022-03-23T13:31:00.000Z');
  });

  it('applies summer and winter offsets of Europe/Bucharest', () => {
    expect(new Date(wallTimeToUtc(wall(2022, 7, 1, 12), 'Europe/Bucharest').utcMs).toISOString()).toBe('2022-07-01T09:00:00.000Z');
    expect(new Date(wallTimeToUtc(wall(2022, 1, 1, 12), 'Europe/Bucharest').utcMs).toISOString()).toBe('2022-01-01T10:00:00.000Z');
  });

  it('reports a time in the spring-forward gap', () => {
    const result = wallTimeToUtc(wall(2022, 3, 27, 3, 30), 'Europe/Bucharest');
    expect(result.ambiguity).toBe('gap');
  });

  it('reports a time that happens twice in autumn and picks the earlier', () => {
    const result = wallTimeToUtc(wall(2022, 10, 30, 3, 30), 'Europe/Bucharest');
    expect(result.ambiguity).toBe('overlap');
    expect(new Date(result.utcMs).toISOString()).toBe('2022-10-30T00:30:00.000Z');
  });

  it('handles zones east and west of UTC with half-hour offsets', () => {
    expect(new Date(wallTimeToUtc(wall(2023, 5, 1, 0), 'Asia/Kolkata').utcMs).toISOString()).toBe('2023-04-30T18:30:00.000Z');
    expect(new Date(wallTimeToUtc(wall(2023, 5, 1, 0), 'America/New_York').utcMs).toISOString()).toBe('2023-05-01T04:00:00.000Z');
  });
});

describe('isValidWallTime', () => {
  it('rejects impossible dates', () => {
    expect(isValidWallTime(wall(2023, 2, 29, 0))).toBe(false);
    expect(isValidWallTime(wall(2024, 2, 29, 0))).toBe(true);
    expect(isValidWallTime(wall(2024, 13, 1, 0))).toBe(false);
  });

  it('agrees with the calendar on every day of every month, leap rules of 1900, 2000 and 2100 included', () => {
    for (const year of [1900, 1999, 2000, 2023, 2024, 2100, 2400, 543]) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          // The calendar's answer: a date that Date.UTC does not roll over into another day.
          const date = new Date(Date.UTC(2000, month - 1, day));
          date.setUTCFullYear(year, month - 1, day);
          const exists = month >= 1 && month <= 12 && day >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
          expect(isValidWallTime(wall(year, month, day, 12)), `${year}-${month}-${day}`).toBe(exists);
        }
      }
    }
  });
});

/** Independent of the memo and of how the offset is read: the wall time Intl shows for that very second, less the second. */
function intlOffset(timeZone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(utcMs));
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const floored = utcMs - (((utcMs % 1000) + 1000) % 1000);
  return Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second')) - floored;
}

describe('zoneOffsetMs remembered per hour', () => {

  it('agrees with Intl every 7 minutes across DST changes, half-hour and 45-minute zones and odd historic offsets', () => {
    const cases: [string, number][] = [
      ['Europe/Bucharest', Date.UTC(2024, 2, 30, 20)],
      ['Europe/Bucharest', Date.UTC(2024, 9, 26, 20)],
      ['America/St_Johns', Date.UTC(2024, 2, 10, 0)],
      ['Australia/Lord_Howe', Date.UTC(2024, 3, 6, 10)],
      ['Asia/Kathmandu', Date.UTC(1986, 0, 1, 0)],
      ['Europe/Amsterdam', Date.UTC(1937, 6, 1, 0)],
      ['Africa/Monrovia', Date.UTC(1972, 0, 6, 12)],
    ];
    for (const [timeZone, start] of cases) {
      for (let instant = start - 6 * 3_600_000; instant < start + 30 * 3_600_000; instant += 7 * 60_000 + 13_000) {
        expect(zoneOffsetMs(timeZone, instant), `${timeZone} ${new Date(instant).toISOString()}`).toBe(intlOffset(timeZone, instant));
      }
    }
  });
});

describe('zone offsets read from what Intl writes', () => {
  it('reads every form of a long offset', () => {
    expect(longOffsetMs('1/5/2024, GMT')).toBe(0);
    expect(longOffsetMs('1/5/2024, GMT+02:00')).toBe(2 * 3_600_000);
    expect(longOffsetMs('1/5/2024, GMT-03:30')).toBe(-(3.5 * 3_600_000));
    expect(longOffsetMs('1/5/2024, GMT\u221205:45')).toBe(-(5.75 * 3_600_000));
    expect(longOffsetMs('1/1/1900, GMT-00:44:30')).toBe(-(44 * 60 + 30) * 1000);
    expect(longOffsetMs('1/5/2024, UTC+2')).toBeNull();
  });

  it('agrees with the wall time Intl shows, in zones of every kind, from 1900 to 2100', () => {
    const zones = ['Europe/Bucharest', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Kathmandu', 'Africa/Casablanca', 'Europe/Dublin', 'Pacific/Apia', 'Africa/Monrovia', 'America/Sao_Paulo'];
    for (const timeZone of zones) {
      for (let instant = Date.UTC(1900, 0, 1); instant < Date.UTC(2100, 0, 1); instant += 97 * 86_400_000 + 3_601_000) {
        expect(zoneOffsetMs(timeZone, instant), `${timeZone} ${new Date(instant).toISOString()}`).toBe(intlOffset(timeZone, instant));
      }
    }
  });
});

describe('wallTimeToUtc remembered per wall-clock hour', () => {
  const formatters = new Map<string, Intl.DateTimeFormat>();
  const format = (timeZone: string, utcMs: number): string => {
    let formatter = formatters.get(timeZone);
    if (formatter === undefined) {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
      formatters.set(timeZone, formatter);
    }
    return formatter.format(new Date(utcMs));
  };
  /** Every instant, at offsets of whole quarter hours up to ±15 h, that a clock in `timeZone` shows as the wall time `naive` (read as if UTC). */
  function instantsShowing(timeZone: string, naive: number): number[] {
    const shown = format('UTC', naive);
    const found: number[] = [];
    for (let offsetMinutes = -15 * 60; offsetMinutes <= 15 * 60; offsetMinutes += 15) {
      const candidate = naive - offsetMinutes * 60_000;
      if (format(timeZone, candidate) === shown) found.push(candidate);
    }
    return found.sort((a, b) => a - b);
  }

  it('agrees with a brute-force search every 11 minutes across gaps, overlaps and 30-minute shifts', () => {
    const cases: [string, number][] = [
      ['Europe/Bucharest', Date.UTC(2024, 2, 31, 0)],
      ['Europe/Bucharest', Date.UTC(2024, 9, 27, 0)],
      ['America/New_York', Date.UTC(2024, 10, 3, 0)],
      ['Australia/Lord_Howe', Date.UTC(2024, 3, 7, 0)],
      ['Australia/Lord_Howe', Date.UTC(2024, 9, 6, 0)],
      ['Asia/Kathmandu', Date.UTC(1986, 0, 1, 0)],
    ];
    for (const [timeZone, start] of cases) {
      for (let naive = start - 3 * 3_600_000; naive < start + 27 * 3_600_000; naive += 11 * 60_000) {
        const date = new Date(naive);
        const converted = wallTimeToUtc(wall(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()), timeZone);
        const instants = instantsShowing(timeZone, naive);
        const where = `${timeZone} ${date.toISOString()}`;
        if (instants.length === 0) expect(converted.ambiguity, where).toBe('gap');
        else {
          expect(converted.utcMs, where).toBe(instants[0]);
          expect(converted.ambiguity, where).toBe(instants.length > 1 ? 'overlap' : 'none');
        }
      }
    }
  });
});

describe('times in the years 0-99 (Date.UTC reads them as 1900-1999)', () => {
  it('keeps the year as written, in UTC and in a zone, and finds no offset of centuries', () => {
    const wall = { year: 24, month: 2, day: 29, hour: 10, minute: 0, second: 0 };
    const utc = wallTimeToUtc(wall, 'UTC').utcMs;
    expect(new Date(utc).toISOString()).toBe('0024-02-29T10:00:00.000Z');
    expect(dateUtc(24, 1, 29, 10)).toBe(utc);
    expect(zoneOffsetMs('UTC', utc)).toBe(0);
    // Before standard time zones a zone's offset is its local mean time: minutes, not centuries.
    expect(Math.abs(zoneOffsetMs('Europe/Bucharest', utc))).toBeLessThan(2 * 3_600_000);
    expect(new Date(wallTimeToUtc(wall, 'Europe/Bucharest').utcMs).getUTCFullYear()).toBe(24);
  });
});
