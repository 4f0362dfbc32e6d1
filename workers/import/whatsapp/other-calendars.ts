/**
 * Dates written in the Solar Hijri (Persian) or Islamic (Umm al-Qura) calendar.
 *
 * Phones set to these calendars export e.g. `۱۸/۳/۱۴۰۱`. Months do not line up with the
 * Gregorian ones, so the whole date is converted. Intl knows both calendars; it only
 * formats, so the conversion searches: guess a Gregorian day, format it in the target
 * calendar, move by the difference, repeat. Results are cached per date, so a file pays a
 * few Intl calls per distinct day.
 */

export type CalendarSystem = 'persian' | 'islamic-umalqura';

const MILLISECONDS_PER_DAY = 86_400_000;
const MAX_SEARCH_STEPS = 8;
/** Average month and year lengths in days, used to turn a calendar difference into a jump. */
const MONTH_LENGTH: Readonly<Record<CalendarSystem, number>> = { persian: 30.44, 'islamic-umalqura': 29.53 };
const YEAR_LENGTH: Readonly<Record<CalendarSystem, number>> = { persian: 365.2422, 'islamic-umalqura': 354.367 };
/** Gregorian year in which year 0 of the Persian calendar begins. */
const PERSIAN_EPOCH_YEAR = 621;
/** 16 July 622 (0-based month 6): 1 Muharram of year 1. */
const ISLAMIC_EPOCH_YEAR = 622;
const ISLAMIC_EPOCH_MONTH = 6;
const ISLAMIC_EPOCH_DAY = 16;
/** March 21 (Nowruz) as a 0-based month and day: the first day of a Persian year. */
const NOWRUZ_MONTH = 2;
const NOWRUZ_DAY = 21;

/**
 * 4-digit year ranges that only make sense in another calendar for WhatsApp (2009 on):
 * Solar Hijri 1387-1415 is 2008-2037 and Islamic 1429-1470 is 2008-2048.
 */
const PERSIAN_YEARS = { first: 1380, last: 1415 } as const;
const ISLAMIC_YEARS = { first: 1420, last: 1470 } as const;

/** The calendar a bare 4-digit year implies, or null for a Gregorian year. */
export function calendarForYear(year: number): CalendarSystem | null {
  if (year >= PERSIAN_YEARS.first && year <= PERSIAN_YEARS.last) {
    return 'persian';
  }
  if (year >= ISLAMIC_YEARS.first && year <= ISLAMIC_YEARS.last) {
    return 'islamic-umalqura';
  }
  return null;
}

export interface GregorianDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<CalendarSystem, Intl.DateTimeFormat | null>();
const cache = new Map<string, GregorianDate | null>();

function formatterFor(calendar: CalendarSystem): Intl.DateTimeFormat | null {
  if (!formatters.has(calendar)) {
    let formatter: Intl.DateTimeFormat | null = null;
    try {
      formatter = new Intl.DateTimeFormat(`en-US-u-ca-${calendar}-nu-latn`, {
        timeZone: 'UTC',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
      });
      // A runtime without this calendar silently falls back to Gregorian: detect that.
      if (formatter.resolvedOptions().calendar !== calendar) {
        formatter = null;
      }
    } catch {
      formatter = null;
    }
    formatters.set(calendar, formatter);
  }
  return formatters.get(calendar) ?? null;
}

function datePartsIn(formatter: Intl.DateTimeFormat, milliseconds: number): GregorianDate {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of formatter.formatToParts(milliseconds)) {
    if (part.type === 'year') year = Number.parseInt(part.value, 10);
    else if (part.type === 'month') month = Number.parseInt(part.value, 10);
    else if (part.type === 'day') day = Number.parseInt(part.value, 10);
  }
  return { year, month, day };
}

function firstGuess(calendar: CalendarSystem, date: GregorianDate): number {
  const dayOffset = (date.month - 1) * MONTH_LENGTH[calendar] + (date.day - 1);
  if (calendar === 'persian') {
    return Date.UTC(date.year + PERSIAN_EPOCH_YEAR, NOWRUZ_MONTH, NOWRUZ_DAY) + dayOffset * MILLISECONDS_PER_DAY;
  }
  const elapsedDays = (date.year - 1) * YEAR_LENGTH[calendar] + dayOffset;
  return Date.UTC(ISLAMIC_EPOCH_YEAR, ISLAMIC_EPOCH_MONTH, ISLAMIC_EPOCH_DAY) + elapsedDays * MILLISECONDS_PER_DAY;
}

/** Gregorian date of a date in `calendar`, or null when it does not exist or Intl lacks it. */
export function toGregorian(calendar: CalendarSystem, date: GregorianDate): GregorianDate | null {
  const key = `${calendar}:${date.year}-${date.month}-${date.day}`;
  const cached = cache.get(key);
  if (cached !== undefined) {
    return cached;
  }
  const formatter = formatterFor(calendar);
  let result: GregorianDate | null = null;
  if (formatter !== null) {
    let guess = Math.floor(firstGuess(calendar, date) / MILLISECONDS_PER_DAY) * MILLISECONDS_PER_DAY;
    for (let step = 0; step < MAX_SEARCH_STEPS; step += 1) {
      const found = datePartsIn(formatter, guess);
      const difference = Math.round(
        (date.year - found.year) * YEAR_LENGTH[calendar] +
          (date.month - found.month) * MONTH_LENGTH[calendar] +
          (date.day - found.day),
      );
      if (found.year === date.year && found.month === date.month && found.day === date.day) {
        const gregorian = new Date(guess);
        result = { year: gregorian.getUTCFullYear(), month: gregorian.getUTCMonth() + 1, day: gregorian.getUTCDate() };
        break;
      }
      // A difference of 0 with unequal dates means the day does not exist (e.g. 31 in a 30-day month).
      if (difference === 0) {
        break;
      }
      guess += difference * MILLISECONDS_PER_DAY;
    }
  }
  cache.set(key, result);
  return result;
}
