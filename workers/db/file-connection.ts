import { CELL_INTEGER, CELL_NULL, type PackedRows } from '../../shared/contracts/packed-rows.ts';
import { assertPackedRows, rowsPerInsert, valuesStatement, type SqlConnection, type SqlResultSet, type SqlStatement, type SqlValue } from './sql-connection.ts';
import { sqliteWasm, type SqliteWasm } from './sqlite-wasm-module.ts';

/**
 * The case database as a file SQLite reads and writes itself (node-sqlite3-wasm: SQLite in
 * WebAssembly with a VFS over Node's fs, ADR 0013), seen through the connection shape the
 * repositories use. Nothing of the database is held in JavaScript: SQLite's page cache is all
 * that is in memory. Every value crosses with its byte length, so text holding U+0000 and blobs
 * of any content come back exactly as they went in.
 */
const SQLITE_OK = 0;
const SQLITE_ROW = 100;
const SQLITE_DONE = 101;
const SQLITE_INTEGER = 1;
const SQLITE_FLOAT = 2;
const SQLITE_TEXT = 3;
const SQLITE_BLOB = 4;
const SQLITE_OPEN_READWRITE = 2;
const SQLITE_OPEN_CREATE = 4;
/** SQLITE_TRANSIENT: SQLite copies a bound value before the call returns, so it can be freed at once. */
const SQLITE_TRANSIENT = -1;
/** SQLITE_STATIC: SQLite reads the bound bytes where they are, until the statement is reset or finalized. */
const SQLITE_STATIC = 0;

export class FileConnection implements SqlConnection {
  private readonly heap: WasmHeap;
  private handle: number;
  /** Two pointer-sized slots for SQLite's out-parameters (statement, tail). */
  private readonly outs: number;

  constructor(path: string, options: { mustExist: boolean }) {
    this.heap = new WasmHeap(sqliteWasm());
    const wasm = this.heap.wasm;
    this.outs = wasm._malloc(8);
    const name = this.heap.writeString(path);
    const flags = SQLITE_OPEN_READWRITE | (options.mustExist ? 0 : SQLITE_OPEN_CREATE);
    const code = wasm._sqlite3_open_v2(name.pointer, this.outs, flags, 0);
    wasm._free(name.pointer);
    this.handle = this.heap.int32(this.outs);
    if (code !== SQLITE_OK) {
      const message = this.handle === 0 ? `error ${code}` : this.errorMessage();
      if (this.handle !== 0) wasm._sqlite3_close_v2(this.handle);
      wasm._free(this.outs);
      this.handle = 0;
      throw new Error(`Could not open the database ${path}: ${message}`);
    }
  }

  exec(sql: string): SqlResultSet[] {
    const wasm = this.heap.wasm;
    const text = this.heap.writeString(sql);
    const end = text.pointer + text.bytes;
    const results: SqlResultSet[] = [];
    try {
      let cursor = text.pointer;
      while (cursor < end) {
        this.check(wasm._sqlite3_prepare_v2(this.openHandle(), cursor, end - cursor, this.outs, this.outs + 4));
        const pointer = this.heap.int32(this.outs);
        const tail = this.heap.int32(this.outs + 4);
        if (pointer !== 0) {
          const statement = new FileStatement(this, pointer);
          try {
            collectRows(statement, results);
          } finally {
            statement.free();
          }
        }
        if (tail <= cursor) break;
        cursor = tail;
      }
    } finally {
      wasm._free(text.pointer);
    }
    return results;
  }

  prepare(sql: string): SqlStatement {
    const wasm = this.heap.wasm;
    const text = this.heap.writeString(sql);
    try {
      this.check(wasm._sqlite3_prepare_v2(this.openHandle(), text.pointer, text.bytes, this.outs, 0));
    } finally {
      wasm._free(text.pointer);
    }
    const pointer = this.heap.int32(this.outs);
    if (pointer === 0) throw new Error(`Nothing to prepare in: ${sql.slice(0, 80)}`);
    return new FileStatement(this, pointer);
  }

  run(sql: string, params: SqlValue[] = []): void {
    const statement = this.prepare(sql);
    try {
      statement.bind(params);
      while (statement.step()) {
        // A statement run for its effect: rows it returns are not wanted.
      }
    } finally {
      statement.free();
    }
  }

  insertPackedRows(insert: string, rows: PackedRows): void {
    assertPackedRows(rows);
    if (rows.count === 0) return;
    const wasm = this.heap.wasm;
    const perStatement = rowsPerInsert(rows.columns);
    const whole = Math.floor(rows.count / perStatement);
    const rest = rows.count % perStatement;
    // One copy of every string of the batch in SQLite's memory; each is bound where it lies.
    const text = wasm._malloc(Math.max(1, rows.text.length));
    const statements: FileStatement[] = [];
    try {
      if (text === 0) throw new Error(`SQLite's memory cannot hold ${rows.text.length} more bytes`);
      this.heap.bytes().set(rows.text, text);
      if (whole > 0) {
        const full = this.prepare(valuesStatement(insert, rows.columns, perStatement)) as FileStatement;
        statements.push(full);
        full.runPackedRows(rows, text, 0, whole, perStatement);
      }
      if (rest > 0) {
        const last = this.prepare(valuesStatement(insert, rows.columns, rest)) as FileStatement;
        statements.push(last);
        last.runPackedRows(rows, text, whole * perStatement, 1, rest);
      }
    } finally {
      for (const statement of statements) statement.free();
      wasm._free(text);
    }
  }

  close(): void {
    if (this.handle === 0) return;
    const code = this.heap.wasm._sqlite3_close_v2(this.handle);
    const message = code === SQLITE_OK ? '' : this.errorMessage();
    this.heap.wasm._free(this.outs);
    this.handle = 0;
    if (code !== SQLITE_OK) throw new Error(`Could not close the database: ${message}`);
  }

  /** @internal The heap, for statements of this connection. */
  get wasmHeap(): WasmHeap {
    return this.heap;
  }

  /** @internal Throws SQLite's message for a failed call. */
  check(code: number): void {
    if (code !== SQLITE_OK) throw new Error(this.errorMessage());
  }

  errorMessage(): string {
    return this.heap.cString(this.heap.wasm._sqlite3_errmsg(this.handle));
  }

  private openHandle(): number {
    if (this.handle === 0) throw new Error('The database is closed');
    return this.handle;
  }
}

function collectRows(statement: FileStatement, results: SqlResultSet[]): void {
  let result: SqlResultSet | null = null;
  while (statement.step()) {
    if (result === null) {
      result = { columns: statement.columnNames(), values: [] };
      results.push(result);
    }
    result.values.push(statement.rowValues());
  }
}

/** sql.js's bind / step / getAsObject protocol over a prepared statement. */
class FileStatement implements SqlStatement {
  private columns: string[] | null = null;

  constructor(
    private readonly connection: FileConnection,
    private pointer: number,
  ) {}

  bind(values: SqlValue[] = []): boolean {
    const wasm = this.connection.wasmHeap.wasm;
    wasm._sqlite3_reset(this.live());
    wasm._sqlite3_clear_bindings(this.pointer);
    values.forEach((value, index) => this.bindValue(index + 1, value));
    return true;
  }

  step(): boolean {
    const code = this.connection.wasmHeap.wasm._sqlite3_step(this.live());
    if (code === SQLITE_ROW) return true;
    if (code === SQLITE_DONE) return false;
    const message = this.connection.errorMessage();
    this.connection.wasmHeap.wasm._sqlite3_reset(this.pointer);
    throw new Error(message);
  }

  getAsObject(): Record<string, SqlValue> {
    const names = this.columnNames();
    const row: Record<string, SqlValue> = {};
    for (let column = 0; column < names.length; column += 1) row[names[column] ?? ''] = this.columnValue(column);
    return row;
  }

  run(values: SqlValue[] = []): void {
    this.bind(values);
    while (this.step()) {
      // Run for its effect.
    }
    this.connection.wasmHeap.wasm._sqlite3_reset(this.pointer);
  }

  /**
   * Runs the statement `runs` times, each with the next `rowsPerRun` packed rows from `firstRow`
   * bound (see FileConnection.insertPackedRows: `text` is where the packed text lies in SQLite's memory).
   */
  runPackedRows(rows: PackedRows, text: number, firstRow: number, runs: number, rowsPerRun: number): void {
    const wasm = this.connection.wasmHeap.wasm;
    const statement = this.live();
    const { cells, columns } = rows;
    const parameters = columns * rowsPerRun;
    let cell = firstRow * columns * 2;
    for (let run = 0; run < runs; run += 1) {
      for (let parameter = 1; parameter <= parameters; parameter += 1, cell += 2) {
        const tag = cells[cell] as number;
        const value = cells[cell + 1] as number;
        let code: number;
        if (tag >= 0) code = wasm._sqlite3_bind_text(statement, parameter, text + tag, value, SQLITE_STATIC);
        else if (tag === CELL_NULL) code = wasm._sqlite3_bind_null(statement, parameter);
        else if (tag === CELL_INTEGER) code = value >= -0x80000000 && value <= 0x7fffffff ? wasm._sqlite3_bind_int(statement, parameter, value) : wasm._sqlite3_bind_int64(statement, parameter, BigInt(value));
        else code = wasm._sqlite3_bind_double(statement, parameter, value);
        this.connection.check(code);
      }
      if (!this.step()) wasm._sqlite3_reset(statement);
      else throw new Error('An INSERT statement returned rows');
    }
  }

  free(): boolean {
    if (this.pointer === 0) return false;
    this.connection.wasmHeap.wasm._sqlite3_finalize(this.pointer);
    this.pointer = 0;
    return true;
  }

  columnNames(): string[] {
    if (this.columns === null) {
      const heap = this.connection.wasmHeap;
      const count = heap.wasm._sqlite3_column_count(this.live());
      this.columns = [];
      for (let column = 0; column < count; column += 1) this.columns.push(heap.cString(heap.wasm._sqlite3_column_name(this.pointer, column)));
    }
    return this.columns;
  }

  rowValues(): SqlValue[] {
    return this.columnNames().map((_, column) => this.columnValue(column));
  }

  private columnValue(column: number): SqlValue {
    const heap = this.connection.wasmHeap;
    const wasm = heap.wasm;
    switch (wasm._sqlite3_column_type(this.pointer, column)) {
      case SQLITE_INTEGER:
        // Case columns hold rowids, counts and milliseconds: well inside a double's exact range.
        return Number(wasm._sqlite3_column_int64(this.pointer, column));
      case SQLITE_FLOAT:
        return wasm._sqlite3_column_double(this.pointer, column);
      case SQLITE_TEXT: {
        const start = wasm._sqlite3_column_text(this.pointer, column);
        return heap.text(start, wasm._sqlite3_column_bytes(this.pointer, column));
      }
      case SQLITE_BLOB: {
        const start = wasm._sqlite3_column_blob(this.pointer, column);
        return heap.copy(start, wasm._sqlite3_column_bytes(this.pointer, column));
      }
      default:
        return null;
    }
  }

  private bindValue(index: number, value: SqlValue): void {
    const heap = this.connection.wasmHeap;
    const wasm = heap.wasm;
    let code: number;
    if (value === null) {
      code = wasm._sqlite3_bind_null(this.pointer, index);
    } else if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) code = wasm._sqlite3_bind_double(this.pointer, index, value);
      else if (value >= -0x80000000 && value <= 0x7fffffff) code = wasm._sqlite3_bind_int(this.pointer, index, value);
      else code = wasm._sqlite3_bind_int64(this.pointer, index, BigInt(value));
    } else if (typeof value === 'string') {
      const text = heap.writeString(value);
      code = wasm._sqlite3_bind_text(this.pointer, index, text.pointer, text.bytes, SQLITE_TRANSIENT);
      wasm._free(text.pointer);
    } else {
      // At least one byte is allocated: SQLite reads a null pointer as NULL, not as an empty blob.
      const pointer = wasm._malloc(Math.max(1, value.byteLength));
      heap.bytes().set(value, pointer);
      code = wasm._sqlite3_bind_blob(this.pointer, index, pointer, value.byteLength, SQLITE_TRANSIENT);
      wasm._free(pointer);
    }
    this.connection.check(code);
  }

  private live(): number {
    if (this.pointer === 0) throw new Error('The statement has been freed');
    return this.pointer;
  }
}

/** Views of the module's memory, renewed when it grows (growing detaches the old buffer). */
class WasmHeap {
  private buffer: ArrayBuffer | null = null;
  private view = Buffer.alloc(0);

  constructor(readonly wasm: SqliteWasm) {}

  bytes(): Buffer {
    const current = this.wasm.memory.buffer;
    if (current !== this.buffer) {
      this.buffer = current;
      this.view = Buffer.from(current);
    }
    return this.view;
  }

  int32(pointer: number): number {
    return this.bytes().readInt32LE(pointer);
  }

  /** The string as UTF-8 in freshly allocated memory, NUL-terminated; the caller frees it. */
  writeString(value: string): { pointer: number; bytes: number } {
    const bytes = Buffer.byteLength(value, 'utf8');
    const pointer = this.wasm._malloc(bytes + 1);
    if (pointer === 0) throw new Error(`SQLite's memory cannot hold ${bytes} more bytes`);
    const heap = this.bytes();
    heap.write(value, pointer, bytes, 'utf8');
    heap[pointer + bytes] = 0;
    return { pointer, bytes };
  }

  text(pointer: number, bytes: number): string {
    return bytes === 0 ? '' : this.bytes().toString('utf8', pointer, pointer + bytes);
  }

  copy(pointer: number, bytes: number): Uint8Array {
    const copy = new Uint8Array(bytes);
    copy.set(this.bytes().subarray(pointer, pointer + bytes));
    return copy;
  }

  cString(pointer: number): string {
    if (pointer === 0) return '';
    const heap = this.bytes();
    const end = heap.indexOf(0, pointer);
    return heap.toString('utf8', pointer, end < 0 ? heap.length : end);
  }
}
