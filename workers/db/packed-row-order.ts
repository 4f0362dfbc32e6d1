import { CELL_INTEGER, type PackedRows } from '../../shared/contracts/packed-rows.ts';

/**
 * The order in which to give SQLite a batch's rows so that rows with the same value in `column`
 * go in together: values in the order SQLite's BINARY collation keeps them (UTF-8 bytes, a prefix
 * first), each value's rows in batch order. Null when the rows already come a value at a time
 * (one chat, or chats in runs): insert them as they are.
 *
 * Why: rows of 400 interleaved chats made the `(chat_id, seq)` index half of storing a message,
 * each row landing on another page of it (ADR 0015). Runs over every row of every batch in the
 * db thread, so values are compared and hashed on their bytes in `rows.text`: no string per row.
 * The cells are not checked yet (insertPackedRows does that): a string cell that points outside
 * the text is a value of its own here, never read.
 */
export function groupedRowOrder(rows: PackedRows, column: number): Uint32Array | null {
  const { count, columns } = rows;
  if (count < 2) return null;
  const stride = columns * 2;
  const groupOf = new Uint32Array(count);
  /** The first row of each group: the cell its rows share. */
  const firstRows: number[] = [];
  const sizes: number[] = [];
  /** Groups by hash of their value; groups that share a hash are chained through nextOfHash. */
  const groupByHash = new Map<number, number>();
  const nextOfHash: number[] = [];
  let runs = 0;
  for (let row = 0, cell = column * 2; row < count; row += 1, cell += stride) {
    if (row > 0 && sameValue(rows, cell, cell - stride)) {
      const group = groupOf[row - 1] as number;
      groupOf[row] = group;
      sizes[group] = (sizes[group] as number) + 1;
      continue;
    }
    runs += 1;
    const hash = valueHash(rows, cell);
    let group = groupByHash.get(hash) ?? -1;
    while (group >= 0 && !sameValue(rows, cell, (firstRows[group] as number) * stride + column * 2)) group = nextOfHash[group] as number;
    if (group < 0) {
      group = firstRows.length;
      firstRows.push(row);
      sizes.push(0);
      nextOfHash.push(groupByHash.get(hash) ?? -1);
      groupByHash.set(hash, group);
    }
    groupOf[row] = group;
    sizes[group] = (sizes[group] as number) + 1;
  }
  if (runs === firstRows.length) return null;
  const groups = firstRows.map((_row, group) => group);
  groups.sort((a, b) => compareValues(rows, (firstRows[a] as number) * stride + column * 2, (firstRows[b] as number) * stride + column * 2));
  // Where each group's rows begin in the new order; then each row goes to the next place of its group.
  const next = new Uint32Array(groups.length);
  let place = 0;
  for (const group of groups) {
    next[group] = place;
    place += sizes[group] as number;
  }
  const order = new Uint32Array(count);
  for (let row = 0; row < count; row += 1) {
    const group = groupOf[row] as number;
    order[next[group] as number] = row;
    next[group] = (next[group] as number) + 1;
  }
  return order;
}

/**
 * The rows in `order` with one more value in front, an integer: the rowid each row would have
 * had in batch order (`firstRowid` + its batch index). The text is shared (offsets are absolute);
 * only the cells are copied. `order` comes from groupedRowOrder: one entry per row.
 */
export function reorderedWithRowids(rows: PackedRows, order: Uint32Array, firstRowid: number): PackedRows {
  const { cells, count, columns } = rows;
  if (order.length !== count) throw new Error(`an order of ${order.length} rows for ${count} rows`);
  const stride = columns * 2;
  if (cells.length !== count * stride) throw new Error(`${cells.length} cell numbers for ${count} rows of ${columns} values`);
  const reordered = new Float64Array(count * (stride + 2));
  let target = 0;
  for (let index = 0; index < count; index += 1) {
    const row = order[index] as number;
    reordered[target] = CELL_INTEGER;
    reordered[target + 1] = firstRowid + row;
    target += 2;
    for (let cell = row * stride, end = cell + stride; cell < end; cell += 1, target += 1) reordered[target] = cells[cell] as number;
  }
  return { text: rows.text, cells: reordered, count, columns: columns + 1 };
}

/** A string cell whose bytes lie inside the text (only those are read). */
function isText(rows: PackedRows, cell: number): boolean {
  const offset = rows.cells[cell] as number;
  return offset >= 0 && offset + (rows.cells[cell + 1] as number) <= rows.text.length;
}

function sameValue(rows: PackedRows, a: number, b: number): boolean {
  const { cells, text } = rows;
  const aOffset = cells[a] as number;
  const bOffset = cells[b] as number;
  const length = cells[a + 1] as number;
  if (aOffset === bOffset && length === cells[b + 1]) return true;
  if (!isText(rows, a) || !isText(rows, b) || length !== cells[b + 1]) return false;
  for (let index = 0; index < length; index += 1) if (text[aOffset + index] !== text[bOffset + index]) return false;
  return true;
}

/** FNV-1a of a text value's bytes; of the two numbers of any other cell. */
function valueHash(rows: PackedRows, cell: number): number {
  const first = rows.cells[cell] as number;
  const second = rows.cells[cell + 1] as number;
  if (!isText(rows, cell)) return Math.imul(first | 0, 0x01000193) ^ (second | 0);
  const { text } = rows;
  let hash = 0x811c9dc5;
  for (let index = first, end = first + second; index < end; index += 1) hash = Math.imul(hash ^ (text[index] as number), 0x01000193);
  return hash;
}

/** Near enough SQLite's order for its index: values that are not text first (NULL, integers, reals, each by number), text by its bytes. */
function compareValues(rows: PackedRows, a: number, b: number): number {
  const { cells, text } = rows;
  const aText = isText(rows, a);
  const bText = isText(rows, b);
  if (!aText || !bText) {
    if (aText !== bText) return aText ? 1 : -1;
    return (cells[b] as number) - (cells[a] as number) || (cells[a + 1] as number) - (cells[b + 1] as number);
  }
  const aOffset = cells[a] as number;
  const bOffset = cells[b] as number;
  const aLength = cells[a + 1] as number;
  const bLength = cells[b + 1] as number;
  for (let index = 0, shorter = Math.min(aLength, bLength); index < shorter; index += 1) {
    const difference = (text[aOffset + index] as number) - (text[bOffset + index] as number);
    if (difference !== 0) return difference;
  }
  return aLength - bLength;
}
