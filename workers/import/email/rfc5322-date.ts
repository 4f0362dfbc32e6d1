/**
 * The Date header read by RFC 5322 §3.3, with the obsolete forms of §4.3 that real mail still
 * carries: optional day name and seconds, two- and three-digit years, comments such as "(PDT)",
 * and the old zone names; and the variants real clients and tools write (asctime(), ISO 8601,
 * "+02:00", "GMT+0200"). Nothing is guessed: a zone abbreviation RFC 5322 does not define leaves
 * a wall-clock time that names it, and a header that does not fit is reported, not handed to
 * Date.parse (whose reading differs between engines).
 */

import { dateUtc } from '../../../shared/time/date-utc.ts';
import type { WallTime } from '../../../shared/time/zoned-time.ts';

/**
 * An instant when the header names its zone; a wall-clock time (read in the import's zone) when it
 * names none, or only an abbreviation RFC 5322 does not define (`unknownZone`: "CET", "IST"...,
 * several of which stand for different offsets in different countries).
 */
export type MailDate = AbsoluteMailDate | { wall: WallTime; unknownZone?: string };

export interface AbsoluteMailDate {
  utcMs: number;
  /** The sender's offset as written ("+0200"); "-0000" means "UTC, local zone unknown" (§3.3). */
  offset: string;
  /** Set when the zone was an obsolete name or a military letter (§4.3), or "UTC". */
  obsoleteZone?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** §4.3: the only zone names RFC 5322 defines, with their offsets in minutes; "UTC", not in the RFC, is as unambiguous. */
const NAMED_ZONES: Readonly<Record<string, number>> = { UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };
const MINUTES_PER_HOUR = 60;
const MS_PER_MINUTE = 60_000;
/**
 * The zone after the time: an offset (some clients write "+02:00" or "GMT+0200"), then maybe a
 * zone name left outside a comment ("+0100 CET", ignored: the offset says more); or a name alone.
 */
const ZONE = String.raw`(?:(?:gmt|utc|ut)?([+-])(\d{2}):?(\d{2})(?:\s+[a-z]{1,5})?|([a-z]{1,5}))`;
/** RFC 5322 §3.3 with §4.3: "[Sat,] 2 Mar 2024 11:14[:05] zone"; day and month names may be written out. */
const RFC5322 = new RegExp(String.raw`^(?:[a-z]{3}[a-z]*\.?(?:,\s*|\s+))?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*${ZONE}?$`, 'iu');
/** asctime()/ctime(), as scripts write it: "Sat Mar  2 11:14:05 [zone] 2024 [zone]". */
const ASCTIME = new RegExp(String.raw`^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:${ZONE}\s+)?(\d{4})(?:\s+${ZONE})?$`, 'iu');
/** ISO 8601, as some tools write it: "2024-03-02T11:14:05[.123][Z|+02:00|+0200]". */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:(z)|([+-])(\d{2}):?(\d{2}))?$/iu;

interface DateFields {
  year: number;
  /** 0–11. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  zone: { sign?: string | undefined; hours?: string | undefined; minutes?: string | undefined; name?: string | undefined };
}

/** Comments "(...)" may appear anywhere as folding white space (§3.2.2); nested ones are rare and dropped whole. */
function withoutComments(value: string): string {
  let depth = 0;
  let out = '';
  for (const char of value) {
    if (char === '(') depth += 1;
    else if (char === ')' && depth > 0) depth -= 1;
    else if (depth === 0) out += char;
  }
  return out.replace(/\s+/gu, ' ').trim();
}

/** A GMT or UTC offset with one-digit hours or minutes after a colon ("GMT+2", "UTC-5", "GMT+5:30") as hhmm ("GMT+0200"). */
const SHORT_GMT_OFFSET = /\b(gmt|utc|ut)([+-])(\d{1,2})(?::?(\d{2}))?(?!\d)/giu;
function withFullGmtOffsets(text: string): string {
  return text.replace(SHORT_GMT_OFFSET, (_whole, prefix: string, sign: string, hours: string, minutes?: string) => `${prefix}${sign}${hours.padStart(2, '0')}${minutes ?? '00'}`);
}

/** Reads a Date header value; null when it is not a date RFC 5322 (or its obsolete syntax, or a common variant of it) allows. */
export function parseMailDate(value: string): MailDate | null {
  const text = withFullGmtOffsets(withoutComments(value));
  const fields = rfc5322Fields(text) ?? asctimeFields(text) ?? isoFields(text);
  if (fields === null || fields.month === -1) return null;
  if (fields.day < 1 || fields.day > 31 || fields.hour > 23 || fields.minute > 59 || fields.second > 60) return null;
  const wallMs = dateUtc(fields.year, fields.month, fields.day, fields.hour, fields.minute, Math.min(fields.second, 59));
  // Date.UTC rolls 31 February over into March: such a date does not exist.
  if (new Date(wallMs).getUTCDate() !== fields.day) return null;
  const wall = { year: fields.year, month: fields.month + 1, day: fields.day, hour: fields.hour, minute: fields.minute, second: fields.second };
  const { sign, hours, minutes, name } = fields.zone;
  // No zone at all breaks §3.3; the sender's clock is then as unknown as a chat export's.
  if (sign === undefined && name === undefined) return { wall };
  const zone = readZone(sign, hours, minutes, name);
  if (zone === null) return null;
  // A name RFC 5322 does not define is not guessed at: the time stays on the sender's wall clock.
  if ('unknown' in zone) return { wall, unknownZone: zone.unknown };
  return { utcMs: wallMs - zone.minutes * MS_PER_MINUTE, offset: zone.offset, ...(zone.obsolete === undefined ? {} : { obsoleteZone: zone.obsolete }) };
}

function rfc5322Fields(text: string): DateFields | null {
  const match = RFC5322.exec(text);
  if (match === null) return null;
  const [, day, month, year, hour, minute, second, sign, hours, minutes, name] = match;
  return fieldsOf(obsoleteYear(year ?? ''), month, day, hour, minute, second, { sign, hours, minutes, name });
}

function asctimeFields(text: string): DateFields | null {
  const match = ASCTIME.exec(text);
  if (match === null) return null;
  const [, month, day, hour, minute, second, signA, hoursA, minutesA, nameA, year, signB, hoursB, minutesB, nameB] = match;
  const zone = signA !== undefined || nameA !== undefined ? { sign: signA, hours: hoursA, minutes: minutesA, name: nameA } : { sign: signB, hours: hoursB, minutes: minutesB, name: nameB };
  return fieldsOf(Number(year), month, day, hour, minute, second, zone);
}

function isoFields(text: string): DateFields | null {
  const match = ISO_8601.exec(text);
  if (match === null) return null;
  const [, year, month, day, hour, minute, second, utc, sign, hours, minutes] = match;
  // ISO's "Z" is an offset like any other, not one of RFC 822's zone names.
  const zone = utc === undefined ? { sign, hours, minutes } : { sign: '+', hours: '00', minutes: '00' };
  const fields = fieldsOf(Number(year), MONTHS[Number(month) - 1], day, hour, minute, second, zone);
  return Number(month) >= 1 && Number(month) <= 12 ? fields : null;
}

function fieldsOf(year: number, monthName: string | undefined, day: string | undefined, hour: string | undefined, minute: string | undefined, second: string | undefined, zone: DateFields['zone']): DateFields {
  const month = MONTHS.indexOf((monthName ?? '').toLowerCase());
  return { year, month, day: Number(day), hour: Number(hour), minute: Number(minute), second: second === undefined ? 0 : Number(second), zone };
}

/** §4.3: 00–49 are 2000–2049, 50–99 and three-digit years count from 1900. */
function obsoleteYear(text: string): number {
  const year = Number(text);
  if (text.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  if (text.length === 3) return 1900 + year;
  return year;
}

type Zone = { minutes: number; offset: string; obsolete?: string } | { unknown: string };

function readZone(sign: string | undefined, hours: string | undefined, minutes: string | undefined, name: string | undefined): Zone | null {
  if (sign !== undefined) {
    const total = (Number(hours) * MINUTES_PER_HOUR + Number(minutes)) * (sign === '-' ? -1 : 1);
    if (Number(minutes) > 59) return null;
    return { minutes: total, offset: `${sign}${hours ?? '00'}${minutes ?? '00'}` };
  }
  const upper = (name ?? '').toUpperCase();
  const known = NAMED_ZONES[upper];
  if (known !== undefined) return { minutes: known, offset: formatOffset(known), obsolete: upper };
  // §4.3: military letters were defined wrongly in RFC 822 and "SHOULD all be considered equivalent to -0000".
  if (/^[A-IK-Z]$/u.test(upper)) return { minutes: 0, offset: '-0000', obsolete: upper };
  return upper === '' ? null : { unknown: upper };
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / MINUTES_PER_HOUR)).padStart(2, '0')}${String(absolute % MINUTES_PER_HOUR).padStart(2, '0')}`;
}
