import { describe, expect, it } from 'vitest';
import { CELL_INTEGER, CELL_NULL, CELL_REAL, packedRowsProblem, unpackRows, type PackedRows } from '../../../../shared/contracts/packed-rows.ts';
import { PackedRowsWriter } from '../../../../workers/import/message-batch.ts';
import { fileCaseWithSource } from '../../../support/memory-case-db.ts';

function packed(values: (string | number | null)[][], columns: number): PackedRows {
  const writer = new PackedRowsWriter(columns);
  writer.start(values.length);
  for (const row of values) {
    for (const value of row) {
      if (value === null) writer.null();
      else if (typeof value === 'number') writer.number(value);
      else writer.string(value);
    }
  }
  return writer.finish();
}

describe('packed rows (import worker → db worker)', () => {
  it('give back every value as written: text in any script, NUL, empty, integers past 32 bits, reals', () => {
    const rows = [
      ['a\u0000b', '', null, 2 ** 40],
      ['نص 🎉 мир', 'x'.repeat(100_000), 0.75, -3],
    ];
    const result = packed(rows, 4);
    expect(packedRowsProblem(result)).toBeNull();
    expect(unpackRows(result)).toEqual(rows);
  });

  it('give back short and long strings alike when a character past ASCII comes first, last, or after many', () => {
    const rows = [['é', 'abcé', 'x'.repeat(47) + 'é', 'x'.repeat(48) + 'é', 'ab\ud83c', '\u007f\u0080', 'a'.repeat(48), 'a'.repeat(49)]];
    const result = packed(rows, 8);
    expect(packedRowsProblem(result)).toBeNull();
    expect(unpackRows(result)).toEqual([['é', 'abcé', 'x'.repeat(47) + 'é', 'x'.repeat(48) + 'é', 'ab\ufffd', '\u007f\u0080', 'a'.repeat(48), 'a'.repeat(49)]]);
  });

  it('keep a scratch buffer across batches but give each batch bytes of its own (they are transferred)', () => {
    const writer = new PackedRowsWriter(1);
    writer.start(1);
    writer.string('first');
    const first = writer.finish();
    writer.start(1);
    writer.string('second, longer');
    const second = writer.finish();
    expect(first.text.buffer).not.toBe(second.text.buffer);
    expect(first.text.byteLength).toBe(first.text.buffer.byteLength);
    expect(unpackRows(first)).toEqual([['first']]);
  });

  it('refuse to finish a batch with values missing', () => {
    const writer = new PackedRowsWriter(2);
    writer.start(2);
    writer.string('only one');
    expect(() => writer.finish()).toThrow(/packed 1 values: the last row lacks 1 of its 2/u);
  });

  it.each([
    ['text past the end', { text: new Uint8Array(4), cells: new Float64Array([2, 3]), count: 1, columns: 1 }, /outside 4 bytes/u],
    ['a negative length', { text: new Uint8Array(4), cells: new Float64Array([0, -1]), count: 1, columns: 1 }, /outside/u],
    ['a fractional offset', { text: new Uint8Array(4), cells: new Float64Array([0.5, 1]), count: 1, columns: 1 }, /outside/u],
    ['an unknown tag', { text: new Uint8Array(0), cells: new Float64Array([-7, 0]), count: 1, columns: 1 }, /unknown cell tag -7/u],
    ['an unsafe integer', { text: new Uint8Array(0), cells: new Float64Array([CELL_INTEGER, 2 ** 60]), count: 1, columns: 1 }, /not a safe integer/u],
    ['a real that is not finite', { text: new Uint8Array(0), cells: new Float64Array([CELL_REAL, Number.NaN]), count: 1, columns: 1 }, /not a finite number/u],
    ['cells for fewer rows than counted', { text: new Uint8Array(0), cells: new Float64Array([CELL_NULL, 0]), count: 2, columns: 1 }, /2 cell numbers for 2 rows/u],
  ])('name what is wrong with %s, before anything reads memory through it', (_case, rows, problem) => {
    expect(packedRowsProblem(rows)).toMatch(problem);
  });

  it('are refused by the case file connection when malformed, with nothing stored', () => {
    const db = fileCaseWithSource({ id: 'src-1', path: '/e/a.txt', format: 'whatsapp-txt', sha256: 'h', status: 'imported' });
    db.exec('CREATE TABLE t (value TEXT)');
    expect(() => db.insertPackedRows('INSERT INTO t (value)', { text: new Uint8Array(4), cells: new Float64Array([0, 4, 2, 1_000_000]), count: 2, columns: 1 })).toThrow(
      /Malformed rows: row 1, value 0: text 2\+1000000 outside 4 bytes/u,
    );
    expect(db.exec('SELECT count(*) FROM t')[0]?.values[0]?.[0]).toBe(0);
    db.close();
  });
});
