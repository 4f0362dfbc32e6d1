import { describe, expect, it } from 'vitest';
import { createCsvParser, readCsvTimestamp } from '../../../../../workers/import/csv/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Times copied out of phone apps carry invisible direction marks (U+200E LRM, U+200F RLM, U+202A…
 * U+202E, U+2066…U+2069) and, in Arabic and Persian locales, non-ASCII digits ("١٨/٣/٢٠٢٢")
 * (FORMATS.md §0.3). Such a cell was read as no time ("is not a dmy date"). The time is now
 * read from a normalised copy; the cell as written is still kept as the timestamp text.
 */
describe('CSV timestamps with direction marks or non-ASCII digits', () => {
  it('reads a time around invisible direction marks', () => {
    expect(readCsvTimestamp('\u200e2024-01-05 14:03:22\u200f', 'iso', true).time).toEqual({ utcMs: Date.UTC(2024, 0, 5, 14, 3, 22) });
    expect(readCsvTimestamp('\u202a05/01/2024\u202c 2:03\u202fPM', 'dmy', false).time).toEqual({ wall: { year: 2024, month: 1, day: 5, hour: 14, minute: 3, second: 0 } });
    expect(readCsvTimestamp('\u200e1704463402', undefined, false).time).toEqual({ utcMs: 1704463402000 });
  });

  it('reads Eastern Arabic and Persian digits as their values', () => {
    expect(readCsvTimestamp('١٨\u200f/٣\u200f/٢٠٢٢ ١٤:٠٣', 'dmy', false).time).toEqual({ wall: { year: 2022, month: 3, day: 18, hour: 14, minute: 3, second: 0 } });
    expect(readCsvTimestamp('۱۴۰۰', 'unix-s', false).time).toEqual({ utcMs: 1_400_000 });
  });

  it('keeps the cell as written as the timestamp text', async () => {
    const { messages } = await runParser(createCsvParser({ timestamp: 't', text: 'x', timestampFormat: 'dmy', timeZoneAware: true }), inputFromText('t,x\n\u200e05/01/2024 14:03,hi\n'));
    expect(messages[0]).toMatchObject({ timestampText: '\u200e05/01/2024 14:03', time: { utcMs: Date.UTC(2024, 0, 5, 14, 3) } });
  });
});
