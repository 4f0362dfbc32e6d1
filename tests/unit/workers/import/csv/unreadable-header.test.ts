import { describe, expect, it } from 'vitest';
import { createCsvParser } from '../../../../../workers/import/csv/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A header row whose quote never closes swallows the whole file into one broken record. The
 * import said "the file has no header row", which sends the examiner looking for a missing
 * line; it now names the header's line and the real reason.
 */
describe('CSV header row that cannot be read', () => {
  it('says the header row at its line cannot be read, and why', async () => {
    const csv = ['', 'time,from,"text', '2024-01-01T10:00:00Z,a,hi', '2024-01-01T10:00:01Z,b,yo'].join('\n');
    const error = await runParser(createCsvParser({ timestamp: 'time', text: 'text' }), inputFromText(csv, { displayName: 'r.csv' })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_IMPORT_FORMAT' });
    expect((error as Error).message).toMatch(/^r\.csv:2: the header row cannot be read \(Quote Not Closed.*\); nothing was imported$/u);
  });
});
