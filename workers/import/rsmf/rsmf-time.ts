/**
 * RSMF event times. Both schemas (rsmf_schema_1_0_0.json and rsmf_schema_2_0_0.json in
 * relativitydev/rsmf-validator-samples) say a timestamp "must be a date/time value in a format
 * that conforms to the ISO8601 standard" (JSON Schema `format: date-time`), and their example,
 * "2018-09-11T09:45:00", has no offset. So a time with an offset ("Z", "+02:00") is an instant,
 * and one without is a wall clock read in the source's time zone. The text is always kept as written.
 *
 * A leap second ("23:59:60") is a time ISO 8601 and RFC 3339 (§5.6, time-second 00-60) allow.
 * It is read as the next second, as shared/time converts a wall clock of :60 (wallAsUtcMs,
 * isValidWallTime) and the UFDR reader reads one (ufdr-time.ts): the text keeps the :60.
 */

import type { ParsedTime } from '../../../shared/contracts/parsed-source.ts';
import { dateUtc } from '../../../shared/time/date-utc.ts';

/**
 * Extended ISO 8601 date and time: seconds and their fraction optional, "T" (or "t", which RFC
 * 3339 allows) between date and time, and an offset "Z", "±hh:mm", "±hhmm" or "±hh".
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|([+-])(\d{2})(?::?(\d{2}))?)?$/u;
const MAX_OFFSET_HOURS = 23;
/** 60: a leap second (see the module comment). */
const MAX_SECOND = 60;

export interface RsmfTime {
  time: ParsedTime;
  /** The offset as written ("Z", "+02:00"), null for a wall clock. */
  offset: string | null;
}

/** The time a timestamp states, or null when it is not an ISO 8601 date and time. */
export function readRsmfTime(written: string): RsmfTime | null {
  const match = DATE_TIME.exec(written.trim());
  if (match === null) return null;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((index) => Number(match[index]));
  const second = match[6] === undefined ? 0 : Number(match[6]);
  // Digits past the millisecond are cut, never rounded: rounding could move a time into the next second.
  const millisecond = match[7] === undefined ? 0 : Number(match[7].slice(0, 3).padEnd(3, '0'));
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > MAX_SECOND) return null;
  const wall = { year, month, day, hour, minute, second, ...(millisecond === 0 ? {} : { millisecond }) };
  const offset = match[8];
  if (offset === undefined) return { time: { wall }, offset: null };
  const utcMs = dateUtc(year, month - 1, day, hour, minute, second, millisecond);
  if (match[9] === undefined) return { time: { utcMs }, offset };
  const offsetHours = Number(match[10]);
  const offsetMinutes = match[11] === undefined ? 0 : Number(match[11]);
  if (offsetHours > MAX_OFFSET_HOURS || offsetMinutes > 59) return null;
  const sign = match[9] === '-' ? -1 : 1;
  const offsetMs = sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  return { time: { utcMs: utcMs - offsetMs }, offset };
}

function daysInMonth(year: number, month: number): number {
  return new Date(dateUtc(year, month, 0)).getUTCDate();
}
