/**
 * The message-header grammar of WhatsApp text exports (FORMATS.md §1.2 and §1.5).
 *
 * A header is `[date, time] ` (iOS), `date, time - ` (Android, also EN DASH) or
 * `date time: ` (old colon form), at the very start of a line. Dates are numeric in any
 * field order with `/ . -` separators (optionally followed by spaces, as in `13. 6. 2018.`),
 * CJK `年月日`, Japanese era or Buddhist years, or use month names (old year-less formats).
 * The time may come first (vi, old Android). Day periods may follow or precede the time.
 *
 * Matching runs on a normalised copy of the line prefix (text-cleaning.ts), so direction
 * marks, NBSPs, Arabic commas and Eastern Arabic digits need no place in the patterns.
 */

import { DAY_PERIOD_WORDS, dayPeriodFromToken, monthFromName } from './calendar.ts';
import type { HeaderMatch } from './header-match.ts';
import { matchCommonHeader } from './common-header.ts';
import {
  findNormalisable,
  isDigitCode,
  normaliseRange,
  originalEndIndex,
  originalIndex,
  skipInvisibleMarks,
  type NormalisedPrefix,
} from './text-cleaning.ts';

/**
 * Original chars looked at for a header, direction marks included. The longest real
 * header (`‏[١٨‏/٣‏/٢٠٢٢، ٢:٥٦:٠٠ م] `, `03/01/2021, 9:15 in the afternoon - `) is under 40.
 */
export const HEADER_SCAN_LIMIT = 64;

const ERA_PREFIX = '(?:[MTSHR]|明治|大正|昭和|平成|令和) ?';
const DATE_FIELD = `(?:${ERA_PREFIX})?\\d{1,4}`;
const FIRST_DATE_SEPARATOR = '(?:\\. *|\\/ *|-|年 *)';
const SECOND_DATE_SEPARATOR = '(?:\\. *|\\/ *|-|月 *)';
/** Buddhist Era (th), Islamic (`هـ`, AH) and Solar Hijri (`ه.ش`, AP) year markers. */
const CALENDAR_MARKER = ' *(?:B\\. ?E\\.?|BE|พ\\.ศ\\.|هـ|ه\\.ش\\.?|AH|AP)';
const NUMERIC_DATE =
  `(?<field1>${DATE_FIELD})${FIRST_DATE_SEPARATOR}(?<field2>\\d{1,2})${SECOND_DATE_SEPARATOR}` +
  `(?<field3>${DATE_FIELD})(?<calendarMarker>${CALENDAR_MARKER})?(?:日|\\.)?`;
const MONTH_WORD = '\\p{L}{3,12}\\.?';
const DAY_MONTH_NAME = `(?<dayFirstDay>\\d{1,2})\\.? +(?<dayFirstMonth>${MONTH_WORD})(?: +(?<dayFirstYear>\\d{4}))?`;
const MONTH_NAME_DAY = `(?<monthFirstMonth>${MONTH_WORD}) +(?<monthFirstDay>\\d{1,2})(?:, *(?<monthFirstYear>\\d{4}))?`;
const DATE = `(?:${NUMERIC_DATE}|${DAY_MONTH_NAME}|${MONTH_NAME_DAY})`;

/**
 * `21:05`, `21.05.33`, and fr-CA's `21 h 05` (iOS: `21 h 05 min 33 s`); a dot may end it.
 */
const TIME = '(?<hour>\\d{1,2})(?:[:.]| h )(?<minute>\\d{2})(?:(?:[:.]| min )(?<second>\\d{2})(?: s)?)?\\.?';
/** Day periods of the CJK locales, written straight before the time (`午後2:56`). */
const PERIOD_BEFORE_TIME = '午前|午後|오전|오후|上午|下午';

function escapeForPattern(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}

/** A day period word as a pattern: each dot optional and a space allowed after it (`p.d.`, `p. d.`). */
function dayPeriodWordPattern(word: string): string {
  return escapeForPattern(word).replace(/\\\./gu, '\\.? ?').replace(/ \?$/u, '');
}

/**
 * Every day period, before or after the time: most locales write it after (`9:05 PM`), some
 * before (hu `du. 9:05`, tr `ÖS 09:05`, si, zh-TW, my, and ko/ja/zh in PERIOD_BEFORE_TIME).
 */
const DAY_PERIOD = [
  '[ap]\\.? ?m\\.?',
  PERIOD_BEFORE_TIME,
  'ص',
  'م',
  'ق\\.? ?ظ\\.?',
  'ب\\.? ?ظ\\.?',
  'in the (?:morning|afternoon|evening)',
  'at night',
  'noon',
  'midnight',
  'vorm\\.',
  'nachm\\.',
  'π\\.? ?μ\\.?',
  'μ\\.? ?μ\\.?',
  'ÖÖ',
  'ÖS',
  'fm',
  'em',
  'de la (?:mañana|tarde|noche)',
  'da (?:manhã|tarde|noite)',
  ...DAY_PERIOD_WORDS.flatMap(([, words]) => words.map(dayPeriodWordPattern)),
].join('|');
/** Words some locales put between date and time (fi "klo", de "um", fr "à", bs "u", ...). */
const CONNECTOR = '(?:klo|kl\\.|um|à|a las|alle|at|om|o|u|в|г\\.,?)';
const GAP = '(?:, *| +)';
const TIME_WITH_PERIOD =
  `(?:(?<periodBefore>${DAY_PERIOD}) *)?${TIME}(?: *(?<periodAfter>${DAY_PERIOD}))?`;
/** After `]`, WhatsApp Web's export puts ` - ` before its system lines (header-match.ts). */
const SEPARATOR = '(?:(?<close>\\])(?<closeDash> - +)? *| +(?<dash>[-–—])(?: +|$)|(?<colon>:)(?: +|$))';

/** Every capturing group of the header patterns. */
const GROUP_NAMES = [
  'open', 'stamp', 'field1', 'field2', 'field3', 'calendarMarker', 'dayFirstDay', 'dayFirstMonth',
  'dayFirstYear', 'monthFirstMonth', 'monthFirstDay', 'monthFirstYear', 'periodBefore', 'hour',
  'minute', 'second', 'periodAfter', 'close', 'closeDash', 'dash', 'colon',
] as const;
type GroupName = (typeof GROUP_NAMES)[number];
/** Group number per name; 0 (the whole match) never stands for a group, so it marks "absent". */
type GroupIndex = Readonly<Record<GroupName, number>>;

/**
 * A header regex with its named groups turned into plain numbered ones: exec() then
 * allocates no `groups` object per line, and names stay readable through `index`.
 */
interface HeaderPattern {
  regex: RegExp;
  index: GroupIndex;
}

const NAMED_GROUP = /\(\?<([A-Za-z]+)>/gu;

function compileHeaderPattern(source: string, flags: string): HeaderPattern {
  const index = Object.fromEntries(GROUP_NAMES.map((name) => [name, 0])) as Record<GroupName, number>;
  let group = 0;
  for (let position = 0; position < source.length; position += 1) {
    if (source[position] === '\\') {
      position += 1;
    } else if (source[position] === '(') {
      if (source[position + 1] !== '?') {
        group += 1;
      } else if (source[position + 2] === '<' && source[position + 3] !== '=' && source[position + 3] !== '!') {
        group += 1;
        const name = source.slice(position + 3, source.indexOf('>', position));
        if (!(GROUP_NAMES as readonly string[]).includes(name)) {
          throw new Error(`header pattern group ${name} is not in GROUP_NAMES`);
        }
        index[name as GroupName] = group;
      }
    }
  }
  return { regex: new RegExp(source.replace(NAMED_GROUP, '('), flags), index };
}

/** `date, time` first: Android, iOS and the old colon form. */
const DATE_FIRST_HEADER = compileHeaderPattern(
  `^(?<open>\\[ *)?(?<stamp>${DATE}${GAP}(?:${CONNECTOR} +)?${TIME_WITH_PERIOD})${SEPARATOR}`,
  'iu',
);
/** `time, date` first: Vietnamese iOS and old Android (`19:23, 28 Aug 2013 - `). */
const TIME_FIRST_HEADER = compileHeaderPattern(
  `^(?<open>\\[ *)?(?<stamp>${TIME_WITH_PERIOD}${GAP}${DATE})${SEPARATOR}`,
  'iu',
);

export type { HeaderMatch, HeaderStyle } from './header-match.ts';

/** Day periods of locales whose numeric dates are always year first (ko: `yy. M. d.`). */
const YEAR_FIRST_PERIODS: ReadonlySet<string> = new Set(['오전', '오후']);

const OPEN_BRACKET = 0x5b;
const SPACE = 0x20;
const FIRST_LATIN_LETTER_WITH_MARK = 0x00c0;
const LAST_LATIN_EXTENDED_LETTER = 0x024f;
/** First chars of the Japanese era names 明治 大正 昭和 平成 令和. */
const ERA_INITIALS: ReadonlySet<number> = new Set([0x660e, 0x5927, 0x662d, 0x5e73, 0x4ee4]);

/**
 * Cheap pre-check on the first char after marks and an optional '[': a digit (any
 * script), a Latin letter (month names, era letters) or a Japanese era name. Text lines in
 * other scripts, quotes, emoji and punctuation skip the regexes entirely.
 */
function mayStartHeader(line: string, start: number): boolean {
  let index = start;
  if (line.charCodeAt(index) === OPEN_BRACKET) {
    index = skipInvisibleMarks(line, index + 1);
    while (line.charCodeAt(index) === SPACE) index += 1;
  }
  if (index >= line.length) {
    return false;
  }
  const code = line.charCodeAt(index);
  if (isDigitCode(code)) {
    return true;
  }
  const lower = code | 0x20;
  return (
    (lower >= 0x61 && lower <= 0x7a) ||
    (code >= FIRST_LATIN_LETTER_WITH_MARK && code <= LAST_LATIN_EXTENDED_LETTER) ||
    ERA_INITIALS.has(code)
  );
}

/** Era years may be written `R 4`; the space is dropped before reading. */
function withoutSpaces(field: string): string {
  return field.includes(' ') ? field.replace(/ /gu, '') : field;
}

interface PatternMatch {
  pattern: HeaderPattern;
  match: RegExpExecArray;
}

/** Text of a named group, undefined when it did not take part in the match. */
function group(found: PatternMatch, name: GroupName): string | undefined {
  const position = found.pattern.index[name];
  return position === 0 ? undefined : found.match[position];
}

function execHeader(text: string): PatternMatch | null {
  const dateFirst = DATE_FIRST_HEADER.regex.exec(text);
  if (dateFirst !== null) {
    return { pattern: DATE_FIRST_HEADER, match: dateFirst };
  }
  const timeFirst = TIME_FIRST_HEADER.regex.exec(text);
  return timeFirst === null ? null : { pattern: TIME_FIRST_HEADER, match: timeFirst };
}

/**
 * Matches a header at the start of `line`; null when the line is not a header.
 *
 * Most headers are plain ASCII up to the separator even when marks or non-Latin text
 * follow, so the regexes first run on the raw chars before the first char that needs
 * normalising; only when that fails is a normalised copy built.
 */
export function matchHeader(line: string): HeaderMatch | null {
  return matchCommonHeader(line) ?? matchHeaderByGrammar(line);
}

/** The general grammar alone (matchHeader tries the common shapes first). */
export function matchHeaderByGrammar(line: string): HeaderMatch | null {
  const start = skipInvisibleMarks(line, 0);
  if (!mayStartHeader(line, start)) {
    return null;
  }
  const end = Math.min(line.length, start + HEADER_SCAN_LIMIT);
  const firstNormalisable = findNormalisable(line, start, end);
  const cleanEnd = firstNormalisable === -1 ? end : firstNormalisable;
  let prefix: NormalisedPrefix = { text: line.slice(start, cleanEnd), offsets: null, shift: start };
  let found = execHeader(prefix.text);
  if (found === null && firstNormalisable !== -1) {
    // An iOS header ends at its ']': normalising the body after it would be wasted work.
    const close = line.charCodeAt(start) === OPEN_BRACKET ? line.indexOf(']', start) : -1;
    const normaliseEnd = close === -1 || close + 2 > end ? end : close + 2;
    prefix = normaliseRange(line, start, normaliseEnd);
    found = execHeader(prefix.text);
  }
  if (found === null) {
    return null;
  }
  const matchLength = found.match[0].length;
  // A separator accepted at the cut-off end of the scan window must really end the line.
  if (
    matchLength === prefix.text.length &&
    end < line.length &&
    firstNormalisable === -1 &&
    group(found, 'close') === undefined
  ) {
    return null;
  }
  return buildHeaderMatch(prefix, matchLength, found);
}

function buildHeaderMatch(prefix: NormalisedPrefix, matchLength: number, found: PatternMatch): HeaderMatch | null {
  const opened = group(found, 'open') !== undefined;
  const closed = group(found, 'close') !== undefined;
  // A '[' must be closed by ']' and a ']' needs its '['; anything else is body text.
  if (opened !== closed) {
    return null;
  }
  let namedDay = 0;
  let namedMonth = 0;
  let namedYear: number | null = null;
  const dayFirstMonth = group(found, 'dayFirstMonth');
  const monthFirstMonth = group(found, 'monthFirstMonth');
  if (dayFirstMonth !== undefined || monthFirstMonth !== undefined) {
    namedMonth = monthFromName(dayFirstMonth ?? monthFirstMonth ?? '');
    if (namedMonth === 0) {
      return null;
    }
    namedDay = Number(group(found, 'dayFirstDay') ?? group(found, 'monthFirstDay') ?? '0');
    const writtenYear = group(found, 'dayFirstYear') ?? group(found, 'monthFirstYear');
    namedYear = writtenYear === undefined ? null : Number(writtenYear);
  }
  const periodToken = group(found, 'periodBefore') ?? group(found, 'periodAfter');
  const dayPeriod = periodToken === undefined ? null : dayPeriodFromToken(periodToken);
  if (periodToken !== undefined && dayPeriod === null) {
    return null;
  }
  const stampStartNormalised = (group(found, 'open') ?? '').length;
  const stampEndNormalised = stampStartNormalised + (group(found, 'stamp') ?? '').length;
  const second = group(found, 'second');
  return {
    style: closed ? 'bracket' : group(found, 'dash') !== undefined ? 'dash' : 'colon',
    stampStart: originalIndex(prefix, stampStartNormalised),
    stampEnd: originalEndIndex(prefix, stampEndNormalised),
    bodyStart: originalIndex(prefix, matchLength),
    field1: withoutSpaces(group(found, 'field1') ?? ''),
    field2: group(found, 'field2') ?? '',
    field3: withoutSpaces(group(found, 'field3') ?? ''),
    calendarMarker: (group(found, 'calendarMarker') ?? '').trim(),
    namedDay,
    namedMonth,
    namedYear,
    hour: Number(group(found, 'hour') ?? '0'),
    minute: Number(group(found, 'minute') ?? '0'),
    second: second === undefined ? 0 : Number(second),
    dayPeriod,
    yearFirst: periodToken !== undefined && YEAR_FIRST_PERIODS.has(periodToken) && group(found, 'field1') !== undefined,
    dashAfterBracket: group(found, 'closeDash') !== undefined,
  };
}

/** True when the line starts with a WhatsApp message header. */
export function isHeaderLine(line: string): boolean {
  return matchHeader(line) !== null;
}
