import { describe, expect, it } from 'vitest';
import { createCsvParser, readCsvTimestamp, validateCsvMapping } from '../../../../../workers/import/csv/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A sheet saved as CSV with its date column in Excel's "General" format writes serial dates:
 * days since 1899-12-30 with the time as a fraction of a day ("45296.58"), or since 1904-01-01 in
 * a Mac workbook's 1904 system. There was no format for them, and without one such a number was
 * read as Unix seconds: a time on 1 January 1970, without a word. "excel" and "excel-1904" now
 * read them (as wall clock, Excel stores no zone), and without a format a number the size of a
 * serial date is no time, the row saying what it is.
 */
describe('CSV Excel serial dates', () => {
  it('reads a 1900-system serial as the wall clock it stands for', () => {
    expect(readCsvTimestamp('45296.58', 'excel', false)).toEqual({ time: { wall: { year: 2024, month: 1, day: 5, hour: 13, minute: 55, second: 12 } }, problem: null });
    expect(readCsvTimestamp('45296', 'excel', false).time).toEqual({ wall: { year: 2024, month: 1, day: 5, hour: 0, minute: 0, second: 0 } });
  });

  it('reads a serial as UTC when the mapping says the file is in UTC, keeping its milliseconds', () => {
    // 0.5 day + 1.5 s: the float noise of the fraction must not move the time by a millisecond.
    const serial = String(45296 + (12 * 3600 + 1.5) / 86400);
    expect(readCsvTimestamp(serial, 'excel', true).time).toEqual({ utcMs: Date.UTC(2024, 0, 5, 12, 0, 1, 500) });
  });

  it('counts serials below 61 from 1899-12-31, as Excel does for its 1900 that had a 29 February', () => {
    expect(readCsvTimestamp('1', 'excel', true).time).toEqual({ utcMs: Date.UTC(1900, 0, 1) });
    expect(readCsvTimestamp('59.5', 'excel', true).time).toEqual({ utcMs: Date.UTC(1900, 1, 28, 12) });
    expect(readCsvTimestamp('61', 'excel', true).time).toEqual({ utcMs: Date.UTC(1900, 2, 1) });
    expect(readCsvTimestamp('60', 'excel', true)).toEqual({ time: null, problem: '"60" is Excel\'s 29 February 1900, a day that never was' });
  });

  it('reads the Mac 1904 system from 1904-01-01', () => {
    expect(readCsvTimestamp('43834.58', 'excel-1904', true).time).toEqual({ utcMs: Date.UTC(2024, 0, 5, 13, 55, 12) });
    expect(readCsvTimestamp('0', 'excel-1904', true).time).toEqual({ utcMs: Date.UTC(1904, 0, 1) });
  });

  it('says why a cell is not a serial date', () => {
    expect(readCsvTimestamp('05/01/2024', 'excel', false)).toEqual({ time: null, problem: '"05/01/2024" is not an Excel serial date (a number of days)' });
    expect(readCsvTimestamp('-3', 'excel', false)).toEqual({ time: null, problem: '"-3" is before Excel\'s first date' });
    expect(readCsvTimestamp('2958466', 'excel', false)).toEqual({ time: null, problem: '"2958466" is after Excel\'s last date (9999-12-31)' });
  });

  it('without a format, does not read a number the size of a serial date as a time in 1970', () => {
    const { time, problem } = readCsvTimestamp('45296.58', undefined, false);
    expect(time).toBeNull();
    expect(problem).toBe('"45296.58" read as Unix seconds is on 1 January 1970; its size is that of an Excel serial date (2024-01-05 13:55:12 as "excel"): choose timestampFormat "excel" (or "excel-1904" for a Mac workbook)');
    // A Unix time of another size is read as before.
    expect(readCsvTimestamp('1704463200', undefined, false).time).toEqual({ utcMs: 1704463200000 });
  });

  it('with "unix-s" or "unix-ms" chosen, does not read a number the size of a serial date as a time in 1970 either', () => {
    // A mapping made for another export of the same tool, or a guess: the date column is serial dates.
    expect(readCsvTimestamp('45296.58', 'unix-s', false)).toEqual({
      time: null,
      problem: '"45296.58" read as Unix seconds is on 1 January 1970; its size is that of an Excel serial date (2024-01-05 13:55:12 as "excel"): choose timestampFormat "excel" (or "excel-1904" for a Mac workbook)',
    });
    expect(readCsvTimestamp('45296', 'unix-ms', false)).toEqual({
      time: null,
      problem: '"45296" read as Unix milliseconds is on 1 January 1970; its size is that of an Excel serial date (2024-01-05 00:00:00 as "excel"): choose timestampFormat "excel" (or "excel-1904" for a Mac workbook)',
    });
    // Times of other sizes are read in the unit chosen, as before.
    expect(readCsvTimestamp('1704463200', 'unix-s', false).time).toEqual({ utcMs: 1704463200000 });
    expect(readCsvTimestamp('1704463200123', 'unix-ms', false).time).toEqual({ utcMs: 1704463200123 });
    expect(readCsvTimestamp('19999', 'unix-s', false).time).toEqual({ utcMs: 19999000 });
  });

  it('imports a sheet of serial dates with the mapping', async () => {
    expect(validateCsvMapping({ timestamp: 'Date', text: 'Body', timestampFormat: 'excel-1904' }).timestampFormat).toBe('excel-1904');
    const csv = 'Date,From,Body\r\n45296.58,Ana,hi\r\n';
    const result = await runParser(createCsvParser({ timestamp: 'Date', sender: 'From', text: 'Body', timestampFormat: 'excel' }), inputFromText(csv));
    expect(result.messages.map((message) => [message.time, message.timestampText, message.text])).toEqual([
      [{ wall: { year: 2024, month: 1, day: 5, hour: 13, minute: 55, second: 12 } }, '45296.58', 'hi'],
    ]);
  });
});

/**
 * Excel in a locale with a decimal comma (German, French…) saves a "General" date cell as
 * "45296,58" in its semicolon-separated CSV; "excel" refused it as not a number.
 */
describe('CSV Excel serial dates with a decimal comma', () => {
  it('reads the serial as the same date and time', () => {
    expect(readCsvTimestamp('45296,58', 'excel', true).time).toEqual({ utcMs: Date.UTC(2024, 0, 5, 13, 55, 12) });
    expect(readCsvTimestamp('43834,58', 'excel-1904', true).time).toEqual({ utcMs: Date.UTC(2024, 0, 5, 13, 55, 12) });
  });
});
