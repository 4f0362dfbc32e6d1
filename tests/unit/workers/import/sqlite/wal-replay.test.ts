import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileInput } from '../../../../../workers/import/file-input.ts';

import { AppError } from '../../../../../shared/errors.ts';
import { openEvidenceDatabase, replayWal } from '../../../../../workers/import/sqlite/index.ts';
import { buildDatabase, CollectingSink, parserInput, walTransaction, writeWalFile } from '../../../../support/sqlite-parser-harness.ts';
import type { WalFrame } from '../../../../support/sqlite-parser-harness.ts';
import initSqlJs from 'sql.js';

/**
 * The WAL replay is proved against logs written by hand, byte by byte, from the file format
 * document (https://www.sqlite.org/fileformat2.html#walformat), with a checksum implemented
 * independently of the one under test (tests/support/sqlite-parser-harness.ts).
 */

const PAGE_SIZE = 1024;

function writeWal(frames: WalFrame[], options: { bigEndian?: boolean; frameSalts?: [number, number] } = {}): Uint8Array {
  return writeWalFile(frames, { pageSize: PAGE_SIZE, ...options });
}

function transaction(before: Uint8Array, after: Uint8Array): WalFrame[] {
  return walTransaction(before, after, PAGE_SIZE);
}

/** Three states of one database: A (rows 1-3), B (+ row 4, and a new table), C (+ row 5). */
async function threeStates(): Promise<{ a: Uint8Array; b: Uint8Array; c: Uint8Array }> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.exec(`PRAGMA page_size = ${PAGE_SIZE}; CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT);`);
  db.exec("INSERT INTO t (body) VALUES ('one'), ('two'), ('three')");
  const a = db.export();
  db.exec(`INSERT INTO t (body) VALUES ('only in the wal ${'x'.repeat(3000)}'); CREATE TABLE grown (v); INSERT INTO grown VALUES ('new page')`);
  const b = db.export();
  db.exec("INSERT INTO t (body) VALUES ('torn')");
  const c = db.export();
  db.close();
  // As a phone leaves them in WAL mode: page 1 says "WAL" (read/write versions 2) in every state.
  return { a: asWalModeMain(a), b: asWalModeMain(b), c: asWalModeMain(c) };
}

/** Header read/write versions 2: the database is in WAL mode. */
function asWalModeMain(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  copy[18] = 2;
  copy[19] = 2;
  return copy;
}

async function bodies(main: Uint8Array, wal: Uint8Array | null): Promise<{ bodies: string[]; sink: CollectingSink; facts: unknown }> {
  const sink = new CollectingSink();
  const companions: Record<string, Uint8Array> = wal === null ? {} : { 'test.db-wal': wal };
  const evidence = await openEvidenceDatabase(parserInput(main, 'test.db', companions), (warning) => sink.warning(warning));
  try {
    const rows = evidence.db.exec('SELECT body FROM t ORDER BY id')[0]?.values ?? [];
    return { bodies: rows.map((row) => String(row[0]).slice(0, 15)), sink, facts: evidence.facts.wal };
  } finally {
    evidence.close();
  }
}

describe('WAL replay', () => {
  it('shows rows that exist only in the log and ignores a torn last frame', async () => {
    const { a, b, c } = await threeStates();
    const committed = transaction(a, b);
    const torn = transaction(b, c);
    expect(b.byteLength).toBeGreaterThan(a.byteLength); // the commit grows the file
    const wal = writeWal([...committed, ...torn]);
    // Tear the last frame: its page bytes no longer match its checksum.
    wal[wal.byteLength - 100] = (wal[wal.byteLength - 100] ?? 0) ^ 0xff;

    const result = await bodies(asWalModeMain(a), wal);
    expect(result.bodies).toEqual(['one', 'two', 'three', 'only in the wal']);
    expect(result.facts).toMatchObject({
      applied: true,
      framesApplied: committed.length,
      framesInvalid: 1,
      framesUncommitted: torn.length - 1,
      pagesAfterReplay: b.byteLength / PAGE_SIZE,
    });
    expect(result.sink.warnings.some((warning) => warning.message.includes('wrong salt or checksum'))).toBe(true);
  });

  it('applies every committed transaction when the log is intact (big-endian checksums too)', async () => {
    const { a, b, c } = await threeStates();
    const wal = writeWal([...transaction(a, b), ...transaction(b, c)], { bigEndian: true });
    const result = await bodies(asWalModeMain(a), wal);
    expect(result.bodies).toEqual(['one', 'two', 'three', 'only in the wal', 'torn']);
    expect(result.facts).toMatchObject({ checksumByteOrder: 'big-endian', framesInvalid: 0, framesUncommitted: 0 });
  });

  it('ignores frames after the last commit', async () => {
    const { a, b, c } = await threeStates();
    const uncommitted = transaction(b, c).map((frame) => ({ ...frame, commitSize: 0 }));
    const result = await bodies(asWalModeMain(a), writeWal([...transaction(a, b), ...uncommitted]));
    expect(result.bodies).toEqual(['one', 'two', 'three', 'only in the wal']);
    expect(result.facts).toMatchObject({ framesUncommitted: uncommitted.length, framesInvalid: 0 });
  });

  it('ignores frames whose salts do not match the header (an older log generation)', async () => {
    const { a, b } = await threeStates();
    const result = await bodies(asWalModeMain(a), writeWal(transaction(a, b), { frameSalts: [1, 2] }));
    expect(result.bodies).toEqual(['one', 'two', 'three']);
    expect(result.facts).toMatchObject({ applied: false, framesInvalid: transaction(a, b).length });
  });

  it('rejects a log whose header checksum is wrong, and one with a foreign magic number', async () => {
    const { a, b } = await threeStates();
    const badHeader = writeWal(transaction(a, b));
    badHeader[24] = (badHeader[24] ?? 0) ^ 1;
    const result = await bodies(a, badHeader);
    expect(result.bodies).toEqual(['one', 'two', 'three']);
    expect(result.sink.warnings.map((warning) => warning.message).join()).toContain('header checksum');

    const foreign = new Uint8Array(64).fill(7);
    expect(replayWal(a, foreign).facts.rejectedBecause).toContain('magic');
    expect(replayWal(a, new Uint8Array(10)).facts.rejectedBecause).toContain('shorter');
  });

  it('reads a database whose main file is empty and whose pages are all in the log', async () => {
    const { b } = await threeStates();
    const result = await bodies(new Uint8Array(0), writeWal(transaction(new Uint8Array(0), b)));
    expect(result.bodies).toEqual(['one', 'two', 'three', 'only in the wal']);
  });

  it('never changes the bytes it was given', async () => {
    const { a, b } = await threeStates();
    const main = asWalModeMain(a);
    const before = main.slice();
    const wal = writeWal(transaction(a, b));
    const walBefore = wal.slice();
    const replay = replayWal(main, wal);
    expect(main).toEqual(before);
    expect(wal).toEqual(walBefore);
    expect(replay.bytes[18]).toBe(1);
    expect(replay.facts.headerPatched?.length).toBeGreaterThan(0);
  });
});

describe('openEvidenceDatabase', () => {
  it('refuses bytes that are not SQLite, naming the file', async () => {
    const input = parserInput(new TextEncoder().encode('hello, this is not a database at all'), 'mmssms.db');
    const error = await openEvidenceDatabase(input, () => undefined).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'E_IMPORT_FORMAT' });
    expect((error as AppError).message).toContain('mmssms.db');
  });

  it('refuses a SQLite header followed by garbage', async () => {
    const bytes = new Uint8Array(4096);
    bytes.set(new TextEncoder().encode('SQLite format 3\0'));
    bytes.fill(0xee, 16);
    const error = await openEvidenceDatabase(parserInput(bytes, 'sms.db'), () => undefined).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_IMPORT_FORMAT' });
  });

  it('refuses an empty file', async () => {
    const error = await openEvidenceDatabase(parserInput(new Uint8Array(0), 'sms.db'), () => undefined).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_IMPORT_EMPTY' });
  });

  it('warns about a hot rollback journal without applying it', async () => {
    const main = await buildDatabase("CREATE TABLE t (body TEXT); INSERT INTO t VALUES ('kept')");
    const journal = new Uint8Array(512);
    journal.set([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);
    new DataView(journal.buffer).setUint32(24, 4096);
    const warnings: string[] = [];
    const evidence = await openEvidenceDatabase(parserInput(main, 'sms.db', { 'sms.db-journal': journal }), (warning) => warnings.push(warning.message));
    try {
      expect(evidence.db.exec('SELECT body FROM t')[0]?.values).toEqual([['kept']]);
      expect(evidence.facts.journal).toMatchObject({ hot: true, pageSize: 4096 });
      expect(warnings.join()).toContain('hot rollback journal');
    } finally {
      evidence.close();
    }
  });

  it('asks for companions next to the file, by base name', async () => {
    const main = await buildDatabase('CREATE TABLE t (body TEXT)');
    const input = parserInput(main, 'backup/HomeDomain/sms.db');
    const evidence = await openEvidenceDatabase(input, () => undefined);
    evidence.close();
    expect(input.companionRequests).toEqual(['sms.db-wal', 'sms.db-journal']);
  });

  it('refuses, naming why, a log whose commit claims a database past what can be read in memory (a hostile commit size)', () => {
    const pageSize = 4096;
    const main = new Uint8Array(pageSize);
    main.set(new TextEncoder().encode('SQLite format 3\0'));
    new DataView(main.buffer).setUint16(16, pageSize);
    // One valid, checksummed frame whose commit size says 4 billion pages (16 TB).
    const wal = writeWalFile([{ page: 1, data: main.slice(), commitSize: 0xffff_fff0 }], { pageSize });
    const replay = replayWal(main, wal);
    expect(replay.facts.applied).toBe(false);
    expect(replay.facts.rejectedBecause).toMatch(/would be \d+ bytes, more than the \d+ bytes a database can be read in memory/u);
  });

  it('reads the database without a -wal too big to hold in memory, and says so (read whole, it was taken for absent)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'huge-wal-'));
    try {
      const path = join(folder, 'mmssms.db');
      writeFileSync(path, await buildDatabase("CREATE TABLE sms (_id INTEGER PRIMARY KEY, body TEXT); INSERT INTO sms (body) VALUES ('kept');"));
      // Sparse: 1.6 GiB on paper, nothing on disk.
      const wal = openSync(join(folder, 'mmssms.db-wal'), 'w');
      ftruncateSync(wal, 1_717_986_918);
      closeSync(wal);
      const warnings: string[] = [];
      const evidence = await openEvidenceDatabase(fileInput(path, statSync(path).size), (warning) => warnings.push(`${warning.place}: ${warning.message}`));
      expect(evidence.db.exec('SELECT body FROM sms')[0]?.values).toEqual([['kept']]);
      evidence.db.close();
      expect(warnings).toEqual([expect.stringMatching(/^mmssms\.db: mmssms\.db-wal beside it was not read \(mmssms\.db-wal: 1717986918 bytes, more than .*the newest rows of a -wal, is not imported$/u)]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
