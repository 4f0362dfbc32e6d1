import { describe, expect, it } from 'vitest';

import { matchHeader, type HeaderMatch } from '../../../../../workers/import/whatsapp/header-grammar.ts';
import {
  dayPeriodFromToken,
  monthFromName,
  resolveYear,
  to24Hour,
} from '../../../../../workers/import/whatsapp/calendar.ts';
import { toGregorian } from '../../../../../workers/import/whatsapp/other-calendars.ts';
import { BOM, LRM, NBSP, NNBSP, RLM } from '../../../../support/unicode-chars.ts';


function header(line: string): HeaderMatch {
  const match = matchHeader(line);
  if (match === null) {
    throw new Error(`expected a header: ${JSON.stringify(line)}`);
  }
  return match;
}

function stamp(line: string): string {
  const match = header(line);
  return line.slice(match.stampStart, match.stampEnd);
}

function body(line: string): string {
  return line.slice(header(line).bodyStart);
}

describe('matchHeader: Android and iOS shapes', () => {
  it.each([
    ['23/03/2022, 13:31 - Name: text', 'dash', '23/03/2022, 13:31', ['23', '03', '2022']],
    ['23.03.22 13:31 - Name: text', 'dash', '23.03.22 13:31', ['23', '03', '22']],
    ['23-03-2022 13:31 - Name: text', 'dash', '23-03-2022 13:31', ['23', '03', '2022']],
    ['[3/18/22, 14:56:01] Name: text', 'bracket', '3/18/22, 14:56:01', ['3', '18', '22']],
    ['[3/18/22 14:56:00] Name: text', 'bracket', '3/18/22 14:56:00', ['3', '18', '22']],
    ['[3/18/22 14.56.01] Name: text', 'bracket', '3/18/22 14.56.01', ['3', '18', '22']],
    ['2022/12/14, 13:34. - Name: text', 'dash', '2022/12/14, 13:34.', ['2022', '12', '14']],
    ['09/17/19, 8:30:52 AM – Name: text', 'dash', '09/17/19, 8:30:52 AM', ['09', '17', '19']],
    ['13. 6. 2018. 21:25:15 - Name: text', 'dash', '13. 6. 2018. 21:25:15', ['13', '6', '2018']],
    ['13.6.2018 klo 21.25.15 - Name: text', 'dash', '13.6.2018 klo 21.25.15', ['13', '6', '2018']],
    ['24/12/13 18:30:12: Name: text', 'colon', '24/12/13 18:30:12', ['24', '12', '13']],
  ] as const)('%s', (line, style, expectedStamp, fields) => {
    const match = header(line);
    expect(match.style).toBe(style);
    expect(stamp(line)).toBe(expectedStamp);
    expect([match.field1, match.field2, match.field3]).toEqual(fields);
    expect(body(line)).toBe('Name: text');
  });

  it('reads seconds only when written', () => {
    expect(header('[3/18/22, 14:56:01] A: b').second).toBe(1);
    expect(header('23/03/2022, 13:31 - A: b').second).toBe(0);
  });

  it('accepts a header with an empty body', () => {
    expect(body('12/24/19, 11:23 -')).toBe('');
  });
});

describe('matchHeader: 12-hour clocks and localised day periods', () => {
  it.each([
    ['1/29/18, 12:24 PM - A: b', 'pm'],
    ['9/24/2019 11:30 p.m. - A: b', 'pm'],
    [`28/3/2025 9:29 p.${NBSP}m. - A: b`, 'pm'],
    ['12/24/2019 11:30 a. m. - A: b', 'am'],
    [`[13/11/2025, 12:25:55${NNBSP}PM] A: b`, 'pm'],
    ['03/01/2021, 9:15 in the morning - A: b', 'am'],
    ['2019-08-06, 7:03 a.m. - A: b', 'am'],
    ['2020. 1. 5. 오후 3:45 - A: b', 'pm'],
    ['2020/1/5 下午3:45 - A: b', 'pm'],
    ['2020/01/05 午前9:45 - A: b', 'am'],
    [`[١٨${RLM}/٣${RLM}/٢٠٢٢، ٢:٥٦:٠٠${NBSP}م] A: b`, 'pm'],
    [`[١٨${RLM}/٣${RLM}/٢٠٢٢، ٢:٥٦:٠٠${NBSP}ص] A: b`, 'am'],
  ] as const)('%s', (line, period) => {
    expect(header(line).dayPeriod).toBe(period);
  });
});

describe('matchHeader: noise, scripts and calendars', () => {
  it('skips BOMs and marks before and inside the bracket', () => {
    expect(stamp(`${BOM}${BOM}[29.01.18, 12:24:03] A: b`)).toBe('29.01.18, 12:24:03');
    expect(stamp(`[${BOM}29.01.18, 12:24:03] A: b`)).toBe('29.01.18, 12:24:03');
    expect(stamp(`${LRM}[3/27/22, 21:41:55] A: ${LRM}image omitted`)).toBe('3/27/22, 21:41:55');
  });

  it('keeps Eastern Arabic digits and RLMs in the timestamp text and maps them for reading', () => {
    const line = `${RLM}[١٨${RLM}/٣${RLM}/٢٠٢٢، ٢:٥٦:٠٠${NBSP}م] \u202a+40${NBSP}521\u202c: ${RLM}x`;
    const match = header(line);
    expect(stamp(line)).toBe(`١٨${RLM}/٣${RLM}/٢٠٢٢، ٢:٥٦:٠٠${NBSP}م`);
    expect([match.field1, match.field2, match.field3, match.hour, match.minute]).toEqual(['18', '3', '2022', 2, 56]);
  });

  it('reads Persian digits', () => {
    const match = header('[۱۸/۳/۱۴۰۱، ۲:۵۶:۰۰ ب.ظ.] A: b');
    expect([match.field1, match.field2, match.field3, match.dayPeriod]).toEqual(['18', '3', '1401', 'pm']);
  });

  it('reads Buddhist and Japanese era years', () => {
    expect(header('[3/18/2565 BE, 14:56:01] A: b').calendarMarker).toBe('BE');
    expect(header('[3/18/R4, 14:56:01] A: b').field3).toBe('R4');
    expect(header('[令和4/3/18 14:56:01] A: b').field1).toBe('令和4');
  });

  it('reads time-first headers (vi iOS, old Android)', () => {
    const vietnamese = header('[14:56:01, 3/18/22] Musk Elon: x');
    expect([vietnamese.hour, vietnamese.field1, vietnamese.field2]).toEqual([14, '3', '18']);
    const old = header('19:23, 28 Aug 2013 - Sam: x');
    expect([old.namedDay, old.namedMonth, old.namedYear]).toEqual([28, 8, 2013]);
  });

  it('reads month names with and without a year', () => {
    const monthFirst = header('Mar 5, 8:11 PM - A: b');
    expect([monthFirst.namedMonth, monthFirst.namedDay, monthFirst.namedYear, monthFirst.dayPeriod]).toEqual([3, 5, null, 'pm']);
    const dayFirst = header('18 Mar 12:14 - A: b');
    expect([dayFirst.namedDay, dayFirst.namedMonth, dayFirst.namedYear]).toEqual([18, 3, null]);
    expect(header('5. März 2013, 14:00 - A: b').namedMonth).toBe(3);
  });
});

describe('matchHeader: lines that are not headers', () => {
  it.each([
    '2/11/19: Arrival',
    '2/11/19, 14:48 Alice Placeholder: no separator',
    '[3/18/22, 14:56:01 Anna: no closing bracket',
    '3/18/22, 14:56:01] Anna: no opening bracket',
    '10:30 - meeting',
    'Hello 5, 8:11 PM - not a month',
    '{"date": "2022-03-18 14:56:01"}',
    '<message date="2022-03-18 14:56:01"/>',
    '2022-03-18,14:56,Alice,hi',
    'Pimlico Gardens',
    '',
    '\u0000\u0000\u0000',
  ])('%j', (line) => {
    expect(matchHeader(line)).toBeNull();
  });
});

describe('calendar pieces', () => {
  it('converts years', () => {
    expect(resolveYear('22', '').year).toBe(2022);
    expect(resolveYear('2022', '').year).toBe(2022);
    expect(resolveYear('2565', 'BE').year).toBe(2022);
    expect(resolveYear('2565', '').year).toBe(2022);
    expect(resolveYear('R1', '').year).toBe(2019);
    expect(resolveYear('H31', '').year).toBe(2019);
    expect(resolveYear('平成31', '').year).toBe(2019);
    expect(resolveYear('1401', '').calendar).toBe('persian');
    expect(resolveYear('1443', 'هـ').calendar).toBe('islamic-umalqura');
  });

  it('converts 12-hour readings, including the impossible ones in the samples', () => {
    expect(to24Hour(12, 'am')).toBe(0);
    expect(to24Hour(12, 'pm')).toBe(12);
    expect(to24Hour(1, 'pm')).toBe(13);
    expect(to24Hour(23, 'pm')).toBe(23);
    expect(to24Hour(0, 'am')).toBe(0);
    expect(to24Hour(9, 'night')).toBe(21);
    expect(to24Hour(2, 'night')).toBe(2);
    expect(to24Hour(14, null)).toBe(14);
  });

  it('knows day-period tokens and month names', () => {
    expect(dayPeriodFromToken('p. m.')).toBe('pm');
    expect(dayPeriodFromToken('in the afternoon')).toBe('pm');
    expect(dayPeriodFromToken('오전')).toBe('am');
    expect(dayPeriodFromToken('xyz')).toBeNull();
    expect(monthFromName('Sept.')).toBe(9);
    expect(monthFromName('déc')).toBe(12);
    expect(monthFromName('Hello')).toBe(0);
  });

  it('converts Persian and Islamic dates through Intl', () => {
    expect(toGregorian('persian', { year: 1401, month: 3, day: 18 })).toEqual({ year: 2022, month: 6, day: 8 });
    expect(toGregorian('islamic-umalqura', { year: 1443, month: 8, day: 15 })).toEqual({ year: 2022, month: 3, day: 18 });
    expect(toGregorian('persian', { year: 1401, month: 13, day: 1 })).toBeNull();
  });
});
