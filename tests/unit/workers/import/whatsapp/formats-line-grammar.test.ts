import { describe, expect, it } from 'vitest';

import type { WhatsAppParseOptions } from '../../../../../workers/import/whatsapp/index.ts';
import { expectedLocator, parseLines, recordOnLine, utcIn } from '../../../../support/whatsapp-lines.ts';
import { ARABIC_COMMA, LRE, NBSP, NNBSP, PDF, RLM } from '../../../../support/unicode-chars.ts';

/**
 * FORMATS.md §1.2 point by point: every header shape, locale, clock and calendar it lists,
 * written in the test as a one-line export in that exact shape and read through the whole
 * parser. Each row states the device's time zone; the UTC instant is what the importer
 * stores for that zone, worked out by hand (offsets in the comments).
 */

interface GrammarCase {
  shape: string;
  line: string;
  timeZone: string;
  timestampText: string;
  sender: string;
  text: string;
  utc: string;
  options?: WhatsAppParseOptions;
}

const CASES: readonly GrammarCase[] = [
  // Android, 24h
  { shape: 'de Android 24h, 2-digit year', line: '31.12.23, 23:59 - Lena: Frohes neues Jahr!', timeZone: 'Europe/Berlin', timestampText: '31.12.23, 23:59', sender: 'Lena', text: 'Frohes neues Jahr!', utc: '2023-12-31T22:59:00.000Z' }, // CET +1
  { shape: 'en-GB Android 24h, 4-digit year', line: '23/03/2022, 13:31 - Tom: On my way', timeZone: 'Europe/London', timestampText: '23/03/2022, 13:31', sender: 'Tom', text: 'On my way', utc: '2022-03-23T13:31:00.000Z' }, // GMT
  { shape: 'cs Android, no comma', line: '23.03.22 13:31 - Petr: Ahoj', timeZone: 'Europe/Prague', timestampText: '23.03.22 13:31', sender: 'Petr', text: 'Ahoj', utc: '2022-03-23T12:31:00.000Z' }, // CET +1
  { shape: 'nl Android, dashes', line: '23-03-2022 13:31 - Jan: Hoi', timeZone: 'Europe/Amsterdam', timestampText: '23-03-2022 13:31', sender: 'Jan', text: 'Hoi', utc: '2022-03-23T12:31:00.000Z' }, // CET +1
  // Android, 12h
  { shape: 'en-US Android 12h', line: '1/29/18, 12:24 PM - Bob: Hey', timeZone: 'America/New_York', timestampText: '1/29/18, 12:24 PM', sender: 'Bob', text: 'Hey', utc: '2018-01-29T17:24:00.000Z' }, // EST -5
  { shape: 'en-US Android 12h, U+202F before AM', line: `1/29/18, 12:24${NNBSP}AM - Bob: Late`, timeZone: 'America/New_York', timestampText: `1/29/18, 12:24${NNBSP}AM`, sender: 'Bob', text: 'Late', utc: '2018-01-29T05:24:00.000Z' }, // 00:24 EST
  { shape: 'en-US Android 12h, NBSP before PM', line: `3/18/22, 2:56${NBSP}PM - Elon: hi`, timeZone: 'America/Los_Angeles', timestampText: `3/18/22, 2:56${NBSP}PM`, sender: 'Elon', text: 'hi', utc: '2022-03-18T21:56:00.000Z' }, // PDT -7
  { shape: 'Android "p.m."', line: '9/24/2019 11:30 p.m. - Bob: Night', timeZone: 'America/New_York', timestampText: '9/24/2019 11:30 p.m.', sender: 'Bob', text: 'Night', utc: '2019-09-25T03:30:00.000Z' }, // EDT -4
  { shape: 'es Android "p. m." with NBSP inside', line: `28/3/2025 9:29 p.${NBSP}m. - Ana: Hola`, timeZone: 'Europe/Madrid', timestampText: `28/3/2025 9:29 p.${NBSP}m.`, sender: 'Ana', text: 'Hola', utc: '2025-03-28T20:29:00.000Z' }, // CET +1 (DST from 30 March)
  { shape: 'es Android "a. m."', line: '28/3/2025, 9:29 a. m. - Ana: Buenos días', timeZone: 'Europe/Madrid', timestampText: '28/3/2025, 9:29 a. m.', sender: 'Ana', text: 'Buenos días', utc: '2025-03-28T08:29:00.000Z' },
  { shape: 'en-CA Android, year first, "a.m."', line: '2019-08-06, 7:03 a.m. - Bob: Morning', timeZone: 'America/Toronto', timestampText: '2019-08-06, 7:03 a.m.', sender: 'Bob', text: 'Morning', utc: '2019-08-06T11:03:00.000Z' }, // EDT -4
  { shape: 'Android "in the morning"', line: '13/01/2021, 9:15 in the morning - Bob: x', timeZone: 'Europe/London', timestampText: '13/01/2021, 9:15 in the morning', sender: 'Bob', text: 'x', utc: '2021-01-13T09:15:00.000Z' },
  { shape: 'Android "in the afternoon"', line: '13/01/2021, 3:15 in the afternoon - Bob: x', timeZone: 'Europe/London', timestampText: '13/01/2021, 3:15 in the afternoon', sender: 'Bob', text: 'x', utc: '2021-01-13T15:15:00.000Z' },
  // iOS
  { shape: 'iOS bracket with seconds', line: '[3/18/22, 14:56:01] Elon Musk: Hello', timeZone: 'America/Los_Angeles', timestampText: '3/18/22, 14:56:01', sender: 'Elon Musk', text: 'Hello', utc: '2022-03-18T21:56:01.000Z' }, // PDT -7
  { shape: 'iOS bracket, no comma', line: '[3/18/22 14:56:00] Elon Musk: Hello', timeZone: 'UTC', timestampText: '3/18/22 14:56:00', sender: 'Elon Musk', text: 'Hello', utc: '2022-03-18T14:56:00.000Z' },
  { shape: 'id iOS, dotted time', line: '[3/18/22 14.56.01] Budi: Halo', timeZone: 'Asia/Jakarta', timestampText: '3/18/22 14.56.01', sender: 'Budi', text: 'Halo', utc: '2022-03-18T07:56:01.000Z' }, // WIB +7
  { shape: 'iOS 12h, U+202F before PM', line: `[13/11/2025, 12:25:55${NNBSP}PM] Sam: Noon`, timeZone: 'Europe/London', timestampText: `13/11/2025, 12:25:55${NNBSP}PM`, sender: 'Sam', text: 'Noon', utc: '2025-11-13T12:25:55.000Z' },
  { shape: 'iOS 12h, U+202F before AM (12 AM is midnight)', line: `[13/11/2025, 12:25:55${NNBSP}AM] Sam: Midnight`, timeZone: 'Europe/London', timestampText: `13/11/2025, 12:25:55${NNBSP}AM`, sender: 'Sam', text: 'Midnight', utc: '2025-11-13T00:25:55.000Z' },
  { shape: 'vi iOS, time first', line: '[14:56:01, 3/18/22] Musk Elon: Xin chào', timeZone: 'Asia/Ho_Chi_Minh', timestampText: '14:56:01, 3/18/22', sender: 'Musk Elon', text: 'Xin chào', utc: '2022-03-18T07:56:01.000Z' }, // +7
  // Calendars
  { shape: 'th iOS, Buddhist Era year', line: '[3/18/2565 BE, 14:56:01] Somchai: สวัสดี', timeZone: 'Asia/Bangkok', timestampText: '3/18/2565 BE, 14:56:01', sender: 'Somchai', text: 'สวัสดี', utc: '2022-03-18T07:56:01.000Z' }, // 2565 BE = 2022, +7
  { shape: 'ja iOS, Japanese era year (Reiwa 4)', line: '[3/18/R4, 14:56:01] 太郎: こんにちは', timeZone: 'Asia/Tokyo', timestampText: '3/18/R4, 14:56:01', sender: '太郎', text: 'こんにちは', utc: '2022-03-18T05:56:01.000Z' }, // R4 = 2022, +9
  // Localised day periods
  { shape: 'ja 午後 before the time', line: '[2022/03/18 午後2:56:01] 太郎: こんにちは', timeZone: 'Asia/Tokyo', timestampText: '2022/03/18 午後2:56:01', sender: '太郎', text: 'こんにちは', utc: '2022-03-18T05:56:01.000Z' },
  { shape: 'ja 午前 before the time', line: '[2022/03/18 午前9:05:00] 太郎: おはよう', timeZone: 'Asia/Tokyo', timestampText: '2022/03/18 午前9:05:00', sender: '太郎', text: 'おはよう', utc: '2022-03-18T00:05:00.000Z' },
  { shape: 'ko 오후', line: '2022. 3. 18. 오후 2:56 - 민준: 안녕', timeZone: 'Asia/Seoul', timestampText: '2022. 3. 18. 오후 2:56', sender: '민준', text: '안녕', utc: '2022-03-18T05:56:00.000Z' }, // KST +9
  { shape: 'ko 오전 12 (midnight)', line: '2022. 3. 18. 오전 12:05 - 민준: 안녕', timeZone: 'Asia/Seoul', timestampText: '2022. 3. 18. 오전 12:05', sender: '민준', text: '안녕', utc: '2022-03-17T15:05:00.000Z' },
  { shape: 'zh 上午', line: '2022/3/18 上午9:05 - 伟: 你好', timeZone: 'Asia/Shanghai', timestampText: '2022/3/18 上午9:05', sender: '伟', text: '你好', utc: '2022-03-18T01:05:00.000Z' }, // CST +8
  { shape: 'zh 下午 12 (noon)', line: '2022/3/18 下午12:05 - 伟: 你好', timeZone: 'Asia/Shanghai', timestampText: '2022/3/18 下午12:05', sender: '伟', text: '你好', utc: '2022-03-18T04:05:00.000Z' },
  // Arabic iOS: Eastern Arabic digits, RLMs, Arabic comma, م/ص, phone in LRE…PDF with NBSP groups
  {
    shape: 'ar iOS, م (pm), Eastern Arabic digits',
    line: `[١٨${RLM}/٣${RLM}/٢٠٢٢${ARABIC_COMMA} ٢:٥٦:٠٠${NBSP}م] ${LRE}+40${NBSP}521${NBSP}028${NBSP}61${NBSP}88${PDF}: مرحبا`,
    timeZone: 'Asia/Riyadh',
    timestampText: `١٨${RLM}/٣${RLM}/٢٠٢٢${ARABIC_COMMA} ٢:٥٦:٠٠${NBSP}م`,
    sender: `+40${NBSP}521${NBSP}028${NBSP}61${NBSP}88`,
    text: 'مرحبا',
    utc: '2022-03-18T11:56:00.000Z', // 14:56 AST +3
  },
  { shape: 'ar iOS, ص (am) at 12 (midnight)', line: `[١٨${RLM}/٣${RLM}/٢٠٢٢${ARABIC_COMMA} ١٢:٠٥:٠٠${NBSP}ص] Ali: مرحبا`, timeZone: 'Asia/Riyadh', timestampText: `١٨${RLM}/٣${RLM}/٢٠٢٢${ARABIC_COMMA} ١٢:٠٥:٠٠${NBSP}ص`, sender: 'Ali', text: 'مرحبا', utc: '2022-03-17T21:05:00.000Z' },
  { shape: 'fa iOS, Persian digits, Solar Hijri year, ق.ظ. (am)', line: `[۱۰/۱۰/۱۴۰۱${ARABIC_COMMA} ۹:۳۰:۰۰ ق.ظ.] Reza: سلام`, timeZone: 'Asia/Tehran', timestampText: `۱۰/۱۰/۱۴۰۱${ARABIC_COMMA} ۹:۳۰:۰۰ ق.ظ.`, sender: 'Reza', text: 'سلام', utc: '2022-12-31T06:00:00.000Z' }, // 10 Dey 1401, IRST +3:30
  // Old formats (≈2012–2015)
  { shape: 'old Android, month name, no year', line: 'Mar 5, 8:11 PM - Bob: Hi', options: { defaultYear: 2014 }, timeZone: 'America/New_York', timestampText: 'Mar 5, 8:11 PM', sender: 'Bob', text: 'Hi', utc: '2014-03-06T01:11:00.000Z' }, // EST -5
  { shape: 'old Android, day before month name, no year', line: '18 Mar 12:14 - Bob: Hi', options: { defaultYear: 2014 }, timeZone: 'Europe/London', timestampText: '18 Mar 12:14', sender: 'Bob', text: 'Hi', utc: '2014-03-18T12:14:00.000Z' },
  { shape: 'old Android, time first, month name', line: '19:23, 28 Aug 2013 - Sam: Hi', timeZone: 'Europe/London', timestampText: '19:23, 28 Aug 2013', sender: 'Sam', text: 'Hi', utc: '2013-08-28T18:23:00.000Z' }, // BST +1
  { shape: 'old colon separator with seconds', line: '24/12/13 18:30:12: Kofi: Where do I send it?', timeZone: 'Africa/Accra', timestampText: '24/12/13 18:30:12', sender: 'Kofi', text: 'Where do I send it?', utc: '2013-12-24T18:30:12.000Z' }, // GMT
  // Others seen in parser tests
  { shape: 'fi "klo" with dotted time', line: '13.6.2018 klo 21.25.15 - Aino: Moi', timeZone: 'Europe/Helsinki', timestampText: '13.6.2018 klo 21.25.15', sender: 'Aino', text: 'Moi', utc: '2018-06-13T18:25:15.000Z' }, // EEST +3
  { shape: 'hr/sr spaced dotted date', line: '13. 6. 2018. 21:25:15 - Ivan: Bok', timeZone: 'Europe/Zagreb', timestampText: '13. 6. 2018. 21:25:15', sender: 'Ivan', text: 'Bok', utc: '2018-06-13T19:25:15.000Z' }, // CEST +2
  { shape: 'bracketed year-first', line: '[2018/06/13, 21:25:15] Wang: 你好', timeZone: 'Asia/Shanghai', timestampText: '2018/06/13, 21:25:15', sender: 'Wang', text: '你好', utc: '2018-06-13T13:25:15.000Z' },
  { shape: 'year-first with a trailing dot after the time', line: '2022/12/14, 13:34. - Li: 好', timeZone: 'Asia/Shanghai', timestampText: '2022/12/14, 13:34.', sender: 'Li', text: '好', utc: '2022-12-14T05:34:00.000Z' },
  { shape: 'EN DASH separator, 12h with seconds', line: '09/17/19, 8:30:52 AM – Name: Hi', timeZone: 'America/Chicago', timestampText: '09/17/19, 8:30:52 AM', sender: 'Name', text: 'Hi', utc: '2019-09-17T13:30:52.000Z' }, // CDT -5
];

describe('FORMATS.md §1.2: each header shape, read through the parser', () => {
  it.each(CASES.map((entry) => [entry.shape, entry] as const))('%s', (_shape, entry) => {
    const lines = [entry.line];
    const result = parseLines(lines, entry.options);
    expect(result.records).toHaveLength(1);
    const record = recordOnLine(result, 1);
    expect(record).toMatchObject({ kind: 'message', sender: entry.sender, text: entry.text, timestampText: entry.timestampText });
    expect(record.locator).toEqual(expectedLocator(lines, 1));
    expect(utcIn(record, entry.timeZone)).toBe(entry.utc);
    expect(result.warnings.filter((warning) => warning.message.includes('not a valid date'))).toEqual([]);
  });
});

describe('FORMATS.md §1.2 consequences', () => {
  it('reads a day/month order that one line cannot tell from the rest of the file', () => {
    // 3/4/22 alone is ambiguous; 28/4/22 later in the file makes the file day-first.
    const lines = ['3/4/22, 09:00 - Ana: first', '28/4/22, 09:00 - Ana: later'];
    const result = parseLines(lines);
    expect(result).toMatchObject({ dateOrder: 'dmy', dateOrderSource: 'inferred' });
    expect(utcIn(recordOnLine(result, 1), 'Europe/Lisbon')).toBe('2022-04-03T08:00:00.000Z'); // WEST +1
  });

  it('reads 2- and 4-digit years in one file (Chatistics _chat 2.txt mixes 17.9.2019 and 1.9.19)', () => {
    const lines = ['[17.9.2019, 10:00:00] Ana: long year', '[1.9.19, 11:00:00] Ana: short year'];
    const result = parseLines(lines);
    expect(utcIn(recordOnLine(result, 1), 'UTC')).toBe('2019-09-17T10:00:00.000Z');
    expect(utcIn(recordOnLine(result, 2), 'UTC')).toBe('2019-09-01T11:00:00.000Z');
  });

  it('keeps an out-of-order line where it is, with a warning (chat-analytics 2A_5M.txt)', () => {
    const lines = ['1/1/21, 12:00 - A: Hi', '1/1/21, 12:05 - B: Later', '1/1/21, 12:01 - A: Earlier'];
    const result = parseLines(lines);
    expect(result.records.map((record) => record.text)).toEqual(['Hi', 'Later', 'Earlier']);
    expect(result.warnings).toContainEqual({ line: 3, message: 'timestamp is earlier than the previous message' });
  });

  it('warns once that a year-less export has no year, and rolls the year over when the month goes back', () => {
    const lines = ['Dec 31, 11:59 PM - Bob: Old year', 'Jan 1, 12:01 AM - Bob: New year'];
    const bare = parseLines(lines);
    expect(bare.records.map((record) => record.wallClock?.year)).toEqual([0, 0]);
    expect(bare.warnings.filter((warning) => warning.message.includes('no year'))).toHaveLength(1);
    const dated = parseLines(lines, { defaultYear: 2013 });
    expect(utcIn(recordOnLine(dated, 2), 'Europe/London')).toBe('2014-01-01T00:01:00.000Z');
  });
});

describe('Korean day periods mark a year-first date (regression)', () => {
  // Korean dates are always year, month, day (`yy. M. d.` in the short form). With a 2-digit
  // year the first field was taken for a day: `22. 3. 18. 오후 2:56` became 22 March 2018
  // instead of 18 March 2022, with no warning.
  it('reads a 2-digit year first when the time carries 오전/오후', () => {
    const lines = ['22. 3. 18. 오후 2:56 - 민준: 안녕', '22. 3. 19. 오전 9:01 - 서연: 네'];
    const result = parseLines(lines);
    expect(result.records.map((record) => [record.sender, record.text, utcIn(record, 'Asia/Seoul')])).toEqual([
      ['민준', '안녕', '2022-03-18T05:56:00.000Z'], // KST +9
      ['서연', '네', '2022-03-19T00:01:00.000Z'],
    ]);
    expect(result).toMatchObject({ dateOrder: 'ymd', dateOrderSource: 'inferred' });
  });

  it('leaves other locales’ 2-digit years where they are (zh-HK writes d/M/y with 上午/下午)', () => {
    const result = parseLines(['18/3/22 下午2:56 - 伟: 好', '19/3/22 上午9:01 - 伟: 早']);
    expect(result.records.map((record) => utcIn(record, 'Asia/Hong_Kong'))).toEqual(['2022-03-18T06:56:00.000Z', '2022-03-19T01:01:00.000Z']); // HKT +8
  });
});
