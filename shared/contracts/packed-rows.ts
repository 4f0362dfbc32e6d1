/**
 * Rows of SQL values packed into two transferable arrays, the form in which an import hands
 * its messages to the db worker (ADR 0015). `text` holds the UTF-8 bytes of every string value
 * back to back; `cells` holds two numbers per value, row after row, column after column:
 *
 *   [offset ≥ 0, byteLength]  a string: `text` bytes offset .. offset + byteLength
 *   [CELL_NULL, 0]            NULL
 *   [CELL_INTEGER, value]     an integer (a safe integer)
 *   [CELL_REAL, value]        a floating-point number
 *
 * The db worker binds a string to SQLite as a pointer into one copy of `text` in SQLite's own
 * memory: no JSON for SQLite to parse, no string made per value in the db thread.
 */
export interface PackedRows {
  text: Uint8Array;
  cells: Float64Array;
  /** Rows packed; each has `columns` values. */
  count: number;
  columns: number;
}

export const CELL_NULL = -1;
export const CELL_INTEGER = -2;
export const CELL_REAL = -3;

export type PackedValue = number | string | null;

/**
 * Why packed rows cannot be read, or null when every cell is well formed: every string lies
 * within `text`, every tag is known, every integer is safe. Checked before any value reaches
 * SQLite, which would otherwise read whatever memory a bad offset points at.
 */
export function packedRowsProblem(rows: PackedRows): string | null {
  const { cells, text, count, columns } = rows;
  if (!Number.isSafeInteger(count) || !Number.isSafeInteger(columns) || count < 0 || columns <= 0) return `bad shape: ${count} rows of ${columns} values`;
  if (cells.length !== count * columns * 2) return `${cells.length} cell numbers for ${count} rows of ${columns} values`;
  // Runs over every value of every batch in the db thread: nothing is made unless a cell is bad.
  for (let index = 0; index < cells.length; index += 2) {
    const tag = cells[index] as number;
    const value = cells[index + 1] as number;
    if (tag >= 0) {
      if (!Number.isSafeInteger(tag) || !Number.isSafeInteger(value) || value < 0 || tag + value > text.length) return `${placeOf(index, columns)}: text ${tag}+${value} outside ${text.length} bytes`;
    } else if (tag === CELL_INTEGER) {
      if (!Number.isSafeInteger(value)) return `${placeOf(index, columns)}: ${value} is not a safe integer`;
    } else if (tag === CELL_REAL) {
      if (!Number.isFinite(value)) return `${placeOf(index, columns)}: ${value} is not a finite number`;
    } else if (tag !== CELL_NULL) {
      return `${placeOf(index, columns)}: unknown cell tag ${tag}`;
    }
  }
  return null;
}

function placeOf(cellIndex: number, columns: number): string {
  return `row ${Math.floor(cellIndex / 2 / columns)}, value ${(cellIndex / 2) % columns}`;
}

/** The rows as plain values (strings decoded as UTF-8): for connections that bind values one by one, and for tests. */
export function unpackRows(rows: PackedRows): PackedValue[][] {
  const decoder = new TextDecoder();
  const result: PackedValue[][] = [];
  let cell = 0;
  for (let row = 0; row < rows.count; row += 1) {
    const values: PackedValue[] = [];
    for (let column = 0; column < rows.columns; column += 1, cell += 2) {
      const tag = rows.cells[cell] as number;
      const value = rows.cells[cell + 1] as number;
      if (tag >= 0) values.push(decoder.decode(rows.text.subarray(tag, tag + value)));
      else if (tag === CELL_NULL) values.push(null);
      else values.push(value);
    }
    result.push(values);
  }
  return result;
}
