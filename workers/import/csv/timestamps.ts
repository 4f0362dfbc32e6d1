/**
 * Timestamp cells of a CSV, read by the mapping's format. Unix values and values that state a zone
 * (ISO's own, or one written after the time: "UTC", "(UTC+2)", "+0100") are instants; zone-less
 * dates are wall clock unless the mapping says the file is in UTC. The cell is read from a copy
 * without invisible marks and with other scripts' digits as ASCII (FORMATS.md §0.3).
 */

import type { ParsedTime } from '../../../shared/contracts/parsed-source.ts';
import { isValidWallTime, type WallTime } from '../../../shared/time/zoned-time.ts';
import { dateUtc } from '../../../shared/time/date-utc.ts';
import { unitByMagnitude, type EpochUnit } from '../sqlite/time.ts';
import type { CsvTimestampFormat } from './mapping.ts';
import { INVISIBLE_MARKS } from './invisible-marks.ts';

const NUMBER = /^-?\d+(?:\.\d+)?$/u;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/iu;
const YEAR_FIRST = /^\d{4}([/.])\d{1,2}\1\d{1,2}(?![\d/.])/u;
const NUMERIC_DATE = /^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:[.,](\d{1,9}))?)?$/u;
/**
 * Day periods of 12-hour clocks as locales write them, before or after the time: English
 * "AM"/"a.m.", Spanish "p. m.", Greek "π.μ."/"μ.μ.", Arabic "ص"/"م", Chinese "上午"/"下午",
 * Japanese "午前"/"午後", Korean "오전"/"오후". Only letters can be one: the rest is digits and separators.
 */
const DAY_PERIOD = /(a\.?\s?m\.?|π\.?\s?μ\.?|ص|上午|午前|오전)|(p\.?\s?m\.?|μ\.?\s?μ\.?|م|下午|午後|오후)/iu;
const MS_PER_MINUTE = 60_000;
/** English month names and their usual abbreviations ("Sept" too), as tools such as PhoneView write dates. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].flatMap((short, index) => {
    const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][index] ?? short;
    return [[short, index + 1], [full, index + 1], ...(short === 'sep' ? [['sept', 9] as [string, number]] : [])] as [string, number][];
  }),
);
const CLOCK_TAIL = '(?:[ T,]+(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?(?:[.,](\\d{1,9}))?)?$';
/** "Jul 23, 2011 6:12:54", "Saturday, July 23, 2011": the month named first. */
const MONTH_FIRST = new RegExp(`^(?:[A-Za-z]+,?\\s+)?([A-Za-z]{3,9})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})${CLOCK_TAIL}`, 'u');
/** "23 Jul 2011 18:00", "23. Juli"-like forms in English: the day first. */
const DAY_FIRST_NAMED = new RegExp(`^(?:[A-Za-z]+,?\\s+)?(\\d{1,2})\\.?\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})${CLOCK_TAIL}`, 'u');

/** A date whose month is written as an English name: unambiguous, whatever the day/month order chosen. */
function monthNameDate(clock: string): { year: number; month: number; day: number; hour: number; minute: number; second: number; fraction: string | undefined } | null {
  const first = MONTH_FIRST.exec(clock);
  const second = first === null ? DAY_FIRST_NAMED.exec(clock) : null;
  const match = first ?? second;
  if (match === null) return null;
  const month = MONTHS.get((first !== null ? match[1] : match[2])?.toLowerCase() ?? '');
  if (month === undefined) return null;
  return {
    year: Number(match[3]),
    month,
    day: Number(first !== null ? match[2] : match[1]),
    hour: Number(match[4] ?? '0'),
    minute: Number(match[5] ?? '0'),
    second: Number(match[6] ?? '0'),
    fraction: match[7],
  };
}
/** ±18:00: the widest offset any date library accepts (real zones span -12:00 to +14:00). */
const MAX_OFFSET_MINUTES = 18 * 60;
/** "+2", "+02", "+0530", "+05:30": sign, hours, minutes. */
const OFFSET = /^([+-])(\d{1,2})(?::?(\d{2}))?$/u;
const MILLISECONDS_PER_UNIT: Record<EpochUnit, number> = { s: 1000, ms: 1, us: 1e-3, ns: 1e-6 };
/** The farthest instant from 1970 a JS Date can hold (ECMA-262 §21.4.1.1); past it there is no date. */
const MAX_DATE_MS = 8.64e15;

export interface CsvTime {
  time: ParsedTime;
  /** Why the cell could not be read, or null. */
  problem: string | null;
}

export function readCsvTimestamp(raw: string, format: CsvTimestampFormat | undefined, utcWhenZoneless: boolean): CsvTime {
  const value = matchingCopy(raw).trim();
  if (value === '') return { time: null, problem: 'the timestamp cell is empty' };
  if (format === undefined && NUMBER.test(value)) return unixBySize(value);
  const chosen = format ?? 'iso';
  switch (chosen) {
    case 'unix-ms':
    case 'unix-s': {
      if (!NUMBER.test(value)) return { time: null, problem: `"${value}" is not a number of ${chosen === 'unix-ms' ? 'milliseconds' : 'seconds'}` };
      // A chosen unit does not make a serial date a time in the first minutes of 1970 either.
      if (isExcelSerialSized(Number(value))) return excelSerialSized(value, chosen === 'unix-ms' ? 'milliseconds' : 'seconds');
      if (chosen === 'unix-ms') return unixInstant(value, Number(value));
      return unixSeconds(value);
    }
    case 'iso':
      // A year first with slashes or dots ("2020/06/22 10:32:30", as an Android dataset's call log
      // writes it) has only one reading, year-month-day, so it needs no format chosen.
      if (format === undefined && YEAR_FIRST.test(value)) return readNumericDate(value, 'ymd', utcWhenZoneless);
      return readIso(value, utcWhenZoneless, format === undefined);
    case 'excel':
    case 'excel-1904':
      return readExcelSerial(value, chosen, utcWhenZoneless);
    default:
      return readNumericDate(value, chosen, utcWhenZoneless);
  }
}

const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * The cell as the patterns can read it: without invisible marks, and with other scripts' digits
 * ("١٨", "۱۴") as ASCII (a JS \d matches ASCII only). Only for reading the time; the cell as
 * written stays the timestamp text.
 */
function matchingCopy(raw: string): string {
  return raw.replace(INVISIBLE_MARKS, '').replace(NON_ASCII_DIGIT, (digit) => String(digitValue(digit)));
}

/** The value of a decimal digit: Unicode writes each script's digits as one run, 0 to 9 (so runs start at a 0). */
function digitValue(digit: string): number {
  const code = digit.codePointAt(0) ?? 0;
  let runStart = code;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(runStart - 1))) runStart -= 1;
  return (code - runStart) % 10;
}

/**
 * Seconds, as the mapping says, unless the value is the size of a finer unit (past the year
 * 5138, which no message was sent in): then a milliseconds column was mapped as seconds, and
 * reading it so would give a date tens of thousands of years away without a word.
 */
function unixSeconds(value: string): CsvTime {
  const read = unixInstant(value, Number(value) * 1000);
  const unit = unitByMagnitude(Number(value));
  if (read.time === null || unit === 's') return read;
  const year = new Date(Number(value) * 1000).getUTCFullYear();
  return { time: null, problem: `"${value}" read as seconds is in the year ${year}: its size is that of ${UNIT_NAMES[unit]} (${unit === 'ms' ? 'timestampFormat "unix-ms"' : 'without a timestampFormat a number is read by its size'})` };
}

const UNIT_NAMES: Record<EpochUnit, string> = { s: 'seconds', ms: 'milliseconds', us: 'microseconds', ns: 'nanoseconds' };

/**
 * Serial dates a sheet writes for a date cell: from 1954 (20000) to 2119 (80000). As Unix seconds
 * they all fall on 1 January 1970, when no message was sent, so such a number is a serial date.
 */
const EXCEL_SERIAL_SIZED = { from: 20_000, to: 80_000 };

/** A number without a format: Unix time by its size, unless it is the size of an Excel serial date (then no time, and why). */
function unixBySize(value: string): CsvTime {
  const number = Number(value);
  return isExcelSerialSized(number) ? excelSerialSized(value, 'seconds') : unixInstant(value, unixMsBySize(number));
}

function isExcelSerialSized(number: number): boolean {
  return number >= EXCEL_SERIAL_SIZED.from && number < EXCEL_SERIAL_SIZED.to;
}

/** No time for a number the size of a serial date read as Unix `unit`, and the format that reads it. */
function excelSerialSized(value: string, unit: 'seconds' | 'milliseconds'): CsvTime {
  const asExcel = new Date(excelSerialMs(Number(value), 'excel')).toISOString().slice(0, 19).replace('T', ' ');
  return { time: null, problem: `"${value}" read as Unix ${unit} is on 1 January 1970; its size is that of an Excel serial date (${asExcel} as "excel"): choose timestampFormat "excel" (or "excel-1904" for a Mac workbook)` };
}

/** A Unix time whose unit the mapping does not give: s, ms, µs or ns, chosen per value from its size (FORMATS.md §0.2). */
function unixMsBySize(value: number): number {
  return value * MILLISECONDS_PER_UNIT[unitByMagnitude(value)];
}

/** The instant of a Unix value, or why there is none: a value past any date would be handed on as a time no Date can show. */
function unixInstant(value: string, ms: number): CsvTime {
  const utcMs = Math.round(ms);
  if (!Number.isFinite(utcMs) || Math.abs(utcMs) > MAX_DATE_MS) return { time: null, problem: `"${value}" is beyond any date` };
  return { time: { utcMs }, problem: null };
}

/**
 * A zone written after a time by forensic tools and spreadsheets: "UTC", "GMT+2", "(UTC+05:30)"
 * (Cellebrite, FORMATS.md §7.2), or a bare "+0100" after a space. Group 1 or 2: the offset after
 * UTC/GMT (none: UTC itself); group 3: the bare offset.
 */
const ZONE_SUFFIX = /(?:\s*\(\s*(?:UTC|GMT)\s*([+-]\d{1,2}(?::?\d{2})?)?\s*\)|\s*(?:UTC|GMT)\s*([+-]\d{1,2}(?::?\d{2})?)?|\s+([+-]\d{2}:?\d{2}))$/iu;

/** Longest zone suffix looked for (" ( GMT +05:30 )" and a little room). */
const ZONE_SUFFIX_LONGEST = 24;

/** The value without a zone written after it, and that zone ('Z' for UTC itself, else the offset); zone undefined when none is written. */
function splitZoneSuffix(value: string): { rest: string; zone: string | undefined } {
  // Only the tail is searched: an unanchored pattern over a huge cell of spaces would take quadratic time.
  const tailStart = Math.max(0, value.length - ZONE_SUFFIX_LONGEST);
  const found = ZONE_SUFFIX.exec(value.slice(tailStart));
  if (found === null) return { rest: value, zone: undefined };
  return { rest: value.slice(0, tailStart + found.index), zone: found[1] ?? found[2] ?? found[3] ?? 'Z' };
}

function readIso(value: string, utcWhenZoneless: boolean, guessed: boolean): CsvTime {
  // ISO 8601's own zone first; then a zone written after it in a tool's way ("… UTC", "…(UTC+2)").
  const suffixed = splitZoneSuffix(value);
  const match = ISO.exec(value) ?? (suffixed.zone === undefined ? null : ISO.exec(suffixed.rest));
  if (match === null) {
    return { time: null, problem: guessed ? `"${value}" is neither Unix time nor ISO 8601; choose a timestamp format in the mapping` : `"${value}" is not an ISO 8601 date` };
  }
  const wall: WallTime = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour: Number(match[4] ?? '0'), minute: Number(match[5] ?? '0'), second: Number(match[6] ?? '0') };
  if (!isValidWallTime(wall)) return { time: null, problem: `"${value}" is not a valid date` };
  return instantOrWall(value, wall, fractionMs(match[7]), match[8] ?? suffixed.zone, utcWhenZoneless);
}

function readNumericDate(value: string, order: 'dmy' | 'mdy' | 'ymd', utcWhenZoneless: boolean): CsvTime {
  const { rest, zone } = splitZoneSuffix(value);
  const { clock, period } = splitDayPeriod(rest);
  const named = monthNameDate(clock);
  if (named !== null) {
    let namedHour = named.hour;
    if (period !== undefined) {
      if (namedHour < 1 || namedHour > 12) return { time: null, problem: `"${value}" has hour ${namedHour} with ${period.toUpperCase()}` };
      namedHour = (namedHour % 12) + (period === 'pm' ? 12 : 0);
    }
    const namedWall: WallTime = { year: named.year, month: named.month, day: named.day, hour: namedHour, minute: named.minute, second: named.second };
    if (!isValidWallTime(namedWall)) return { time: null, problem: `"${value}" is not a valid date` };
    return instantOrWall(value, namedWall, fractionMs(named.fraction), zone, utcWhenZoneless);
  }
  const match = NUMERIC_DATE.exec(clock);
  if (match === null) return { time: null, problem: `"${value}" is not a ${order} date${/[A-Za-z]{3}/u.test(clock) ? ' (month names are read in English: "Jul 23, 2011", "23 July 2011")' : ''}` };
  const [first, second, third] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const fields = order === 'dmy' ? { day: first, month: second, year: third } : order === 'mdy' ? { month: first, day: second, year: third } : { year: first, month: second, day: third };
  // Two-digit years in chat exports are this century; a year written with four digits is as written.
  const yearText = (order === 'ymd' ? match[1] : match[3]) ?? '';
  const year = yearText.length <= 2 ? 2000 + fields.year : fields.year;
  let hour = Number(match[4] ?? '0');
  if (period !== undefined) {
    if (hour < 1 || hour > 12) return { time: null, problem: `"${value}" has hour ${hour} with ${period.toUpperCase()}` };
    hour = (hour % 12) + (period === 'pm' ? 12 : 0);
  }
  const wall: WallTime = { year, month: fields.month, day: fields.day, hour, minute: Number(match[5] ?? '0'), second: Number(match[6] ?? '0') };
  if (!isValidWallTime(wall)) return { time: null, problem: `"${value}" is not a valid ${order} date` };
  return instantOrWall(value, wall, fractionMs(match[7]), zone, utcWhenZoneless);
}

const MS_PER_DAY = 86_400_000;
const DECIMAL_COMMA_NUMBER = /^-?\d+,\d+$/u;
/** Excel's day 0 in each system: serial 1 is 1900-01-01 (1904-01-02 in the Mac 1904 system). */
const EXCEL_DAY_ZERO_MS = { excel: Date.UTC(1899, 11, 30), 'excel-1904': Date.UTC(1904, 0, 1) } as const;
/** Serial 60 is 29 February 1900, which Excel counts (as Lotus 1-2-3 did) though 1900 was no leap year. */
const EXCEL_FICTITIOUS_LEAP_DAY = 60;
/** Excel's last date, 9999-12-31 (serial 2958465, 1900 system). */
const EXCEL_LAST_DAY_MS = Date.UTC(9999, 11, 31);

/** A serial date as the wall clock it stands for (or UTC, when the mapping says the file is in UTC). */
function readExcelSerial(value: string, system: 'excel' | 'excel-1904', utcWhenZoneless: boolean): CsvTime {
  // Excel in a decimal-comma locale writes "45296,58".
  const decimal = DECIMAL_COMMA_NUMBER.test(value) ? value.replace(',', '.') : value;
  if (!NUMBER.test(decimal)) return { time: null, problem: `"${value}" is not an Excel serial date (a number of days)` };
  const serial = Number(decimal);
  if (serial < 0) return { time: null, problem: `"${value}" is before Excel's first date` };
  if (system === 'excel' && Math.floor(serial) === EXCEL_FICTITIOUS_LEAP_DAY) return { time: null, problem: `"${value}" is Excel's 29 February 1900, a day that never was` };
  const ms = excelSerialMs(serial, system);
  if (ms >= EXCEL_LAST_DAY_MS + MS_PER_DAY) return { time: null, problem: `"${value}" is after Excel's last date (9999-12-31)` };
  const date = new Date(ms);
  const wall: WallTime = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds() };
  return instantOrWall(value, wall, date.getUTCMilliseconds(), undefined, utcWhenZoneless);
}

/**
 * The serial's date and time as milliseconds on a UTC clock, rounded to the millisecond (a
 * fraction of a day is rarely exact in binary: 13:55:12 may be 13:55:11.9999…). Below the
 * fictitious 29 February the 1900 system counts from 1899-12-31.
 */
function excelSerialMs(serial: number, system: 'excel' | 'excel-1904'): number {
  const days = system === 'excel' && serial < EXCEL_FICTITIOUS_LEAP_DAY ? serial + 1 : serial;
  return EXCEL_DAY_ZERO_MS[system] + Math.round(days * MS_PER_DAY);
}

/** The value without its day period (a space in its place), and which period it was; undefined for a 24-hour time. */
function splitDayPeriod(value: string): { clock: string; period: 'am' | 'pm' | undefined } {
  const found = DAY_PERIOD.exec(value);
  if (found === null) return { clock: value, period: undefined };
  const clock = `${value.slice(0, found.index)} ${value.slice(found.index + found[0].length)}`.trim();
  return { clock, period: found[1] === undefined ? 'pm' : 'am' };
}

/** The instant a time with a zone (or in a file the mapping says is UTC) stands for; else its wall clock, for the case's zone. */
function instantOrWall(value: string, wall: WallTime, fraction: number, zone: string | undefined, utcWhenZoneless: boolean): CsvTime {
  if (zone === undefined && !utcWhenZoneless) return { time: { wall: fraction === 0 ? wall : { ...wall, millisecond: Math.min(fraction, MAX_MILLISECOND) } }, problem: null };
  const offset = offsetMinutes(zone);
  if (offset === null) return { time: null, problem: `"${value}" has an offset no time zone has` };
  return { time: { utcMs: wallAsUtc(wall) + fraction - offset * MS_PER_MINUTE }, problem: null };
}

/** The last millisecond of a second: ".9996" rounds to 1000, which a wall clock's seconds cannot take. */
const MAX_MILLISECOND = 999;

/** Milliseconds of a fraction of a second written after the seconds ("123" of "22.123"). */
function fractionMs(digits: string | undefined): number {
  return digits === undefined ? 0 : Math.round(Number(`0.${digits}`) * 1000);
}

function wallAsUtc(wall: WallTime): number {
  return dateUtc(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, Math.min(wall.second, 59));
}

/** Minutes east of UTC; null for an offset no zone has (past ±18:00, or minutes past 59), which would move the instant silently. */
function offsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const parts = OFFSET.exec(zone);
  if (parts === null) return null;
  const minutesPast = Number(parts[3] ?? '0');
  const minutes = Number(parts[2]) * 60 + minutesPast;
  if (minutesPast > 59 || minutes > MAX_OFFSET_MINUTES) return null;
  return parts[1] === '-' ? -minutes : minutes;
}
