/**
 * Turns a matched header into a device-local wall-clock time.
 *
 * Year-less headers (old ≈2012–2015 Android `Mar 5, 8:11 PM - `): the year comes from the
 * closest earlier header that states one, else from `defaultYear` (taken as the year of the
 * first year-less header); it advances by one whenever the month goes backwards by more than a
 * delayed line can (MAX_DELAY_DAYS), and a date just before a new year that follows it is put
 * back in the old year. Without either the year stays 0 and the caller warns.
 */

import { isValidWallClock, looksLikeYear, resolveYear, to24Hour, type ResolvedYear } from './calendar.ts';
import { toGregorian } from './other-calendars.ts';
import type { HeaderMatch } from './header-grammar.ts';
import type { DateOrder, WallClock } from './types.ts';

const MAX_MONTH = 12;

export interface CalendarDate {
  year: number | null;
  month: number;
  day: number;
  /** Why the reading deserves a note (swapped order, guessed Buddhist year), or null. */
  note: string | null;
}

const ASCII_DIGIT_NINE = 0x39;

/** The number in a date field; era fields (`R4`, `令和4`) lose their prefix. */
function numberIn(field: string): number {
  return field.charCodeAt(0) <= ASCII_DIGIT_NINE ? Number(field) : Number(field.replace(/\D/gu, ''));
}

/** Reads a numeric or month-name date; year null when the format omits it. */
export function readDate(match: HeaderMatch, order: DateOrder): CalendarDate {
  if (match.field1 === '') {
    return { year: match.namedYear, month: match.namedMonth, day: match.namedDay, note: null };
  }
  const first = numberIn(match.field1);
  const second = Number(match.field2);
  const third = numberIn(match.field3);
  if (match.yearFirst || looksLikeYear(match.field1) || (order === 'ymd' && !looksLikeYear(match.field3))) {
    const resolved = resolveYear(match.field1, match.calendarMarker);
    return convertCalendar(resolved, second, third, resolved.note ?? null);
  }
  const resolved = resolveYear(match.field3, match.calendarMarker);
  let day = order === 'mdy' ? second : first;
  let month = order === 'mdy' ? first : second;
  let note = resolved.note ?? null;
  if (month > MAX_MONTH && day <= MAX_MONTH) {
    // One line in another order than the rest of the file (mixed exports): read it the
    // only way it can be a date rather than dropping it.
    [day, month] = [month, day];
    note = `date "${match.field1}/${match.field2}/${match.field3}" only fits ${order === 'mdy' ? 'dmy' : 'mdy'} order; read that way`;
  }
  return convertCalendar(resolved, month, day, note);
}

/** Persian and Islamic dates become Gregorian; month 0 marks a date that does not exist. */
function convertCalendar(resolved: ResolvedYear, month: number, day: number, note: string | null): CalendarDate {
  if (resolved.calendar === undefined) {
    return { year: resolved.year, month, day, note };
  }
  const gregorian = toGregorian(resolved.calendar, { year: resolved.year, month, day });
  if (gregorian === null) {
    return { year: resolved.year, month: 0, day, note: note ?? `no such ${resolved.calendar} date` };
  }
  return { ...gregorian, note };
}

/** Carries the year across year-less headers. */
export interface YearTracker {
  year: number | null;
  lastMonth: number;
  lastDay: number;
  defaultYear: number | null;
}

export function createYearTracker(defaultYear: number | undefined): YearTracker {
  return { year: null, lastMonth: 0, lastDay: 0, defaultYear: defaultYear ?? null };
}

/**
 * How far back a line may go and still be a line out of order rather than a new year. Exports
 * are not monotonic (FORMATS.md §1.2): a message delayed past midnight at a month's end goes
 * back a day; anything further back in a year-less file means the year turned.
 */
const MAX_DELAY_DAYS = 2;
const DAYS_PER_YEAR = 365;
const DAYS_BEFORE_MONTH: readonly number[] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Day of a (non-leap) year, 1-366; only differences between two of them are used. */
function dayOfYear(month: number, day: number): number {
  return (DAYS_BEFORE_MONTH[month - 1] ?? 0) + day;
}

/** Year for a date in file order; 0 when it cannot be known. */
export function trackYear(tracker: YearTracker, date: CalendarDate): number {
  if (date.year !== null) {
    tracker.year = date.year;
    tracker.lastMonth = date.month;
    tracker.lastDay = date.day;
    return date.year;
  }
  let year = tracker.year;
  if (year === null) {
    year = tracker.defaultYear;
  } else {
    // The month going back used to be enough: one delayed line at a month's end (31 Mar after
    // 1 Apr) moved it and every later line a year on. Now a step back of a delay or less stays
    // in the year, and one over new year (31 Dec after 1 Jan) goes to the year before.
    const forward = dayOfYear(date.month, date.day) - dayOfYear(tracker.lastMonth, tracker.lastDay);
    if (date.month < tracker.lastMonth && forward < -MAX_DELAY_DAYS) {
      year += 1;
    } else if (forward >= DAYS_PER_YEAR - MAX_DELAY_DAYS) {
      year -= 1;
    }
  }
  tracker.year = year;
  tracker.lastMonth = date.month;
  tracker.lastDay = date.day;
  return year ?? 0;
}

/** The wall clock of a header, or null when it names an impossible date or time. */
export function buildWallClock(match: HeaderMatch, date: CalendarDate, year: number): WallClock | null {
  const clock: WallClock = {
    year,
    month: date.month,
    day: date.day,
    hour: to24Hour(match.hour, match.dayPeriod),
    minute: match.minute,
    second: match.second,
  };
  return isValidWallClock(clock) ? clock : null;
}
