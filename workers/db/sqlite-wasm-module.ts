import { createRequire } from 'node:module';
import { withCoalescedWrites } from './vfs-writes.ts';

/**
 * node-sqlite3-wasm's WebAssembly SQLite (ADR 0013), reached through its exported C functions
 * rather than its JavaScript classes. Those classes bind strings without a length and read TEXT
 * up to the first NUL byte, so a message holding U+0000 (hostile input, expected) would be cut.
 * Binding and reading with explicit byte lengths needs the module's memory, which the library
 * does not export: it is taken from the WebAssembly instance as the library creates it
 * (see captureInstance). The version is pinned exactly in package.json; the tests of
 * file-connection.ts fail if a new version moves any of this.
 */
export interface SqliteWasm {
  memory: WasmMemory;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  _sqlite3_open_v2(filename: number, outDb: number, flags: number, vfs: number): number;
  _sqlite3_close_v2(db: number): number;
  _sqlite3_errmsg(db: number): number;
  _sqlite3_prepare_v2(db: number, sql: number, bytes: number, outStatement: number, outTail: number): number;
  _sqlite3_finalize(statement: number): number;
  _sqlite3_reset(statement: number): number;
  _sqlite3_clear_bindings(statement: number): number;
  _sqlite3_step(statement: number): number;
  _sqlite3_changes(db: number): number;
  _sqlite3_bind_null(statement: number, index: number): number;
  _sqlite3_bind_int(statement: number, index: number, value: number): number;
  _sqlite3_bind_int64(statement: number, index: number, value: bigint): number;
  _sqlite3_bind_double(statement: number, index: number, value: number): number;
  _sqlite3_bind_text(statement: number, index: number, text: number, bytes: number, destructor: number): number;
  _sqlite3_bind_blob(statement: number, index: number, blob: number, bytes: number, destructor: number): number;
  _sqlite3_column_count(statement: number): number;
  _sqlite3_column_name(statement: number, column: number): number;
  _sqlite3_column_type(statement: number, column: number): number;
  _sqlite3_column_int64(statement: number, column: number): bigint;
  _sqlite3_column_double(statement: number, column: number): number;
  _sqlite3_column_text(statement: number, column: number): number;
  _sqlite3_column_blob(statement: number, column: number): number;
  _sqlite3_column_bytes(statement: number, column: number): number;
}

/** The parts of the WebAssembly global used here (the Node layer's type libraries do not declare them). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmInstance {
  readonly exports: Record<string, unknown>;
}
interface WasmGlobal {
  Instance: new (module: unknown, imports?: unknown) => WasmInstance;
  Memory: abstract new (...args: never[]) => WasmMemory;
}
const wasmGlobal = (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly;

const FUNCTIONS = [
  '_malloc', '_free', '_sqlite3_open_v2', '_sqlite3_close_v2', '_sqlite3_errmsg', '_sqlite3_prepare_v2',
  '_sqlite3_finalize', '_sqlite3_reset', '_sqlite3_clear_bindings', '_sqlite3_step', '_sqlite3_changes',
  '_sqlite3_bind_null', '_sqlite3_bind_int', '_sqlite3_bind_int64', '_sqlite3_bind_double', '_sqlite3_bind_text',
  '_sqlite3_bind_blob', '_sqlite3_column_count', '_sqlite3_column_name', '_sqlite3_column_type',
  '_sqlite3_column_int64', '_sqlite3_column_double', '_sqlite3_column_text', '_sqlite3_column_blob',
  '_sqlite3_column_bytes',
] as const;

let loaded: SqliteWasm | null = null;

/** The module, loaded once per thread. */
export function sqliteWasm(): SqliteWasm {
  loaded ??= load();
  return loaded;
}

function load(): SqliteWasm {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('node-sqlite3-wasm');
  // A copy loaded earlier in this thread (a test) would not pass through captureInstance.
  Reflect.deleteProperty(require.cache, entry);
  const { value: exported, memory } = captureInstance(() => require(entry) as Record<string, unknown>);
  for (const name of FUNCTIONS) {
    if (typeof exported[name] !== 'function') throw new Error(`node-sqlite3-wasm does not export ${name}: this version is not supported`);
  }
  const picked: Record<string, unknown> = { memory };
  for (const name of FUNCTIONS) picked[name] = exported[name];
  return picked as unknown as SqliteWasm;
}

/**
 * Runs `create` (which instantiates the module synchronously, as node-sqlite3-wasm does on
 * require) and returns the memory of the instance it made. The instance is given the library's
 * file functions with its writes gathered into runs (vfs-writes.ts).
 */
function captureInstance<T>(create: () => T): { value: T; memory: WasmMemory } {
  const Original = wasmGlobal.Instance;
  let memory: WasmMemory | null = null;
  class Capturing extends Original {
    constructor(module: unknown, imports?: unknown) {
      super(module, withCoalescedWrites(imports, () => memory));
      memory ??= (Object.values(this.exports).find((value) => value instanceof wasmGlobal.Memory) as WasmMemory | undefined) ?? null;
    }
  }
  wasmGlobal.Instance = Capturing;
  let value: T;
  try {
    value = create();
  } finally {
    wasmGlobal.Instance = Original;
  }
  if (memory === null) throw new Error('node-sqlite3-wasm did not create its WebAssembly instance synchronously: this version is not supported');
  return { value, memory };
}
