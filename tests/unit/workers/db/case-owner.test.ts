import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDatabase } from '../../../../workers/db/case-database.ts';

describe('one process holds a case open at a time', () => {
  let casePath: string;
  const owner = (): string => join(casePath, 'case.sqlite.owner');

  beforeEach(() => {
    casePath = mkdtempSync(join(tmpdir(), 'threadline-owner-'));
  });

  afterEach(() => {
    rmSync(casePath, { recursive: true, force: true });
  });

  it('names this process as the holder while the case is open and lets go when it closes', async () => {
    const store = await CaseDatabase.open(casePath, true);
    expect(JSON.parse(readFileSync(owner(), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    store.close();
    expect(existsSync(owner())).toBe(false);
  });

  it('refuses a case another live process holds, naming that process, and leaves its claim alone', async () => {
    (await CaseDatabase.open(casePath, true)).close();
    // This test's parent process (the test runner) is alive and is not this process.
    const claim = JSON.stringify({ pid: process.ppid, host: hostname(), openedAt: '2026-01-01T00:00:00.000Z' });
    writeFileSync(owner(), claim);
    await expect(CaseDatabase.open(casePath, false)).rejects.toMatchObject({ code: 'E_CASE_LOCKED', message: expect.stringContaining(`process ${process.ppid}`) as unknown });
    expect(readFileSync(owner(), 'utf8')).toBe(claim);
  });

  it('takes over from a process that died, and clears the SQLite lock it left mid-transaction', async () => {
    (await CaseDatabase.open(casePath, true)).close();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(owner(), JSON.stringify({ pid: Number(dead.stdout), host: hostname(), openedAt: '2026-01-01T00:00:00.000Z' }));
    mkdirSync(join(casePath, 'case.sqlite.lock'));
    const store = await CaseDatabase.open(casePath, false);
    expect(existsSync(join(casePath, 'case.sqlite.lock'))).toBe(false);
    store.writeMeta('reopened', 'yes');
    expect(store.readMeta().get('reopened')).toBe('yes');
    store.close();
  });

  it('treats a holder on another host as live (a shared drive cannot be checked), and a garbled claim as none', async () => {
    (await CaseDatabase.open(casePath, true)).close();
    writeFileSync(owner(), JSON.stringify({ pid: 1, host: `not-${hostname()}`, openedAt: '2026-01-01T00:00:00.000Z' }));
    await expect(CaseDatabase.open(casePath, false)).rejects.toMatchObject({ code: 'E_CASE_LOCKED' });
    writeFileSync(owner(), '{"pid": 12');
    (await CaseDatabase.open(casePath, false)).close();
  });

  it('lets go of the case when its database cannot be read', async () => {
    writeFileSync(join(casePath, 'case.sqlite'), 'not a database, only text that is long enough to fill a header block. '.repeat(20));
    await expect(CaseDatabase.open(casePath, false)).rejects.toMatchObject({ code: 'E_CASE_CORRUPT' });
    expect(existsSync(owner())).toBe(false);
  });
});
