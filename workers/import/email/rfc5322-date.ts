/**
 * The Date header read by RFC 5322 §3.3, with the obsolete forms of §4.3 that real mail still
 * carries: optional day name and seconds, two- and three-digit years, comments such as "(PDT)",
 * and the old zone names. Nothing is guessed: a header that does not fit is reported, not
 * handed to Date.parse (whose reading differs between engines).
 */

import { dateUtc } from '../../../shared/time/date-utc.ts';
import type { WallTime } from '../../../shared/time/zoned-time.ts';

/** An instant when the header names its zone; a wall-clock time (read in the import's zone) when it names none. */
export type MailDate = AbsoluteMailDate | { wall: WallTime };

export interface AbsoluteMailDate {
  utcMs: number;
  /** The sender's offset as written ("+0200"); "-0000" means "UTC, local zone unknown" (§3.3). */
  offset: string;
  /** Set when the zone was an obsolete name or a military letter (§4.3). */
  obsoleteZone?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** §4.3: the only zone names RFC 5322 defines, with their offsets in minutes. */
const NAMED_ZONES: Readonly<Record<string, number>> = { UT: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };
const MINUTES_PER_HOUR = 60;
const MS_PER_MINUTE = 60_000;
const DATE = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([+-])(\d{2})(\d{2})|([a-z]{1,5}))?$/iu;

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

/** Reads a Date header value; null when it is not a date RFC 5322 (or its obsolete syntax) allows. */
export function parseMailDate(value: string): MailDate | null {
  const match = DATE.exec(withoutComments(value));
  if (match === null) return null;
  const [, day, monthName, yearText, hour, minute, second, sign, zoneHours, zoneMinutes, zoneName] = match;
  const month = MONTHS.indexOf((monthName ?? '').toLowerCase());
  if (month === -1) return null;
  const year = obsoleteYear(yearText ?? '');
  const fields = { day: Number(day), hour: Number(hour), minute: Number(minute), second: second === undefined ? 0 : Number(second) };
  if (fields.day < 1 || fields.day > 31 || fields.hour > 23 || fields.minute > 59 || fields.second > 60) return null;
  const wallMs = dateUtc(year, month, fields.day, fields.hour, fields.minute, Math.min(fields.second, 59));
  // Date.UTC rolls 31 February over into March: such a date does not exist.
  if (new Date(wallMs).getUTCDate() !== fields.day) return null;
  // No zone at all breaks §3.3; the sender's clock is then as unknown as a chat export's.
  if (sign === undefined && zoneName === undefined) return { wall: { year, month: month + 1, ...fields } };
  const zone = readZone(sign, zoneHours, zoneMinutes, zoneName);
  if (zone === null) return null;
  return { utcMs: wallMs - zone.minutes * MS_PER_MINUTE, offset: zone.offset, ...(zone.obsolete === undefined ? {} : { obsoleteZone: zone.obsolete }) };
}

/** §4.3: 00–49 are 2000–2049, 50–99 and three-digit years count from 1900. */
function obsoleteYear(text: string): number {
  const year = Number(text);
  if (text.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  if (text.length === 3) return 1900 + year;
  return year;
}

function readZone(sign: string | undefined, hours: string | undefined, minutes: string | undefined, name: string | undefined): { minutes: number; offset: string; obsolete?: string } | null {
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
  return null;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / MINUTES_PER_HOUR)).padStart(2, '0')}${String(absolute % MINUTES_PER_HOUR).padStart(2, '0')}`;
}
