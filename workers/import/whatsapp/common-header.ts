import type { HeaderMatch } from './header-match.ts';

/**
 * The two header shapes nearly every WhatsApp export uses, read char by char: Android
 * `12/03/2024, 21:05 - ` and iOS `[12/03/2024, 21:05:33] `, ASCII digits, `/ . -` between date
 * fields. The general grammar (header-grammar.ts) costs a third of reading a line; this answers
 * the common case at a tenth of that. It never says "not a header": anything it does not
 * recognise in full (marks, other digits, day periods, month names, a separator at the end of the
 * scan window) is left to the general grammar, and what it does recognise it reads exactly as
 * the grammar would (tests/unit/workers/import/whatsapp/common-header.test.ts compares them).
 *
 * Returns undefined when the general grammar must decide.
 */
export function matchCommonHeader(line: string): HeaderMatch | undefined {
  const bracket = line.charCodeAt(0) === OPEN_BRACKET;
  const reader = { line, at: bracket ? 1 : 0 };
  const stampStart = reader.at;
  const field1 = digits(reader, 4);
  if (field1 === '' || !dateSeparator(reader)) return undefined;
  const field2 = digits(reader, 2);
  if (field2 === '' || !dateSeparator(reader)) return undefined;
  const field3 = digits(reader, 4);
  if (field3 === '' || line.charCodeAt(reader.at) !== COMMA) return undefined;
  reader.at = spaces(line, reader.at + 1);
  const hour = digits(reader, 2);
  if (hour === '' || line.charCodeAt(reader.at) !== COLON) return undefined;
  reader.at += 1;
  const minute = exactlyTwoDigits(reader);
  if (minute === '') return undefined;
  let second = '';
  if (line.charCodeAt(reader.at) === COLON) {
    reader.at += 1;
    second = exactlyTwoDigits(reader);
    if (second === '') return undefined;
  }
  const stampEnd = reader.at;
  let bodyStart: number;
  if (bracket) {
    if (line.charCodeAt(stampEnd) !== CLOSE_BRACKET) return undefined;
    bodyStart = spaces(line, stampEnd + 1);
  } else {
    const dash = spaces(line, stampEnd);
    if (dash === stampEnd || line.charCodeAt(dash) !== HYPHEN) return undefined;
    bodyStart = spaces(line, dash + 1);
    // The grammar needs a space after the dash, or the end of the line.
    if (bodyStart === dash + 1 && bodyStart !== line.length) return undefined;
  }
  // Reaching the grammar's scan window is the grammar's call (a separator cut off by the window).
  if (bodyStart >= SCAN_WINDOW) return undefined;
  return {
    style: bracket ? 'bracket' : 'dash',
    stampStart,
    stampEnd,
    bodyStart,
    field1,
    field2,
    field3,
    calendarMarker: '',
    namedDay: 0,
    namedMonth: 0,
    namedYear: null,
    hour: Number(hour),
    minute: Number(minute),
    second: second === '' ? 0 : Number(second),
    dayPeriod: null,
    yearFirst: false,
  };
}

/** Well inside the grammar's HEADER_SCAN_LIMIT (64), so no match here comes near its edge. */
const SCAN_WINDOW = 48;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const HYPHEN = 0x2d;
const SLASH = 0x2f;
const DOT = 0x2e;
const SPACE = 0x20;

interface Reader {
  readonly line: string;
  at: number;
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** 1..max ASCII digits; '' when there are none or more than max (the grammar would not take them). */
function digits(reader: Reader, max: number): string {
  const start = reader.at;
  let end = start;
  while (end < reader.line.length && isAsciiDigit(reader.line.charCodeAt(end))) end += 1;
  if (end === start || end - start > max) return '';
  reader.at = end;
  return reader.line.slice(start, end);
}

function exactlyTwoDigits(reader: Reader): string {
  const found = digits(reader, 2);
  return found.length === 2 ? found : '';
}

/** `/`, `.` or `-` straight before the next digit (a space after it is left to the grammar). */
function dateSeparator(reader: Reader): boolean {
  const code = reader.line.charCodeAt(reader.at);
  if (code !== SLASH && code !== DOT && code !== HYPHEN) return false;
  if (!isAsciiDigit(reader.line.charCodeAt(reader.at + 1))) return false;
  reader.at += 1;
  return true;
}

function spaces(line: string, start: number): number {
  let index = start;
  while (line.charCodeAt(index) === SPACE) index += 1;
  return index;
}
