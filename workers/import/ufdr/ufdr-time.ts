/**
 * Cellebrite timestamps. Physical Analyzer writes ISO 8601 with an offset in current versions
 * (`2024-11-03T19:46:47.000+00:00`), but older reports use `dd-MMM-yy hh:mm:ss XXX`,
 * `dd/MM/yyyy hh:mm:ss XXX`, `dd.MM.yyyy HH:mm:ss(UTC+0)` and forms without a zone. A time
 * with an offset is an absolute instant; one without stays wall-clock, for the import worker to
 * place in the zone the examiner chose.
 *
 * `dd/MM/yyyy` follows the examiner's Windows locale, so a US report writes `MM/dd/yyyy`; the
 * order is decided per report (date-order.ts). Only the slash form varies: the dotted form is
 * the German-style locale's and the `dd-MMM-yy` form names its month, both always day first.
 */

import type { ParsedTime } from '../../../shared/contracts/parsed-source.ts';
import { dateUtc } from '../../../shared/time/date-utc.ts';
import type { WallTime } from '../../../shared/time/zoned-time.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/iu;
const DAY_FIRST = /^(\d{1,2})[-/.]([A-Za-z]{3}|\d{1,2})[-/.](\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AP]M)?\s*(?:\(?\s*(UTC|GMT)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?)?\s*\)?)?$/iu;

export type DayMonthOrder = 'dmy' | 'mdy';

const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(?:\d{2}|\d{4})\s/u;

/** The two numeric fields of a slash-dated stamp (`03/11/2024 09:46:47`), the form whose order varies. */
export function slashDateFields(text: string): { first: number; second: number } | null {
  const match = SLASH_DATE.exec(text.trim());
  return match === null ? null : { first: Number(match[1]), second: Number(match[2]) };
}

/**
 * Physical Analyzer's "no time": .NET's DateTime.MinValue, `0001-01-01T00:00:00…` (in any of the
 * report's forms, possibly shifted by an offset), written where the source had no time. No phone
 * record is from year 1, so it is no instant. Only a four-digit year is read so: `01-Jan-01` is 2001.
 */
export function isNoTimeStamp(text: string): boolean {
  const trimmed = text.trim();
  const parts = isoParts(trimmed) ?? dayFirstParts(trimmed, false);
  return parts !== null && parts.year <= 1;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  zone: string | null;
}

/** Reads one timestamp (a slash date in the report's `order`); null when the text is none of the known forms. */
export function parseCellebriteTime(text: string, order: DayMonthOrder = 'dmy'): ParsedTime | null {
  const trimmed = text.trim();
  const parts = isoParts(trimmed) ?? dayFirstParts(trimmed, order === 'mdy' && SLASH_DATE.test(trimmed));
  if (parts === null || !valid(parts)) return null;
  if (parts.zone === null) {
    const wall: WallTime = { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
    if (parts.ms > 0) wall.millisecond = parts.ms;
    return { wall };
  }
  const offset = offsetMinutes(parts.zone);
  if (offset === null) return null;
  const utcMs = dateUtc(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.ms) - offset * 60_000;
  return { utcMs };
}

function isoParts(text: string): Parts | null {
  const match = ISO.exec(text);
  if (match === null) return null;
  return {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: Number(match[6] ?? '0'),
    ms: fraction(match[7]),
    zone: match[8] ?? null,
  };
}

function dayFirstParts(text: string, monthFirst: boolean): Parts | null {
  const match = DAY_FIRST.exec(text);
  if (match === null) return null;
  const monthText = (match[2] ?? '').toLowerCase();
  const month = /^\d+$/u.test(monthText) ? Number(monthText) : MONTHS.indexOf(monthText) + 1;
  const yearText = match[3] ?? '';
  // Two-digit years in these reports are this century: phones did not exist in 19xx.
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  let hour = Number(match[4]);
  const meridiem = match[8]?.toUpperCase();
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
  }
  const first = Number(match[1]);
  return { year, month: monthFirst ? first : month, day: monthFirst ? month : first, hour, minute: Number(match[5]), second: Number(match[6] ?? '0'), ms: fraction(match[7]), zone: zoneOf(match[9], match[10]) };
}

/** "UTC" or "GMT" with no number after it names offset zero, not a missing zone. */
function zoneOf(named: string | undefined, offset: string | undefined): string | null {
  return offset ?? (named === undefined ? null : 'Z');
}

function fraction(digits: string | undefined): number {
  return digits === undefined ? 0 : Math.floor(Number(`0.${digits}`) * 1000);
}

function valid(parts: Parts): boolean {
  const days = new Date(dateUtc(parts.year, parts.month, 0)).getUTCDate();
  return parts.month >= 1 && parts.month <= 12 && parts.day >= 1 && parts.day <= days && parts.hour <= 23 && parts.minute <= 59 && parts.second <= 60;
}

/** `Z`, `+02:00`, `+0200`, `+2`, `-05:30` → minutes east of UTC. */
function offsetMinutes(zone: string): number | null {
  if (['Z', 'UTC', 'GMT'].includes(zone.toUpperCase())) return 0;
  const match = /^([+-])(\d{1,2})(?::?(\d{2}))?$/u.exec(zone);
  if (match === null) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? '0');
  if (minutes > 14 * 60) return null;
  return match[1] === '-' ? -minutes : minutes;
}
