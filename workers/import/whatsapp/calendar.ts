/**
 * Calendar pieces of a header: years (2-digit, Buddhist, Japanese era), month names,
 * localised day periods (am/pm) and validity of the resulting wall-clock time.
 */

import { calendarForYear, type CalendarSystem } from './other-calendars.ts';
import type { WallClock } from './types.ts';

const TWO_DIGIT_YEAR_BASE = 2000;
const MAX_TWO_DIGIT_YEAR = 99;
/** Buddhist Era year = Gregorian year + 543 (Thai calendar). */
const BUDDHIST_ERA_OFFSET = 543;
/**
 * A 4-digit year this far in the future can only be a Buddhist Era year whose "BE" marker
 * got lost; WhatsApp did not exist before 2009 (= 2552 BE).
 */
const BUDDHIST_YEAR_THRESHOLD = 2400;
/**
 * The same for 2-digit years: th writes `d/M/yy` in the Buddhist calendar (`28/1/66` is 2566 BE,
 * 2023). 52 is 2552 BE, the year WhatsApp appeared (2009); a 20xx year this high lies decades
 * ahead, so such a year is Buddhist until 2052.
 */
const FIRST_TWO_DIGIT_BUDDHIST_YEAR = 52;
const BUDDHIST_CENTURY = 2500;
const HOURS_PER_HALF_DAY = 12;
const FIRST_EVENING_HOUR = 6;
const MONTHS_PER_YEAR = 12;
const MAX_HOUR = 23;
const MAX_MINUTE = 59;
const MAX_SECOND = 59;

/** Japanese era: year 1 of each era is this Gregorian year + 1 (Reiwa 1 = 2019). */
const JAPANESE_ERA_BASES: ReadonlyMap<string, number> = new Map([
  ['m', 1867],
  ['明治', 1867],
  ['t', 1911],
  ['大正', 1911],
  ['s', 1925],
  ['昭和', 1925],
  ['h', 1988],
  ['平成', 1988],
  ['r', 2018],
  ['令和', 2018],
]);

const ERA_FIELD = /^(?<era>[MTSHR]|明治|大正|昭和|平成|令和) ?(?<number>\d{1,4})$/iu;

const ASCII_DIGIT_NINE = 0x39;

/** True for a field that starts with a letter: an era prefix (`R4`, `令和4`). */
function hasEraPrefix(field: string): boolean {
  return field.charCodeAt(0) > ASCII_DIGIT_NINE && ERA_FIELD.test(field);
}

/** True when a numeric date field must be a year: 3+ digits or an era prefix. */
export function looksLikeYear(field: string): boolean {
  return field.length >= 3 || hasEraPrefix(field);
}

export interface ResolvedYear {
  year: number;
  /** Set when the date is in a calendar whose months differ (convert the whole date). */
  calendar?: CalendarSystem;
  /** Set when the year was converted on a guess rather than on an explicit marker. */
  note?: string;
}

const BUDDHIST_MARKERS = /^(?:B\. ?E\.?|BE|พ\.ศ\.)$/iu;
const ISLAMIC_MARKERS = /^(?:هـ|AH)$/iu;
const PERSIAN_MARKERS = /^(?:ه\.ش\.?|AP)$/iu;

/** Converts a written year field to a Gregorian year (or flags another calendar). */
export function resolveYear(field: string, marker: string): ResolvedYear {
  const era = hasEraPrefix(field) ? ERA_FIELD.exec(field) : null;
  if (era !== null) {
    const base = JAPANESE_ERA_BASES.get((era.groups?.['era'] ?? '').toLowerCase()) ?? 0;
    return { year: base + Number(era.groups?.['number'] ?? '0') };
  }
  const written = Number(field);
  if (BUDDHIST_MARKERS.test(marker)) {
    return { year: written - BUDDHIST_ERA_OFFSET };
  }
  if (ISLAMIC_MARKERS.test(marker)) {
    return { year: written, calendar: 'islamic-umalqura' };
  }
  if (PERSIAN_MARKERS.test(marker)) {
    return { year: written, calendar: 'persian' };
  }
  const implied = field.length === 4 ? calendarForYear(written) : null;
  if (implied !== null) {
    return {
      year: written,
      calendar: implied,
      note: `year ${written} read as ${implied === 'persian' ? 'Solar Hijri (Persian)' : 'Islamic (Umm al-Qura)'}`,
    };
  }
  if (field.length <= 2 && written >= FIRST_TWO_DIGIT_BUDDHIST_YEAR && written <= MAX_TWO_DIGIT_YEAR) {
    return {
      year: BUDDHIST_CENTURY + written - BUDDHIST_ERA_OFFSET,
      note: `year ${written} read as Buddhist Era ${BUDDHIST_CENTURY + written} (no "BE" marker)`,
    };
  }
  if (field.length <= 2 && written <= MAX_TWO_DIGIT_YEAR) {
    return { year: TWO_DIGIT_YEAR_BASE + written };
  }
  if (written >= BUDDHIST_YEAR_THRESHOLD) {
    return {
      year: written - BUDDHIST_ERA_OFFSET,
      note: `year ${written} read as Buddhist Era (no "BE" marker)`,
    };
  }
  return { year: written };
}

/** Month names of the locales whose old exports wrote them; keys lower-case without dots. */
const MONTH_NAMES: ReadonlyMap<string, number> = buildMonthNames([
  ['jan january januar januari janvier janv enero ene gennaio gen janeiro', 1],
  ['feb february februar februari février févr fevr febrero febbraio fevereiro fev', 2],
  ['mar march märz mär maerz maart mrt mars marzo março', 3],
  ['apr april avril avr abril abr aprile', 4],
  ['may mai mei mayo maggio mag maio', 5],
  ['jun june juni juin junio giugno giu junho', 6],
  ['jul july juli juillet juil julio luglio lug julho', 7],
  ['aug august augustus août aout agosto ago', 8],
  ['sep sept september septembre septiembre setiembre settembre set setembro', 9],
  ['oct october oktober okt octobre octubre ottobre ott outubro out', 10],
  ['nov november novembre noviembre novembro', 11],
  ['dec december dezember dez décembre déc diciembre dic dicembre dezembro', 12],
]);

function buildMonthNames(rows: readonly (readonly [string, number])[]): Map<string, number> {
  const names = new Map<string, number>();
  for (const [words, month] of rows) {
    for (const word of words.split(' ')) {
      names.set(word, month);
    }
  }
  return names;
}

/** Month number of a written month name, or 0 when the word is not a month. */
export function monthFromName(name: string): number {
  const key = name.toLowerCase().replace(/\.$/u, '');
  return MONTH_NAMES.get(key) ?? 0;
}

export type DayPeriod = 'am' | 'pm' | 'night';

/**
 * Day periods written as plain words, per locale: CLDR's abbreviated am/pm, which Android's and
 * iOS's 12-hour formats use (CLDR 48 unless marked), and the words older CLDR versions had, which
 * phones still in use write. The header grammar makes their dots optional and lets a space
 * follow a dot (`p.d.`, `p. d.`); they are looked up lower-case with dots and spaces removed.
 */
export const DAY_PERIOD_WORDS: readonly (readonly [DayPeriod, readonly string[]])[] = [
  ['am', [
    'vm.', // af
    'ጥዋት', // am
    'পূৰ্বাহ্ন', // as
    'পূর্বাহ্ণ', // bn, older CLDR
    'пр.об.', // bg, older CLDR
    'dop.', // cs, sk and sl
    'ap.', // fi
    'r.n.', // ga
    'SF', // ha
    'לפנה״צ', // he, older CLDR
    'de.', // hu
    'f.h.', // is
    'ಪೂರ್ವಾಹ್ನ', // kn, older CLDR
    'тң', // ky
    'ກ່ອນທ່ຽງ', // lo
    'priešpiet', // lt
    'priekšp.', // lv
    'претпл.', // mk
    'ү.ө.', // mn
    'म.पू.', // mr, older CLDR
    'PG', // ms
    'နံနက်', // my
    'पूर्वाह्न', // ne, and hi in older CLDR
    'ਪੂ.ਦੁ.', // pa, older CLDR
    'පෙ.ව.', // si
    'GH', // so
    'p.d.', // sq
    'முற்பகல்', // ta, older CLDR
    'ก่อนเที่ยง', // th, older CLDR
    'go.öň', // tk
    'дп', // uk, and ru in older CLDR
    'قبل دوپہر', // ur, older CLDR
    'TO', // uz
    'SA', // vi
    '凌晨', '清晨', '早上', '午夜', // zh-TW flexible periods: small hours, dawn, morning, midnight
    'ព្រឹក', // km, older CLDR
  ]],
  ['pm', [
    'nm.', // af
    'ከሰዓት', // am
    'অপৰাহ্ন', // as
    'অপরাহ্ণ', // bn, older CLDR
    'сл.об.', // bg, older CLDR
    'odp.', // cs
    'pop.', // sk and sl
    'ip.', // fi
    'i.n.', // ga
    'YM', // ha
    'אחה״צ', // he, older CLDR
    'du.', // hu
    'e.h.', // is
    'ಅಪರಾಹ್ನ', // kn, older CLDR
    'тк', // ky
    'ຫຼັງທ່ຽງ', // lo
    'popiet', // lt
    'pēcp.', // lv
    'попл.', // mk
    'ү.х.', // mn
    'म.उ.', // mr, older CLDR
    'PTG', // ms
    'ညနေ', // my
    'अपराह्न', // ne, and hi in older CLDR
    'ਬਾ.ਦੁ.', // pa, older CLDR
    'ප.ව.', // si
    'GD', // so
    'm.d.', // sq
    'பிற்பகல்', // ta, older CLDR
    'หลังเที่ยง', // th, older CLDR
    'go.soň', // tk
    'пп', // uk, and ru in older CLDR
    'بعد دوپہر', // ur, older CLDR
    'TK', // uz
    'CH', // vi
    '中午', '晚上', // zh-TW flexible periods: noon (12-13), evening
    'ល្ងាច', // km, older CLDR
  ]],
];

/** A day period word as looked up: lower case, dots and spaces removed. */
function dayPeriodKey(token: string): string {
  return token.toLowerCase().replace(/[.\s]/gu, '');
}

/** Localised am/pm tokens, compared lower-case with dots and spaces removed. */
const DAY_PERIODS: ReadonlyMap<string, DayPeriod> = new Map<string, DayPeriod>([
  ['am', 'am'],
  ['pm', 'pm'],
  ['午前', 'am'],
  ['午後', 'pm'],
  ['오전', 'am'],
  ['오후', 'pm'],
  ['上午', 'am'],
  ['下午', 'pm'],
  ['ص', 'am'],
  ['م', 'pm'],
  ['قظ', 'am'],
  ['بظ', 'pm'],
  ['vorm', 'am'],
  ['nachm', 'pm'],
  ['πμ', 'am'],
  ['μμ', 'pm'],
  ['öö', 'am'],
  ['ös', 'pm'],
  ['fm', 'am'],
  ['em', 'pm'],
  ['inthemorning', 'am'],
  ['intheafternoon', 'pm'],
  ['intheevening', 'pm'],
  ['atnight', 'night'],
  ['noon', 'pm'],
  ['midnight', 'am'],
  ['delamañana', 'am'],
  ['delatarde', 'pm'],
  ['delanoche', 'night'],
  ['damanhã', 'am'],
  ['datarde', 'pm'],
  ['danoite', 'night'],
  ...DAY_PERIOD_WORDS.flatMap(([period, words]) => words.map((word) => [dayPeriodKey(word), period] as const)),
]);

/** The day period a header token names, or null for an unknown token. */
export function dayPeriodFromToken(token: string): DayPeriod | null {
  return DAY_PERIODS.get(dayPeriodKey(token)) ?? null;
}

/**
 * 24-hour value of a 12-hour clock reading. Some exports write impossible mixes such as
 * "23:59 PM" or "00:04 AM" (WhatsR samples); an hour already past 12 is kept as written.
 */
export function to24Hour(hour: number, period: DayPeriod | null): number {
  if (period === null || hour > HOURS_PER_HALF_DAY) {
    return hour;
  }
  if (period === 'am') {
    return hour === HOURS_PER_HALF_DAY ? 0 : hour;
  }
  if (period === 'pm') {
    return hour === HOURS_PER_HALF_DAY ? hour : hour + HOURS_PER_HALF_DAY;
  }
  // "at night": 6-11 are evening hours, 12 is midnight, 1-5 are early morning.
  if (hour === HOURS_PER_HALF_DAY) {
    return 0;
  }
  return hour >= FIRST_EVENING_HOUR ? hour + HOURS_PER_HALF_DAY : hour;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const FEBRUARY = 2;
const LEAP_FEBRUARY_DAYS = 29;

/** Days in a month; year 0 (unknown) is treated as a leap year so 29 Feb stays possible. */
export function daysInMonth(year: number, month: number): number {
  if (month === FEBRUARY && isLeapYear(year)) {
    return LEAP_FEBRUARY_DAYS;
  }
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** True when every field is inside its calendar range. */
export function isValidWallClock(clock: WallClock): boolean {
  return (
    clock.month >= 1 &&
    clock.month <= MONTHS_PER_YEAR &&
    clock.day >= 1 &&
    clock.day <= daysInMonth(clock.year, clock.month) &&
    clock.hour >= 0 &&
    clock.hour <= MAX_HOUR &&
    clock.minute >= 0 &&
    clock.minute <= MAX_MINUTE &&
    clock.second >= 0 &&
    clock.second <= MAX_SECOND
  );
}

/** Orders two wall clocks; negative when `left` is earlier. */
export function compareWallClocks(left: WallClock, right: WallClock): number {
  return (
    left.year - right.year ||
    left.month - right.month ||
    left.day - right.day ||
    left.hour - right.hour ||
    left.minute - right.minute ||
    left.second - right.second
  );
}
