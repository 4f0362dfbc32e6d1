/**
 * `Date.UTC` with the year taken as written. `Date.UTC` reads years 0–99 as 1900–1999, so a
 * hostile or odd "0024-01-01" in a source became 1924 (and 29 February of year 0, a leap year,
 * was refused as 1900 has none). Those years are computed 400 years later, one whole Gregorian
 * cycle of exactly 146 097 days, and moved back: the calendar repeats, overflowing fields roll
 * over the same way.
 */

const GREGORIAN_CYCLE_YEARS = 400;
const GREGORIAN_CYCLE_MS = 146_097 * 86_400_000;

export function dateUtc(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  if (year < 0 || year > 99) return Date.UTC(year, monthIndex, day, hour, minute, second, ms);
  return Date.UTC(year + GREGORIAN_CYCLE_YEARS, monthIndex, day, hour, minute, second, ms) - GREGORIAN_CYCLE_MS;
}
