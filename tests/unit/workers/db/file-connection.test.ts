import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../../workers/import/sqlite/sql-js.ts';
import { FileConnection } from '../../../../workers/db/file-connection.ts';
import { selectAll } from '../../../../workers/db/repos/rows.ts';

// Text a hostile export can carry: NUL inside and at both ends, every plane, RTL and marks.
const AWKWARD_TEXTS = ['a\u0000b', '\u0000', 'end\u0000', '\u0000\u0000start', 'ç ș ț 🎉 мир العربية \u200F\u202E', '', ' '.repeat(70_000) + '\u0000x'];

describe('FileConnection (the case database file through SQLite in WebAssembly)', () => {
  let folder: string;
  let connection: FileConnection;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'threadline-connection-'));
    connection = new FileConnection(join(folder, 'case.sqlite'), { mustExist: false });
    connection.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT, data BLOB, number)');
  });

  afterEach(() => {
    connection.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('gives back every text exactly as bound, NUL and all, whichever way it is read', () => {
    AWKWARD_TEXTS.forEach((text, id) => connection.run('INSERT INTO t (id, text) VALUES (?, ?)', [id, text]));
    const lengths = connection.exec('SELECT id, length(CAST(text AS BLOB)) FROM t ORDER BY id')[0]?.values.map((row) => row[1]);
    expect(lengths).toEqual(AWKWARD_TEXTS.map((text) => Buffer.byteLength(text)));
    expect(connection.exec('SELECT text FROM t ORDER BY id')[0]?.values.map((row) => row[0])).toEqual(AWKWARD_TEXTS);
    expect(selectAll(connection, 'SELECT text FROM t WHERE id = ?', [0])).toEqual([{ text: 'a\u0000b' }]);
    // A value bound as a parameter matches the stored one byte for byte.
    expect(selectAll(connection, 'SELECT id FROM t WHERE text = ?', ['end\u0000'])).toEqual([{ id: 2 }]);
  });

  it('keeps NUL in text that arrives inside JSON', () => {
    connection.run("INSERT INTO t (id, text) SELECT key, value ->> 'text' FROM json_each(?)", [JSON.stringify(AWKWARD_TEXTS.map((text) => ({ text })))]);
    expect(connection.exec('SELECT text FROM t ORDER BY id')[0]?.values.map((row) => row[0])).toEqual(AWKWARD_TEXTS);
  });

  it('keeps blobs, an empty blob apart from NULL, integers past 32 bits, reals and NULL', () => {
    const blob = new Uint8Array([0, 255, 0, 1]);
    connection.run('INSERT INTO t (id, data, number) VALUES (1, ?, ?), (2, ?, ?), (3, ?, ?), (4, NULL, NULL)', [blob, 2 ** 40, new Uint8Array(0), -(2 ** 33), new Uint8Array([7]), 0.25]);
    expect(selectAll(connection, 'SELECT id, data, typeof(data) AS type, number FROM t ORDER BY id')).toEqual([
      { id: 1, data: blob, type: 'blob', number: 2 ** 40 },
      { id: 2, data: new Uint8Array(0), type: 'blob', number: -(2 ** 33) },
      { id: 3, data: new Uint8Array([7]), type: 'blob', number: 0.25 },
      { id: 4, data: null, type: 'null', number: null },
    ]);
  });

  it('runs a script of several statements and returns the result sets of those that give rows', () => {
    const results = connection.exec("INSERT INTO t (id, text) VALUES (1, 'x'); SELECT id FROM t WHERE id = 99; SELECT text FROM t; -- a comment");
    expect(results).toEqual([{ columns: ['text'], values: [['x']] }]);
  });

  it('reports SQLite\'s own message for a failed statement and stays usable', () => {
    connection.run("INSERT INTO t (id, text) VALUES (1, 'x')");
    expect(() => connection.run("INSERT INTO t (id, text) VALUES (1, 'y')")).toThrow(/UNIQUE constraint failed: t\.id/u);
    expect(() => connection.exec('SELECT * FROM missing')).toThrow(/no such table: missing/u);
    expect(() => connection.prepare('SELEC 1')).toThrow(/syntax error/u);
    expect(selectAll(connection, 'SELECT text FROM t')).toEqual([{ text: 'x' }]);
  });

  it('re-runs a prepared statement with new values and refuses one that was freed', () => {
    connection.exec('BEGIN');
    const statement = connection.prepare('INSERT INTO t (id, text) VALUES (?, ?)');
    for (let id = 0; id < 1000; id += 1) statement.run([id, `row ${id}\u0000`]);
    connection.exec('COMMIT');
    statement.free();
    expect(() => statement.run([2000, 'late'])).toThrow(/freed/u);
    expect(connection.exec("SELECT count(*), sum(text LIKE 'row %') FROM t")[0]?.values).toEqual([[1000, 1000]]);
  });

  it('writes a file that another SQLite reads once the transaction commits, with the same bytes of text', async () => {
    connection.exec('BEGIN');
    connection.run('INSERT INTO t (id, text) VALUES (1, ?)', ['committed\u0000text']);
    connection.exec('COMMIT');
    const SQL = await loadSqlJs();
    const copy = new SQL.Database(readFileSync(join(folder, 'case.sqlite')));
    expect(copy.exec('SELECT hex(text) FROM t')[0]?.values[0]?.[0]).toBe(Buffer.from('committed\u0000text').toString('hex').toUpperCase());
    copy.close();
  });

  it('grows its memory for a large value and still reads what was there before', () => {
    connection.run('INSERT INTO t (id, text) VALUES (1, ?)', ['before']);
    const large = 'x'.repeat(64 * 1024 * 1024);
    connection.run('INSERT INTO t (id, text) VALUES (2, ?)', [large]);
    expect(selectAll(connection, 'SELECT id, length(text) AS n FROM t ORDER BY id')).toEqual([{ id: 1, n: 6 }, { id: 2, n: large.length }]);
    expect(selectAll(connection, 'SELECT text FROM t WHERE id = 1')).toEqual([{ text: 'before' }]);
  });

  it('refuses to open a missing file when told it must exist, and a file that is not a database', () => {
    expect(() => new FileConnection(join(folder, 'absent.sqlite'), { mustExist: true })).toThrow(/absent\.sqlite/u);
    writeFileSync(join(folder, 'text.sqlite'), 'not a database, only text that is long enough to fill a header block. '.repeat(20));
    const notDatabase = new FileConnection(join(folder, 'text.sqlite'), { mustExist: true });
    expect(() => notDatabase.exec('PRAGMA schema_version')).toThrow(/not a database/u);
    notDatabase.close();
  });
});
