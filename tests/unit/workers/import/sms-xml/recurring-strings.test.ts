import { describe, expect, it } from 'vitest';
import { RecurringStrings } from '../../../../../workers/import/sms-xml/recurring-strings.ts';

describe('RecurringStrings', () => {
  it('gives the same string object for the same bytes wherever they lie', () => {
    const strings = new RecurringStrings();
    const line = Buffer.from('address="+40721" again="+40721"');
    const first = strings.text(line, 9, 15);
    const second = strings.text(line, 24, 30);
    expect(first).toBe('+40721');
    expect(second).toBe(first);
  });

  it('reads every value as UTF-8, whatever values came before it into the same slots', () => {
    const strings = new RecurringStrings();
    // Thousands of distinct values share the cache's slots: each must still read as itself.
    const values = Array.from({ length: 20_000 }, (_unused, index) => `+40${index} ş 😀 ${index % 7}`);
    const bytes = values.map((value) => Buffer.from(value));
    for (let round = 0; round < 2; round += 1) {
      for (const [index, value] of values.entries()) expect(strings.text(bytes[index] as Buffer, 0, (bytes[index] as Buffer).length)).toBe(value);
    }
  });

  it('keeps a copy of the bytes, not the buffer they came from', () => {
    const strings = new RecurringStrings();
    const chunk = Buffer.from('Ana Pop');
    expect(strings.text(chunk, 0, chunk.length)).toBe('Ana Pop');
    chunk.write('Bob Lee');
    expect(strings.text(chunk, 0, chunk.length)).toBe('Bob Lee');
    expect(strings.text(Buffer.from('Ana Pop'), 0, 7)).toBe('Ana Pop');
  });

  it('reads one-byte values, ASCII or not', () => {
    const strings = new RecurringStrings();
    expect(strings.text(Buffer.from('type="2"'), 6, 7)).toBe('2');
    expect(strings.text(Buffer.from([0x7f]), 0, 1)).toBe('\u007f');
    expect(strings.text(Buffer.from([0xc3]), 0, 1)).toBe('\ufffd');
  });

  it('reads long values and empty ones', () => {
    const strings = new RecurringStrings();
    const long = Buffer.from('x'.repeat(500));
    expect(strings.text(long, 0, 500)).toBe('x'.repeat(500));
    expect(strings.text(long, 3, 3)).toBe('');
  });
});
