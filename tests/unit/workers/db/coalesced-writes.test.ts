import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoalescedWrites, RUN_BYTES } from '../../../../workers/db/coalesced-writes.ts';
import { FileConnection } from '../../../../workers/db/file-connection.ts';
import { withCoalescedWrites } from '../../../../workers/db/vfs-writes.ts';
import { loadSqlJs } from '../../../../workers/import/sqlite/sql-js.ts';

interface Written {
  fd: number;
  position: number;
  bytes: number[];
}

function recording(): { writes: CoalescedWrites; written: Written[] } {
  const written: Written[] = [];
  const writes = new CoalescedWrites((fd, bytes, position) => written.push({ fd, position, bytes: [...bytes] }));
  return { writes, written };
}

describe('CoalescedWrites', () => {
  it('gathers consecutive writes of a file into one and writes it when flushed', () => {
    const { writes, written } = recording();
    writes.write(1, 7, Uint8Array.of(1, 2), 100);
    writes.write(1, 7, Uint8Array.of(3), 102);
    writes.write(1, 7, Uint8Array.of(4, 5), 103);
    expect(written).toEqual([]);
    expect(writes.pendingBytes(1)).toBe(5);
    writes.flush(1);
    expect(written).toEqual([{ fd: 7, position: 100, bytes: [1, 2, 3, 4, 5] }]);
    expect(writes.pendingBytes(1)).toBe(0);
  });

  it('writes the run before starting another at a place that does not follow it (a gap or going back)', () => {
    const { writes, written } = recording();
    writes.write(1, 7, Uint8Array.of(1), 0);
    writes.write(1, 7, Uint8Array.of(2), 4096);
    writes.write(1, 7, Uint8Array.of(3), 0);
    writes.flush(1);
    expect(written).toEqual([
      { fd: 7, position: 0, bytes: [1] },
      { fd: 7, position: 4096, bytes: [2] },
      { fd: 7, position: 0, bytes: [3] },
    ]);
  });

  it('copies what it is given: SQLite reuses the page buffer as soon as the write returns', () => {
    const { writes, written } = recording();
    const page = Uint8Array.of(1, 2, 3);
    writes.write(1, 7, page, 0);
    page.fill(9);
    writes.flush(1);
    expect(written[0]?.bytes).toEqual([1, 2, 3]);
  });

  it('keeps each file apart', () => {
    const { writes, written } = recording();
    writes.write(1, 7, Uint8Array.of(1), 0);
    writes.write(2, 8, Uint8Array.of(2), 1);
    writes.write(1, 7, Uint8Array.of(3), 1);
    writes.flush(2);
    expect(written).toEqual([{ fd: 8, position: 1, bytes: [2] }]);
    writes.forget(1);
    expect(written.at(-1)).toEqual({ fd: 7, position: 0, bytes: [1, 3] });
  });

  it('never grows a run past RUN_BYTES, and passes a write that large straight on after the run', () => {
    const { writes, written } = recording();
    writes.write(1, 7, new Uint8Array(RUN_BYTES - 1), 0);
    writes.write(1, 7, new Uint8Array(2), RUN_BYTES - 1);
    expect(written.map(({ position, bytes }) => [position, bytes.length])).toEqual([[0, RUN_BYTES - 1]]);
    writes.write(1, 7, new Uint8Array(RUN_BYTES), RUN_BYTES + 1);
    expect(written.map(({ position, bytes }) => [position, bytes.length])).toEqual([
      [0, RUN_BYTES - 1],
      [RUN_BYTES - 1, 2],
      [RUN_BYTES + 1, RUN_BYTES],
    ]);
    expect(writes.pendingBytes(1)).toBe(0);
  });

  it('flushes for a read only when the read touches the run', () => {
    const { writes, written } = recording();
    writes.write(1, 7, new Uint8Array(10), 100);
    writes.flushOverlapping(1, 0, 100);
    writes.flushOverlapping(1, 110, 50);
    expect(written).toEqual([]);
    writes.flushOverlapping(1, 109, 1);
    expect(written).toHaveLength(1);
  });

  it('throws what the write throws and drops the run, so a later flush does not write it twice', () => {
    const writes = new CoalescedWrites(() => {
      throw new Error('ENOSPC: no space left on device');
    });
    writes.write(1, 7, Uint8Array.of(1), 0);
    expect(() => writes.flush(1)).toThrow(/ENOSPC/u);
    expect(() => writes.flush(1)).not.toThrow();
  });
});

describe('withCoalescedWrites (node-sqlite3-wasm file layer)', () => {
  it('refuses a library whose file layer lacks a function it must wrap', () => {
    function _nodejsWrite(): number {
      return 0;
    }
    expect(() => withCoalescedWrites({ a: { d: _nodejsWrite } }, () => null)).toThrow(/no _nodejsRead, .*: this version is not supported/u);
    expect(() => withCoalescedWrites({ a: {} }, () => null)).toThrow(/not found/u);
  });
});

describe('the case database with gathered writes', () => {
  let folder: string;
  let connection: FileConnection;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'threadline-coalesced-'));
    connection = new FileConnection(join(folder, 'case.sqlite'), { mustExist: false });
    connection.exec('PRAGMA journal_mode = TRUNCATE; PRAGMA synchronous = FULL; CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  });

  afterEach(() => {
    connection.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('has every committed row in the file on disk while the connection stays open', async () => {
    connection.exec('BEGIN');
    for (let id = 0; id < 3_000; id += 1) connection.run('INSERT INTO t (id, text) VALUES (?, ?)', [id, `row ${id} ${'x'.repeat(id % 300)}`]);
    connection.exec('COMMIT');
    const SQL = await loadSqlJs();
    const copy = new SQL.Database(readFileSync(join(folder, 'case.sqlite')));
    try {
      expect(copy.exec('SELECT count(*), sum(length(text)) FROM t')[0]?.values[0]).toEqual(connection.exec('SELECT count(*), sum(length(text)) FROM t')[0]?.values[0]);
      expect(copy.exec('PRAGMA integrity_check')[0]?.values).toEqual([['ok']]);
    } finally {
      copy.close();
    }
  });

  it('reads back pages SQLite wrote out of a small cache in the middle of a transaction', () => {
    connection.exec('PRAGMA cache_size = 10');
    connection.exec('BEGIN');
    for (let id = 0; id < 5_000; id += 1) connection.run('INSERT INTO t (id, text) VALUES (?, ?)', [id, `${id}:${'y'.repeat(200)}`]);
    const rows = connection.exec('SELECT id, text FROM t WHERE id % 997 = 0 ORDER BY id')[0]?.values;
    expect(rows).toEqual([0, 997, 1994, 2991, 3988, 4985].map((id) => [id, `${id}:${'y'.repeat(200)}`]));
    connection.exec('ROLLBACK');
    expect(connection.exec('SELECT count(*) FROM t')[0]?.values[0]).toEqual([0]);
    expect(connection.exec('PRAGMA integrity_check')[0]?.values).toEqual([['ok']]);
  });
});
