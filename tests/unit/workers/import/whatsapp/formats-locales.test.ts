import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine, utcIn, warningsOn } from '../../../../support/whatsapp-lines.ts';

/**
 * FORMATS.md §1.2 says the header follows the phone's region settings; this audit takes that at
 * its word. Android writes the region's short date and short time (`DateFormat` SHORT, SHORT:
 * `23.03.22 13:31` is cs, `23-03-2022 13:31` nl, `2023/12/20, 5:46 pm` en-ZA), iOS the short
 * date and the medium time (seconds). Each line below is that stamp as CLDR 48 writes it (Node's
 * ICU 78, `Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' | 'medium',
 * hourCycle })`), for 21:05 on 28 January 2023, with the separator and a body around it. Rows
 * marked "older CLDR" are the words earlier Android and iOS versions wrote and phones in use
 * still write. None of these locales has a sample export; before this audit all of them but tr
 * with ÖS after the time were read as a file with no header at all (one unparsed record), and
 * the 2-digit years below at the wrong date, decades off, without a word.
 */

interface LocaleCase {
  locale: string;
  line: string;
  /** The wall clock the line states, as an ISO string read in UTC. */
  wall: string;
}

const NINE_PM = '2023-01-28T21:05:00.000Z';
const NINE_PM_SECONDS = '2023-01-28T21:05:33.000Z';

const TWELVE_HOUR: readonly LocaleCase[] = [
  // The day period after the time.
  { locale: 'af', line: '2023-01-28 09:05 nm. - Ana: hallo', wall: NINE_PM },
  { locale: 'am', line: '28/01/2023 9:05 ከሰዓት - Ana: ሰላም', wall: NINE_PM },
  { locale: 'cs', line: '28. 01. 23 9:05 odp. - Ana: ahoj', wall: NINE_PM },
  { locale: 'fi', line: '28.1.2023 klo 9.05 ip. - Ana: moi', wall: NINE_PM },
  { locale: 'ga', line: '28/1/23, 09:05 i.n. - Ana: dia duit', wall: NINE_PM },
  { locale: 'ha', line: '28/1/23, 09:05 YM - Ana: sannu', wall: NINE_PM },
  { locale: 'is', line: '28.1.2023, 09:05 e.h. - Ana: hæ', wall: NINE_PM },
  { locale: 'ky', line: '28/1/23 09:05 тк - Ana: салам', wall: NINE_PM },
  { locale: 'lo', line: '28/1/2023, 9:05 ຫຼັງທ່ຽງ - Ana: ສະບາຍດີ', wall: NINE_PM },
  { locale: 'lt', line: '2023-01-28 09:05 popiet - Ana: labas', wall: NINE_PM },
  { locale: 'lv', line: '28.01.23 09:05 pēcp. - Ana: sveiki', wall: NINE_PM },
  { locale: 'mk', line: '28.1.2023 г., 09:05 попл. - Ana: здраво', wall: NINE_PM },
  { locale: 'mn', line: '2023.01.28 09:05 ү.х. - Ana: сайн уу', wall: NINE_PM },
  { locale: 'ms', line: '28/01/23, 9:05 PTG - Ana: hai', wall: NINE_PM },
  { locale: 'ms, morning', line: '28/01/23, 9:05 PG - Ana: hai', wall: '2023-01-28T09:05:00.000Z' },
  { locale: 'ne (also hi, older CLDR)', line: '28/1/23, 9:05 अपराह्न - Ana: नमस्ते', wall: NINE_PM },
  { locale: 'sl', line: '28. 1. 2023, 09:05 pop. - Ana: živjo', wall: NINE_PM },
  { locale: 'so', line: '28/01/23, 9:05 GD - Ana: salaan', wall: NINE_PM },
  { locale: 'sq', line: '28.1.23, 9:05 m.d. - Ana: përshëndetje', wall: NINE_PM },
  { locale: 'tk', line: '28.01.2023, 09:05 go.soň - Ana: salam', wall: NINE_PM },
  { locale: 'tr, after the time', line: '28.01.2023 09:05 ÖS - Ana: selam', wall: NINE_PM },
  { locale: 'uk', line: '28.01.23, 09:05 пп - Ana: привіт', wall: NINE_PM },
  { locale: 'uz', line: '28/01/23, 09:05 TK - Ana: salom', wall: NINE_PM },
  { locale: 'th, older CLDR', line: '28/1/2023 9:05 หลังเที่ยง - Ana: สวัสดี', wall: NINE_PM },
  { locale: 'he, older CLDR', line: '28.1.2023, 9:05 אחה״צ - Ana: שלום', wall: NINE_PM },
  { locale: 'ta, older CLDR', line: '28/1/23, 9:05 பிற்பகல் - Ana: வணக்கம்', wall: NINE_PM },
  { locale: 'ur, older CLDR', line: '28/1/23، 9:05 بعد دوپہر - Ana: سلام', wall: NINE_PM },
  // The day period before the time.
  { locale: 'hu', line: '2023. 01. 28. du. 9:05 - Ana: szia', wall: NINE_PM },
  { locale: 'tr', line: '28.01.2023 ÖS 09:05 - Ana: selam', wall: NINE_PM },
  { locale: 'si', line: '2023-01-28, ප.ව. 09.05 - Ana: ආයුබෝවන්', wall: NINE_PM },
  { locale: 'zh-TW (flexible day period)', line: '2023/1/28 晚上9:05 - Ana: 你好', wall: NINE_PM },
  { locale: 'zh-TW, noon', line: '2023/1/28 中午12:05 - Ana: 你好', wall: '2023-01-28T12:05:00.000Z' },
  { locale: 'my (Myanmar digits)', line: '၂၈/၁/၂၃ ညနေ ၉:၀၅ - Ana: မင်္ဂလာပါ', wall: NINE_PM },
  // The time first (vi), with its day period.
  { locale: 'vi', line: '09:05 CH 28/1/23 - Ana: xin chào', wall: NINE_PM },
  { locale: 'vi iOS', line: '[09:05:33 CH 28/1/23] Ana: xin chào', wall: NINE_PM_SECONDS },
  { locale: 'tr iOS', line: '[28.01.2023 ÖS 09:05:33] Ana: selam', wall: NINE_PM_SECONDS },
  { locale: 'fi iOS', line: '[28.1.2023 klo 9.05.33 ip.] Ana: moi', wall: NINE_PM_SECONDS },
];

const TWENTY_FOUR_HOUR: readonly LocaleCase[] = [
  { locale: 'bs ("u" before the time)', line: '28. 1. 2023. u 21:05 - Ana: zdravo', wall: NINE_PM },
  { locale: 'bs, 12-hour', line: '28. 1. 2023. u 09:05 p. m. - Ana: zdravo', wall: NINE_PM },
  { locale: 'fr-CA ("21 h 05")', line: '2023-01-28 21 h 05 - Ana: salut', wall: NINE_PM },
  { locale: 'fr-CA, 12-hour', line: '2023-01-28 09 h 05 p.m. - Ana: salut', wall: NINE_PM },
  { locale: 'fr-CA iOS ("21 h 05 min 33 s")', line: '[2023-01-28 21 h 05 min 33 s] Ana: salut', wall: NINE_PM_SECONDS },
  { locale: 'my (Myanmar digits)', line: '၂၈/၁/၂၃ ၂၁:၀၅ - Ana: မင်္ဂလာပါ', wall: NINE_PM },
];

describe('FORMATS.md §1.2: the header of each region the phone can be set to', () => {
  it.each([...TWELVE_HOUR, ...TWENTY_FOUR_HOUR].map((entry) => [entry.locale, entry] as const))('%s', (_locale, entry) => {
    const result = parseLines([entry.line]);
    expect(result.records).toHaveLength(1);
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'message', sender: 'Ana' });
    expect(utcIn(recordOnLine(result, 1), 'UTC')).toBe(entry.wall);
  });
});

describe('2-digit years that are not 20xx (regression: read decades off, without a warning)', () => {
  it('reads a Thai 2-digit Buddhist Era year (th: d/M/yy in the Buddhist calendar, 66 = 2566 BE = 2023), and says so once', () => {
    const lines = ['[28/1/66 21:05:33] Ana: สวัสดี', '[29/1/66 08:15:02] Ana: ครับ'];
    const result = parseLines(lines);
    expect(result.records.map((record) => utcIn(record, 'UTC'))).toEqual([NINE_PM_SECONDS, '2023-01-29T08:15:02.000Z']);
    expect(warningsOn(result, 1)).toEqual(['year 66 read as Buddhist Era 2566 (no "BE" marker)']);
    expect(warningsOn(result, 2)).toEqual([]);
  });

  it('keeps a 2-digit year of WhatsApp’s own lifetime as 20xx', () => {
    const result = parseLines(['28/1/23 21:05 - Ana: hi', '28/1/09 21:05 - Ana: hi', '28/1/51 21:05 - Ana: hi']);
    expect(result.records.map((record) => record.wallClock?.year)).toEqual([2023, 2009, 2051]);
  });
});

describe('2-digit years written first (regression: ko and ne 24-hour exports were read as d/M/yy)', () => {
  // ko writes `yy. M. d.` and ne `yy/M/d`; with no 오전/오후 on the line only the file can tell.
  // Field 3 is then the day: it changes from one day to the next while field 1 stays put.
  it('reads a Korean 24-hour export year first', () => {
    const lines = ['23. 1. 28. 21:05 - 민준: 안녕', '23. 1. 29. 08:15 - 서연: 네', '23. 2. 3. 12:30 - 민준: 좋아', '23. 3. 14. 00:45 - 서연: 응'];
    const result = parseLines(lines);
    expect(result.records.map((record) => utcIn(record, 'UTC'))).toEqual([
      NINE_PM,
      '2023-01-29T08:15:00.000Z',
      '2023-02-03T12:30:00.000Z',
      '2023-03-14T00:45:00.000Z',
    ]);
    expect(result).toMatchObject({ dateOrder: 'ymd', dateOrderSource: 'inferred' });
    expect(result.dateOrderEvidence).toContain('field 3');
  });

  it('reads a Nepali 24-hour export (Devanagari digits) year first', () => {
    const lines = ['२३/१/२८, २१:०५ - Ana: नमस्ते', '२३/१/२९, ०८:१५ - Ana: हो', '२३/११/२, २३:५९ - Ana: ठीक'];
    const result = parseLines(lines);
    expect(result.records.map((record) => utcIn(record, 'UTC'))).toEqual([NINE_PM, '2023-01-29T08:15:00.000Z', '2023-11-02T23:59:00.000Z']);
    expect(result).toMatchObject({ dateOrder: 'ymd', dateOrderSource: 'inferred' });
  });

  it('leaves day-first files alone, a new year among them included', () => {
    const dayFirst = parseLines(['30/12/22, 10:00 - Ana: a', '31/12/22, 10:00 - Ana: b', '1/1/23, 10:00 - Ana: c', '2/1/23, 10:00 - Ana: d']);
    expect(dayFirst).toMatchObject({ dateOrder: 'dmy', dateOrderSource: 'inferred' });
    expect(dayFirst.records.map((record) => record.wallClock?.year)).toEqual([2022, 2022, 2023, 2023]);
    // One new year in a two-day file: field 1 and field 3 change once each; nothing says year first.
    const short = parseLines(['31/12/22, 10:00 - Ana: a', '1/1/23, 10:00 - Ana: b']);
    expect(short.dateOrder).toBe('dmy');
  });
});
