/**
 * A row longer than MAX_RECORD_BYTES (a quote that never closes) is kept as an unparsed record
 * with only its start; the reason must say it was cut, where, and how much of it was read.
 */
import { describe, expect, it } from 'vitest';

import { RAW_TEXT_LIMIT } from '../../../../../workers/import/import-limits.ts';
import { createCsvParser, MAX_RECORD_BYTES } from '../../../../../workers/import/csv/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

describe('CSV: the raw text of an over-long row', () => {
  it('keeps the first RAW_TEXT_LIMIT characters and says they are the start of a longer row, with its line', async () => {
    const start = '1712340001,"open';
    const text = `t,x\n1712340000,ok\n${start}${'y'.repeat(MAX_RECORD_BYTES + 1024 * 1024)}`;
    const result = await runParser(createCsvParser({ timestamp: 't', text: 'x', timestampFormat: 'unix-s' }), inputFromText(text, { chunkBytes: 1024 * 1024 }));

    const cut = result.messages[1];
    expect(cut?.kind).toBe('unparsed');
    expect(cut?.locator).toEqual({ kind: 'csv-row', file: 'input', row: 3, line: 3 });
    expect(cut?.text).toBe(`${start}${'y'.repeat(RAW_TEXT_LIMIT - start.length)}`);
    expect(cut?.reason).toContain(`the row starting at line 3 is longer than ${MAX_RECORD_BYTES} bytes`);
    const sizes = /raw text truncated to the first (\d+) characters, decoded from the first (\d+) of at least (\d+) bytes\)$/u.exec(cut?.reason ?? '');
    expect(sizes).not.toBeNull();
    const [kept, decoded, read] = (sizes ?? []).slice(1).map(Number);
    expect(kept).toBe(RAW_TEXT_LIMIT);
    expect(decoded).toBeGreaterThanOrEqual(RAW_TEXT_LIMIT);
    expect(read).toBeGreaterThan(MAX_RECORD_BYTES);
    expect(decoded).toBeLessThan(read ?? 0);
    // The warning names the runaway row's own line (it used to name the line after it).
    expect(result.warnings).toEqual([expect.objectContaining({ place: 'input:3', message: expect.stringContaining('reading stopped there') })]);
  });
});
