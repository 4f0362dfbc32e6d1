import { describe, expect, it } from 'vitest';

import { expectedLocator, parseLines, recordOnLine, utcIn, warningsOn } from '../../../../support/whatsapp-lines.ts';

/**
 * Hostile but plausible timestamps: dates that do not exist, times past the end of the day,
 * files that switch day/month order. None may crash the parse or turn into a wrong date
 * without a word: the message is kept with its sender and text, and a warning names the line.
 */

describe('impossible dates become warnings, never a crash or a shifted date', () => {
  it.each([
    ['Gregorian 2023, day first', '29/02/2023, 10:00 - Ana: leap?', '29/02/2023, 10:00'],
    ['Gregorian 2023, month first', '02/29/23, 10:00 - Ana: leap?', '02/29/23, 10:00'],
    ['Gregorian 2-digit year, dotted', '29.02.23, 10:00 - Ana: leap?', '29.02.23, 10:00'],
    ['Gregorian 1900 (not leap: divisible by 100)', '29/02/1900, 10:00 - Ana: leap?', '29/02/1900, 10:00'],
    ['Buddhist 2566 BE (= 2023)', '[2/29/2566 BE, 10:00:00] Ana: leap?', '2/29/2566 BE, 10:00:00'],
    ['Japanese era Reiwa 5 (= 2023)', '[2/29/R5, 10:00:00] Ana: leap?', '2/29/R5, 10:00:00'],
    ['Solar Hijri 30 Esfand 1401 (not a leap year)', '[۳۰/۱۲/۱۴۰۱، ۱۰:۰۰:۰۰] Ana: leap?', '۳۰/۱۲/۱۴۰۱، ۱۰:۰۰:۰۰'],
    ['31 April', '31/04/2023, 10:00 - Ana: x', '31/04/2023, 10:00'],
    ['day 0', '0/5/21, 10:00 - Ana: x', '0/5/21, 10:00'],
    ['both fields above 12', '13/13/2021, 10:00 - Ana: x', '13/13/2021, 10:00'],
  ])('%s', (_label, line, timestampText) => {
    const lines = [line];
    const result = parseLines(lines);
    const record = recordOnLine(result, 1);
    expect(record).toMatchObject({ kind: 'message', sender: 'Ana', wallClock: null, timestampText });
    expect(record.locator).toEqual(expectedLocator(lines, 1));
    expect(warningsOn(result, 1)).toContain(`"${timestampText}" is not a valid date and time`);
  });

  it('accepts 29 February in leap years of every calendar', () => {
    const lines = [
      '[2/29/2024, 10:00:00] Ana: Gregorian',
      '[2/29/2567 BE, 10:00:00] Ana: Buddhist 2567 = 2024',
      '[2/29/R6, 10:00:00] Ana: Reiwa 6 = 2024',
      '[2/29/2000, 10:00:00] Ana: divisible by 400',
    ];
    const result = parseLines(lines);
    expect(result.records.map((record) => utcIn(record, 'UTC'))).toEqual([
      '2024-02-29T10:00:00.000Z',
      '2024-02-29T10:00:00.000Z',
      '2024-02-29T10:00:00.000Z',
      '2000-02-29T10:00:00.000Z',
    ]);
  });

  it('reads a year-less 29 February against the year it falls in, and warns when that year has none', () => {
    const nonLeap = parseLines(['Feb 29, 8:11 PM - Bob: leap?'], { defaultYear: 2023 });
    expect(recordOnLine(nonLeap, 1)).toMatchObject({ sender: 'Bob', text: 'leap?', wallClock: null });
    expect(warningsOn(nonLeap, 1)).toContain('"Feb 29, 8:11 PM" is not a valid date and time');
    // The year rolls over at the new year: 29 February then falls in 2024.
    const rolled = parseLines(['Dec 31, 11:59 PM - Bob: x', 'Feb 29, 8:11 PM - Bob: leap'], { defaultYear: 2023 });
    expect(utcIn(recordOnLine(rolled, 2), 'America/New_York')).toBe('2024-03-01T01:11:00.000Z'); // EST -5
  });

  it.each([
    ['24:00', '12/24/19, 24:00 - Ana: midnight?', '12/24/19, 24:00'],
    ['24:00:00 in brackets', '[12/24/19, 24:00:00] Ana: midnight?', '12/24/19, 24:00:00'],
    ['25:00', '12/24/19, 25:00 - Ana: x', '12/24/19, 25:00'],
    ['minute 60', '12/24/19, 12:60 - Ana: x', '12/24/19, 12:60'],
    ['second 60', '[12/24/19, 10:00:60] Ana: x', '12/24/19, 10:00:60'],
    // 24:00 is not read as a midnight: it could end the day written (ISO 8601) or start it (ICU
  // hour-of-day 1-24), a day apart, and no WhatsApp locale is known to write it.
  ])('a time of %s is kept as written with no wall clock and a warning', (_label, line, timestampText) => {
    const result = parseLines([line]);
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'message', sender: 'Ana', wallClock: null, timestampText });
    expect(warningsOn(result, 1)).toContain(`"${timestampText}" is not a valid date and time`);
  });

  it('reads hour 0 with a day period as Japanese exports write it (午後0:30 is half past noon)', () => {
    const result = parseLines(['[2022/03/18 午後0:30:00] 太郎: 昼', '[2022/03/18 午前0:30:00] 太郎: 夜']);
    expect(result.records.map((record) => utcIn(record, 'Asia/Tokyo'))).toEqual(['2022-03-18T03:30:00.000Z', '2022-03-17T15:30:00.000Z']);
  });
});

describe('a file that switches day/month order', () => {
  const SWITCHED = [
    '13/01/2021, 10:00 - Ana: day first', // only fits dmy
    '14/01/2021, 10:00 - Ana: day first again',
    '03/02/2021, 10:00 - Ana: ambiguous, among day-first lines',
    '02/15/2021, 10:00 - Ana: month first from here', // only fits mdy
    '02/16/2021, 10:00 - Ana: month first again',
    '02/17/2021, 10:00 - Ana: and again',
    '03/04/2021, 10:00 - Ana: ambiguous, among month-first lines',
  ];

  it('says the file mixes orders, and reads each line that fits only one order that way', () => {
    const result = parseLines(SWITCHED);
    expect(result.warnings).toContainEqual({ line: 0, message: 'day/month order is mixed in this file (field 1 exceeds 12 on line 1, field 2 on line 4)' });
    expect(result.dateOrder).toBe('mdy');
    expect(utcIn(recordOnLine(result, 1), 'UTC')).toBe('2021-01-13T10:00:00.000Z');
    expect(utcIn(recordOnLine(result, 4), 'UTC')).toBe('2021-02-15T10:00:00.000Z');
    expect(warningsOn(result, 1)).toContain('date "13/01/2021" only fits dmy order; read that way');
  });

  // Regression: an ambiguous date in a mixed file was read in the file's majority order with no
  // word on its line, so line 3 silently became 2 March (after 15 February) instead of 3 February.
  it('reads an ambiguous date like the nearest earlier date that fits only one order, and warns on its line', () => {
    const result = parseLines(SWITCHED);
    expect(utcIn(recordOnLine(result, 3), 'UTC')).toBe('2021-02-03T10:00:00.000Z');
    expect(warningsOn(result, 3)).toEqual(['date "03/02/2021" fits both day/month orders in a file that mixes them; read as dmy, like line 2']);
    expect(utcIn(recordOnLine(result, 7), 'UTC')).toBe('2021-03-04T10:00:00.000Z');
    expect(warningsOn(result, 7)).toEqual(['date "03/04/2021" fits both day/month orders in a file that mixes them; read as mdy, like line 6']);
    expect(result.warnings.filter((warning) => warning.message.includes('earlier than the previous'))).toEqual([]);
  });

  it('leaves files that do not mix orders as they were: no line-level ambiguity warnings', () => {
    const result = parseLines(['13/01/2021, 10:00 - Ana: x', '03/02/2021, 10:00 - Ana: y']);
    expect(utcIn(recordOnLine(result, 2), 'UTC')).toBe('2021-02-03T10:00:00.000Z');
    expect(warningsOn(result, 2)).toEqual([]);
  });
});

describe('a header-looking line inside a multi-line body', () => {
  // An export does not escape message text, so a pasted chat line is indistinguishable from a
  // real header; what must hold is that no line is lost and the jump back in time is flagged.
  it('starts a record of its own, keeps every line, and flags the time going back', () => {
    const lines = [
      '18/03/2022, 14:56 - Ana: He sent me this:',
      '18/03/2022, 14:50 - Marco: come alone',
      'and bring the passport',
      '18/03/2022, 14:57 - Bob: ok',
    ];
    const result = parseLines(lines);
    expect(result.records.map((record) => [record.sender, record.text, record.locator])).toEqual([
      ['Ana', 'He sent me this:', expectedLocator(lines, 1)],
      ['Marco', 'come alone\nand bring the passport', expectedLocator(lines, 2, 3)],
      ['Bob', 'ok', expectedLocator(lines, 4)],
    ]);
    expect(warningsOn(result, 2)).toContain('timestamp is earlier than the previous message');
  });

  it('keeps lines that only look partly like a header in the body', () => {
    const lines = [
      '18/03/2022, 14:56 - Ana: Plan:',
      '19/03/2022 - pick-up', // a date with no time
      '14:50 - station', // a time with no date
      '19/03/2022, 14:50 station', // no separator
      '[19/03/2022, 14:50 Marco: unclosed bracket',
      '18/03/2022, 14:57 - Bob: ok',
    ];
    const result = parseLines(lines);
    expect(result.records).toHaveLength(2);
    expect(recordOnLine(result, 1)).toMatchObject({ sender: 'Ana', locator: expectedLocator(lines, 1, 5) });
    expect(recordOnLine(result, 1).text.split('\n')).toEqual(['Plan:', ...lines.slice(1, 5)]);
  });
});

describe('year-less exports with a line out of order (regression)', () => {
  // Old exports write no year, so the year advanced whenever the month went back. One delayed
  // line just after midnight at a month's end (FORMATS.md §1.2: order is not monotonic) moved
  // that line, and every line after it, a whole year on, without a word.
  it('keeps a delayed line at a month boundary in the same year', () => {
    const lines = [
      'Mar 31, 11:50 PM - Bob: before midnight',
      'Apr 1, 12:05 AM - Bob: after midnight',
      'Mar 31, 11:59 PM - Bob: delayed',
      'Apr 1, 12:10 AM - Bob: later',
    ];
    const result = parseLines(lines, { defaultYear: 2014 });
    expect(result.records.map((record) => utcIn(record, 'Europe/London'))).toEqual([
      '2014-03-31T22:50:00.000Z', // BST +1 from 30 March 2014
      '2014-03-31T23:05:00.000Z',
      '2014-03-31T22:59:00.000Z',
      '2014-03-31T23:10:00.000Z',
    ]);
    expect(warningsOn(result, 3)).toContain('timestamp is earlier than the previous message');
  });

  it('puts a delayed 31 December just after new year in the old year', () => {
    const lines = ['Dec 31, 11:58 PM - Bob: a', 'Jan 1, 12:01 AM - Bob: b', 'Dec 31, 11:59 PM - Bob: delayed', 'Jan 1, 12:03 AM - Bob: c'];
    const result = parseLines(lines, { defaultYear: 2013 });
    expect(result.records.map((record) => record.wallClock?.year)).toEqual([2013, 2014, 2013, 2014]);
  });

  it('still moves to the next year when the month goes back by more than a delay', () => {
    const lines = ['Nov 20, 10:00 AM - Bob: autumn', 'Feb 3, 10:00 AM - Bob: winter', 'Jan 5, 10:00 AM - Bob: next winter?', 'Dec 20, 10:00 AM - Bob: same year, much later'];
    const result = parseLines(lines, { defaultYear: 2013 });
    expect(result.records.map((record) => record.wallClock?.year)).toEqual([2013, 2014, 2015, 2015]);
  });
});
