/**
 * Telegram's three ways of writing a time: `date_unixtime` (a UTC instant, as a string of
 * seconds), `date` (the exporting PC's wall clock with no zone; a few generated files add `Z`
 * or an offset), and the HTML `title` "dd.mm.yyyy hh:mm:ss UTC+hh:mm" (no zone before ≈2022).
 */

import type { ParsedTime } from '../../../shared/contracts/parsed-source.ts';
import { isValidWallTime, type WallTime } from '../../../shared/time/zoned-time.ts';
import { dateUtc } from '../../../shared/time/date-utc.ts';

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60_000;
const ISO_STAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/u;
const HTML_TITLE_STAMP = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})(?: UTC([+-])(\d{2}):(\d{2}))?/u;
const UNIX_SECONDS = /^-?\d{1,12}$/u;

function wallToUtcMs(wall: WallTime): number {
  return dateUtc(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, Math.min(wall.second, 59));
}

/** Seconds since 1970 as Telegram writes them (a string, sometimes a number). */
export function fromUnixSeconds(raw: string): ParsedTime {
  if (!UNIX_SECONDS.test(raw)) return null;
  return { utcMs: Number(raw) * MS_PER_SECOND };
}

/** An ISO-like `date`: zone-less → wall clock; with `Z` or an offset → an instant. */
export function fromIsoDate(raw: string): ParsedTime {
  const match = ISO_STAMP.exec(raw.trim());
  if (match === null) return null;
  const wall: WallTime = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: Number(match[6] ?? '0'),
  };
  if (!isValidWallTime(wall)) return null;
  const zone = match[8];
  if (zone === undefined) return { wall };
  const fraction = match[7] === undefined ? 0 : Math.round(Number(`0.${match[7]}`) * MS_PER_SECOND);
  return { utcMs: wallToUtcMs(wall) + fraction - offsetMinutes(zone) * MS_PER_MINUTE };
}

function offsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return zone.startsWith('-') ? -minutes : minutes;
}

/**
 * The HTML export's date `title`. Its offset is not the one in force at the message: Telegram
 * Desktop writes `value.timeZone().displayName(QTimeZone::StandardTime, QTimeZone::OffsetName)`
 * (export_data_types.cpp, FormatDateTime), the exporting computer's standard offset, beside the
 * local wall time, which does follow daylight saving. A summer message read as wall time minus
 * that offset would be an hour late; the record writer converts it in the source's zone instead
 * when that zone has this standard offset (ParsedTime).
 */
export function fromHtmlTitle(title: string): ParsedTime {
  const match = HTML_TITLE_STAMP.exec(title.trim());
  if (match === null) return null;
  const wall: WallTime = {
    year: Number(match[3]),
    month: Number(match[2]),
    day: Number(match[1]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: Number(match[6]),
  };
  if (!isValidWallTime(wall)) return null;
  if (match[7] === undefined) return { wall };
  const minutes = Number(match[8]) * 60 + Number(match[9]);
  return { wall, standardOffsetMinutes: match[7] === '-' ? -minutes : minutes };
}
