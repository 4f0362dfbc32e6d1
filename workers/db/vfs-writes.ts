import { CoalescedWrites } from './coalesced-writes.ts';

/**
 * Puts CoalescedWrites between node-sqlite3-wasm's SQLite and its file layer. The library hands
 * its WebAssembly instance an import object of JavaScript functions, one per file operation of
 * SQLite's VFS (`_nodejsWrite(file, buffer, bytes, offset)`, `_nodejsSync(file, flags)`, ...);
 * they are found by their names (the import object's keys are minified) and wrapped. Each
 * wrapper first writes the file's gathered run where SQLite must see or rely on it, then calls
 * the library's own function. A version without these functions is refused (the tests of
 * file-connection.ts and coalesced-writes.ts fail first).
 */
const SQLITE_OK = 0;
const SQLITE_IOERR_READ = 266;
const SQLITE_IOERR_WRITE = 778;

interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
type VfsFunction = (...args: never[]) => number;

const WRAPPED = ['_nodejsWrite', '_nodejsRead', '_nodejsSync', '_nodejsTruncate', '_nodejsFileSize', '_nodejsUnlock', '_nodejsClose'] as const;
type WrappedName = (typeof WRAPPED)[number];

/**
 * A copy of `imports` whose VFS functions gather writes. `memory` gives the instance's memory
 * once it exists (the functions are only called after instantiation).
 */
export function withCoalescedWrites(imports: unknown, memory: () => WasmMemory | null, writes = new CoalescedWrites()): unknown {
  if (typeof imports !== 'object' || imports === null) throw new Error('node-sqlite3-wasm gave no import object: this version is not supported');
  const copy: Record<string, unknown> = { ...(imports as Record<string, unknown>) };
  for (const [module, functions] of Object.entries(copy)) {
    if (typeof functions !== 'object' || functions === null) continue;
    const found = new Map<WrappedName, [string, VfsFunction]>();
    for (const [key, value] of Object.entries(functions as Record<string, unknown>)) {
      const name = typeof value === 'function' ? (value.name as WrappedName) : null;
      if (name !== null && WRAPPED.includes(name)) found.set(name, [key, value as VfsFunction]);
    }
    if (found.size === 0) continue;
    const missing = WRAPPED.filter((name) => !found.has(name));
    if (missing.length > 0) throw new Error(`node-sqlite3-wasm's file layer has no ${missing.join(', ')}: this version is not supported`);
    copy[module] = { ...(functions as Record<string, unknown>), ...wrappers(found, memory, writes) };
    return copy;
  }
  throw new Error("node-sqlite3-wasm's file layer (_nodejsWrite...) was not found: this version is not supported");
}

function wrappers(found: Map<WrappedName, [string, VfsFunction]>, memory: () => WasmMemory | null, writes: CoalescedWrites): Record<string, VfsFunction> {
  const original = (name: WrappedName): ((...args: unknown[]) => number) => (found.get(name) as [string, VfsFunction])[1] as unknown as (...args: unknown[]) => number;
  const key = (name: WrappedName): string => (found.get(name) as [string, VfsFunction])[0];
  const heap = (): ArrayBuffer => {
    const current = memory();
    if (current === null) throw new Error('the SQLite module has no memory yet');
    return current.buffer;
  };
  /** Runs the flush, then the library's own function; a flush that fails fails the call. */
  const afterFlush =
    (name: WrappedName, flush: (file: number, ...rest: unknown[]) => void, failure = SQLITE_IOERR_WRITE) =>
    (file: number, ...rest: unknown[]): number => {
      try {
        flush(file, ...rest);
      } catch {
        return failure;
      }
      return original(name)(file, ...rest);
    };
  const flushAll = (file: number): void => writes.flush(file);
  return {
    // The library keeps the file's descriptor in its sqlite3_file after SQLite's method table (offset 4).
    [key('_nodejsWrite')]: ((file: number, pointer: number, bytes: number, offset: bigint): number => {
      try {
        const position = Number(offset);
        if (!Number.isSafeInteger(position)) return SQLITE_IOERR_WRITE;
        const buffer = heap();
        const fd = new DataView(buffer).getInt32(file + 4, true);
        writes.write(file, fd, new Uint8Array(buffer, pointer, bytes), position);
        return SQLITE_OK;
      } catch {
        return SQLITE_IOERR_WRITE;
      }
    }) as VfsFunction,
    [key('_nodejsRead')]: afterFlush('_nodejsRead', (file, _pointer, bytes, offset) => writes.flushOverlapping(file, Number(offset as bigint), bytes as number), SQLITE_IOERR_READ) as VfsFunction,
    [key('_nodejsSync')]: afterFlush('_nodejsSync', flushAll) as VfsFunction,
    [key('_nodejsTruncate')]: afterFlush('_nodejsTruncate', flushAll) as VfsFunction,
    [key('_nodejsFileSize')]: afterFlush('_nodejsFileSize', flushAll) as VfsFunction,
    [key('_nodejsUnlock')]: afterFlush('_nodejsUnlock', flushAll) as VfsFunction,
    // The file is closed even when its last run cannot be written (the descriptor must not leak); SQLite is told of the failure.
    [key('_nodejsClose')]: ((file: number): number => {
      let flushed = true;
      try {
        writes.forget(file);
      } catch {
        flushed = false;
      }
      const closed = original('_nodejsClose')(file);
      return flushed ? closed : SQLITE_IOERR_WRITE;
    }) as VfsFunction,
  };
}
