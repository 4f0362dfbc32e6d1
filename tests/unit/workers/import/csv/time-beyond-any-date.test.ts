import { describe, expect, it } from 'vitest';
import { createCsvParser, readCsvTimestamp } from '../../../../../workers/import/csv/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A Unix time past ±8.64e15 ms is no date a JS Date can hold (new Date(x).toISOString() throws).
 * Such a cell (a seconds column mapped as milliseconds' bigger cousin, an id column mapped as the
 * time, a mis-typed value) was handed on as an instant ("utcMs": 1e17) with no word of a problem.
 * It is now read as no time, and the row says why, as any unreadable time does.
 */
describe('CSV Unix times beyond any date', () => {
  it('reads no time, and says why, for a Unix value no date can hold, in every numeric format', () => {
    expect(readCsvTimestamp('99999999999999999999999', undefined, false)).toEqual({ time: null, problem: '"99999999999999999999999" is beyond any date' });
    expect(readCsvTimestamp('99999999999999', 'unix-s', false)).toEqual({ time: null, problem: '"99999999999999" is beyond any date' });
    expect(readCsvTimestamp('999999999999999999', 'unix-ms', false)).toEqual({ time: null, problem: '"999999999999999999" is beyond any date' });
    // The edges of the range are still dates.
    expect(readCsvTimestamp('8640000000000000', 'unix-ms', false).time).toEqual({ utcMs: 8.64e15 });
    expect(readCsvTimestamp('-8640000000000000', 'unix-ms', false).time).toEqual({ utcMs: -8.64e15 });
  });

  it('reads no time for seconds that only a unit mix-up explains (milliseconds mapped as unix-s: the year 55000), and says so', () => {
    expect(readCsvTimestamp('1700000000000', 'unix-s', false)).toEqual({
      time: null,
      problem: '"1700000000000" read as seconds is in the year 55840: its size is that of milliseconds (timestampFormat "unix-ms")',
    });
    expect(readCsvTimestamp('99999999999', 'unix-s', false).time).toEqual({ utcMs: 99999999999000 });
  });

  it('imports such a row without a time and counts it as undated', async () => {
    const result = await runParser(createCsvParser({ timestamp: 't', text: 'x', timestampFormat: 'unix-s' }), inputFromText('t,x\n99999999999999,hi\n'));
    expect(result.messages[0]).toMatchObject({ kind: 'message', time: null, timestampText: '99999999999999', text: 'hi', extra: { timestampProblem: '"99999999999999" is beyond any date' } });
    expect(result.outcome.details).toMatchObject({ undatedRows: 1 });
  });
});
