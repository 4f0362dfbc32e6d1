import { describe, expect, it } from 'vitest';
import { CELL_INTEGER, unpackRows, type PackedRows, type PackedValue } from '../../../../shared/contracts/packed-rows.ts';
import { groupedRowOrder, reorderedWithRowids } from '../../../../workers/db/packed-row-order.ts';
import { PackedRowsWriter } from '../../../../workers/import/message-batch.ts';

/** Rows of (key, batch index). */
function packed(keys: readonly (string | number | null)[]): PackedRows {
  const writer = new PackedRowsWriter(2);
  writer.start(keys.length);
  keys.forEach((key, index) => {
    writer.startRow();
    if (typeof key === 'string') writer.string(key);
    else if (key === null) writer.null();
    else writer.number(key);
    writer.number(index);
  });
  return writer.finish();
}

/** What the order should be: keys as SQLite's BINARY collation orders them (UTF-8 bytes), a key's rows in batch order. */
function byKeyBytes(keys: readonly string[]): number[] {
  const indexes = keys.map((_key, index) => index);
  return indexes.sort((a, b) => Buffer.compare(Buffer.from(keys[a] as string), Buffer.from(keys[b] as string)) || a - b);
}

describe('groupedRowOrder (a batch inserted a key at a time)', () => {
  it('leaves a batch of one key, or of keys already in runs in any order, as it is (null)', () => {
    expect(groupedRowOrder(packed(['c-1', 'c-1', 'c-1']), 0)).toBeNull();
    expect(groupedRowOrder(packed(['c-b', 'c-b', 'c-a', 'c-10', 'c-10', 'c-10']), 0)).toBeNull();
    expect(groupedRowOrder(packed(['only']), 0)).toBeNull();
    expect(groupedRowOrder(packed([]), 0)).toBeNull();
  });

  it('puts interleaved keys in UTF-8 byte order (not UTF-16 order), each key’s rows in batch order', () => {
    // U+FFFD sorts before 😀 in UTF-8 (EF… < F0…) but after it in UTF-16 (0xFFFD > 0xD83D); é after z; a prefix first.
    const keys = ['c-b', 'c-😀', 'c-10', 'c-\uFFFD', 'c-1', 'c-é', 'c-z', 'c-b', 'c-1', 'c-😀', 'c-\uFFFD', 'c-10', 'c-z', 'c-é', 'c-1'];
    const order = groupedRowOrder(packed(keys), 0);
    expect(order === null ? null : [...order]).toEqual(byKeyBytes(keys));
    expect(order === null ? [] : [...order].map((row) => keys[row])).toEqual(['c-1', 'c-1', 'c-1', 'c-10', 'c-10', 'c-b', 'c-b', 'c-z', 'c-z', 'c-é', 'c-é', 'c-\uFFFD', 'c-\uFFFD', 'c-😀', 'c-😀']);
  });

  it('groups thousands of keys exactly (keys of one hash are told apart by their bytes)', () => {
    const keys = Array.from({ length: 6000 }, (_unused, index) => `conversation-${(index * 7919) % 2500}`);
    const order = groupedRowOrder(packed(keys), 0);
    expect(order === null ? null : [...order]).toEqual(byKeyBytes(keys));
  });

  it('groups a key read from any column', () => {
    const writer = new PackedRowsWriter(3);
    const keys = ['b', 'a', 'b', 'a'];
    writer.start(keys.length);
    keys.forEach((key, index) => {
      writer.startRow();
      writer.number(index);
      writer.string(`text ${index}`);
      writer.string(key);
    });
    const order = groupedRowOrder(writer.finish(), 2);
    expect(order === null ? null : [...order]).toEqual([1, 3, 0, 2]);
  });

  it('groups values that are not text apart from text and from each other, and reads no byte outside the text', () => {
    const keys = ['k', null, 7, 'k', 7, null, 8];
    const order = groupedRowOrder(packed(keys), 0);
    expect(order === null ? null : [...order].map((row) => keys[row])).toEqual([null, null, 7, 7, 8, 'k', 'k']);
    // A cell pointing past the text (refused later, when the rows are checked) is a value of its own here.
    const rows = packed(['k', 'x', 'k']);
    rows.cells[2] = 1e15;
    rows.cells[3] = 1e15;
    expect(() => groupedRowOrder(rows, 0)).not.toThrow();
  });
});

describe('reorderedWithRowids', () => {
  it('gives each row, in the new order, its batch rowid first and its own values after, over the same text', () => {
    const keys = ['b', 'a', 'b', 'c', 'a'];
    const rows = packed(keys);
    const order = Uint32Array.from([1, 4, 0, 2, 3]);
    const reordered = reorderedWithRowids(rows, order, 101);
    expect(reordered.text).toBe(rows.text);
    expect(reordered.columns).toBe(3);
    expect(reordered.count).toBe(5);
    expect(reordered.cells[0]).toBe(CELL_INTEGER);
    const expected: PackedValue[][] = [...order].map((row) => [101 + row, keys[row] as string, row]);
    expect(unpackRows(reordered)).toEqual(expected);
  });

  it('refuses an order that is not one row each, and rows whose cells do not fit their shape', () => {
    const rows = packed(['a', 'b']);
    expect(() => reorderedWithRowids(rows, Uint32Array.from([0]), 1)).toThrow(/order/u);
    expect(() => reorderedWithRowids({ ...rows, count: 3 }, Uint32Array.from([0, 1, 2]), 1)).toThrow(/cell/u);
  });
});
