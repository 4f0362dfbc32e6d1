/**
 * Turns a matched header into a device-local wall-clock time.
 *
 * Year-less headers (old ≈2012–2015 Android `Mar 5, 8:11 PM - `): the year comes from the
 * closest earlier header that states one, else from `defaultYear` (taken as the year of the
 * first year-less header); it advances by one whenever the month goes backwards. Without
 * either the year stays 0 and the caller warns.
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
  if (looksLikeYear(match.field1) || (order === 'ymd' && !looksLikeYear(match.field3))) {
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
  defaultYear: number | null;
}

export function createYearTracker(defaultYear: number | undefined): YearTracker {
  return { year: null, lastMonth: 0, defaultYear: defaultYear ?? null };
}

/** Year for a date in file order; 0 when it cannot be known. */
export function trackYear(tracker: YearTracker, date: CalendarDate): number {
  if (date.year !== null) {
    tracker.year = date.year;
    tracker.lastMonth = date.month;
    return date.year;
  }
  if (tracker.year === null) {
    tracker.year = tracker.defaultYear;
  } else if (date.month < tracker.lastMonth) {
    tracker.year += 1;
  }
  tracker.lastMonth = date.month;
  return tracker.year ?? 0;
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
