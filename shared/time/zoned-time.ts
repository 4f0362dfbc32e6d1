/**
 * Converts a device's wall-clock time (no zone, as chat exports write it) to a UTC instant in an
 * explicit IANA zone, using only Intl so it works the same in every layer.
 *
 * Wall-clock times in a DST gap do not exist and times in a DST overlap happen twice; both are
 * reported so that the ambiguity can be recorded rather than silently resolved.
 */

import { dateUtc } from './date-utc.ts';
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /**
   * 0-999, for the few sources that write a wall clock to the millisecond (CSV, some UFDR
   * reports): without it, messages within one second lose their order in the record's time.
   * Absent is 0 (chat exports write seconds at most).
   */
  millisecond?: number;
}

export interface ZonedConversion {
  utcMs: number;
  /** 'gap': the time does not exist (clocks jumped forward); 'overlap': it happened twice, earlier one chosen. */
  ambiguity: 'none' | 'gap' | 'overlap';
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatterCache.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatterCache.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const HOUR_MS = 3_600_000;
/** Hours remembered per zone before the memo starts over (a chat spans a few thousand). */
const MAX_REMEMBERED_HOURS = 100_000;
/** Per zone: hour number → the offset in force for that whole hour, or NaN if it changes within it. */
const offsetsByHour = new Map<string, Map<number, number>>();

/**
 * Offset of `timeZone` from UTC at instant `utcMs`, in milliseconds. Asking Intl costs a few
 * microseconds and an import asks several times per message, so the offset is remembered per
 * UTC hour: when it is the same at the first and last second of an hour, no transition falls
 * inside it (zones change offset months apart), and every instant of that hour shares it.
 */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
  const offset = rememberedPerHour(offsetsByHour, timeZone, Math.floor(utcMs / HOUR_MS), steadyUtcHourOffset);
  return Number.isNaN(offset) ? exactZoneOffsetMs(timeZone, utcMs) : offset;
}

/**
 * The zone's standard (winter) offset in `year`, in minutes: the smaller of its offsets on
 * 1 January and 1 July, since daylight saving moves clocks forward in either hemisphere.
 */
export function standardOffsetMinutes(timeZone: string, year: number): number {
  const january = zoneOffsetMs(timeZone, dateUtc(year, 0, 1, 12, 0, 0));
  const july = zoneOffsetMs(timeZone, dateUtc(year, 6, 1, 12, 0, 0));
  return Math.min(january, july) / 60_000;
}

/** The offset in force for the whole UTC hour, or NaN when its first and last second differ. */
function steadyUtcHourOffset(timeZone: string, hour: number): number {
  const first = exactZoneOffsetMs(timeZone, hour * HOUR_MS);
  const last = exactZoneOffsetMs(timeZone, hour * HOUR_MS + HOUR_MS - 1000);
  return first === last ? first : Number.NaN;
}

/** Per zone and hour, `compute`'s answer, worked out once (the memo of a zone starts over past MAX_REMEMBERED_HOURS). */
function rememberedPerHour(memo: Map<string, Map<number, number>>, timeZone: string, hour: number, compute: (timeZone: string, hour: number) => number): number {
  let hours = memo.get(timeZone);
  if (hours === undefined) {
    hours = new Map();
    memo.set(timeZone, hours);
  }
  let value = hours.get(hour);
  if (value === undefined) {
    value = compute(timeZone, hour);
    if (hours.size >= MAX_REMEMBERED_HOURS) hours.clear();
    hours.set(hour, value);
  }
  return value;
}

const offsetFormatterCache = new Map<string, Intl.DateTimeFormat>();

/** Formats an instant's date and the zone's offset then, "1/5/2024, GMT+02:00" (en-US, ECMA-402 `longOffset`). */
function offsetFormatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatterCache.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatterCache.set(timeZone, formatter);
  }
  return formatter;
}

/** "GMT", "GMT+02:00", "GMT-00:44:30" (a local mean time): sign (ASCII or U+2212), hours, minutes, seconds. */
const LONG_OFFSET = /GMT(?:([+\-\u2212])(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/u;

/**
 * The offset as Intl reports it for the second holding `utcMs`: read from the zone's offset as
 * Intl writes it, a third of the time of formatting the wall time and subtracting (which an
 * import did twice for every hour its messages span); that way if the text is not as expected.
 */
function exactZoneOffsetMs(timeZone: string, utcMs: number): number {
  return longOffsetMs(offsetFormatterFor(timeZone).format(new Date(utcMs))) ?? offsetFromWallTime(timeZone, utcMs);
}

/** The offset at the end of a date Intl wrote with `timeZoneName: 'longOffset'`, in milliseconds; null when there is none. */
export function longOffsetMs(written: string): number | null {
  const offset = LONG_OFFSET.exec(written);
  if (offset === null) return null;
  if (offset[1] === undefined) return 0;
  const magnitude = ((Number(offset[2]) * 60 + Number(offset[3])) * 60 + Number(offset[4] ?? 0)) * 1000;
  return offset[1] === '+' ? magnitude : -magnitude;
}

/** The offset as the wall time Intl shows for the second holding `utcMs`, less that second. */
function offsetFromWallTime(timeZone: string, utcMs: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value ?? Number.NaN);
  const era = parts.find((part) => part.type === 'era')?.value;
  let year = field('year');
  if (era === 'BC' || era === 'B') year = 1 - year;
  // dateUtc: Date.UTC would read the years 0-99 of an instant as 1900-1999 and give an offset of centuries.
  const asUtc = dateUtc(year, field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  const flooredUtc = utcMs - (((utcMs % 1000) + 1000) % 1000);
  return asUtc - flooredUtc;
}

/** The wall time's fields read as if they were UTC (an offset is then subtracted from it). */
export function wallAsUtcMs(wall: WallTime): number {
  return dateUtc(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond ?? 0);
}

/** Per zone: wall-clock hour → the offset every wall time of that hour is read with, or NaN when the hour holds a transition. */
const offsetsByWallHour = new Map<string, Map<number, number>>();

/**
 * The offset for every wall time of the local hour holding `naive`, when that hour's first and
 * last second convert unambiguously with one offset: a transition inside the hour would give its
 * ends different offsets, or make one of them a gap or an overlap. NaN otherwise. An import
 * converts every message: most share their hour with the one before.
 */
function wallHourOffset(timeZone: string, naive: number): number {
  return rememberedPerHour(offsetsByWallHour, timeZone, Math.floor(naive / HOUR_MS), steadyWallHourOffset);
}

function steadyWallHourOffset(timeZone: string, hour: number): number {
  const start = hour * HOUR_MS;
  const end = start + HOUR_MS - 1000;
  const first = convert(start, timeZone);
  const last = convert(end, timeZone);
  const steady = first.ambiguity === 'none' && last.ambiguity === 'none' && start - first.utcMs === end - last.utcMs;
  return steady ? start - first.utcMs : Number.NaN;
}

export function wallTimeToUtc(wall: WallTime, timeZone: string): ZonedConversion {
  const naive = wallAsUtcMs(wall);
  const offset = wallHourOffset(timeZone, naive);
  return Number.isNaN(offset) ? convert(naive, timeZone) : { utcMs: naive - offset, ambiguity: 'none' };
}

/** The wall time `naive` (read as if UTC) in `timeZone`, from the offsets Intl gives around it. */
function convert(naive: number, timeZone: string): ZonedConversion {
  // The zone's offset can differ on either side of the instant; try the offsets in force a day
  // before and after and keep the candidates that map back to the same wall time.
  const DAY_MS = 86_400_000;
  const offsets = new Set([zoneOffsetMs(timeZone, naive - DAY_MS), zoneOffsetMs(timeZone, naive), zoneOffsetMs(timeZone, naive + DAY_MS)]);
  const matches: number[] = [];
  for (const offset of offsets) {
    const candidate = naive - offset;
    if (zoneOffsetMs(timeZone, candidate) === offset) matches.push(candidate);
  }
  matches.sort((a, b) => a - b);
  const first = matches[0];
  if (first !== undefined) return { utcMs: first, ambiguity: matches.length > 1 ? 'overlap' : 'none' };
  // In a gap: read the time with the offset from before the transition, as phones do.
  return { utcMs: naive - zoneOffsetMs(timeZone, naive - DAY_MS), ambiguity: 'gap' };
}

/** Days of each month in a common year (February: see isValidWallTime). */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidWallTime(wall: WallTime): boolean {
  if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.hour > 23 || wall.minute > 59 || wall.second > 60) return false;
  const millisecond = wall.millisecond ?? 0;
  if (!Number.isInteger(millisecond) || millisecond < 0 || millisecond > 999) return false;
  const isLeap = (wall.year % 4 === 0 && wall.year % 100 !== 0) || wall.year % 400 === 0;
  const limit = wall.month === 2 && isLeap ? 29 : (DAYS_IN_MONTH[wall.month - 1] ?? 0);
  return wall.day <= limit;
}
