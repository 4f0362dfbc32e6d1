import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaseDatabase } from '../../../../workers/db/case-database.ts';
import { loadSqlJs } from '../../../../workers/import/sqlite/sql-js.ts';

/** What another reader of the file sees: only committed transactions. */
async function committedMeta(casePath: string): Promise<string[]> {
  const SQL = await loadSqlJs();
  const copy = new SQL.Database(readFileSync(join(casePath, 'case.sqlite')));
  const keys = (copy.exec("SELECT key FROM case_meta WHERE key LIKE 'w%' ORDER BY key")[0]?.values ?? []).map((row) => String(row[0]));
  copy.close();
  return keys;
}

describe("an import's writes share one transaction, committed every few seconds", () => {
  let casePath: string;
  let store: CaseDatabase;

  beforeEach(async () => {
    casePath = mkdtempSync(join(tmpdir(), 'threadline-import-writes-'));
    store = await CaseDatabase.open(casePath, true);
  });

  afterEach(() => {
    vi.useRealTimers();
    store.close();
    rmSync(casePath, { recursive: true, force: true });
  });

  it('keeps writes pending (visible to the worker, not in the file) until asked or until the interval passes', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    store.importWrite(() => store.writeMeta('w1', 'a'));
    store.importWrite(() => store.writeMeta('w2', 'b'));
    expect(store.readMeta().get('w2')).toBe('b');
    expect(await committedMeta(casePath)).toEqual([]);
    store.commitImportWrites();
    expect(await committedMeta(casePath)).toEqual(['w1', 'w2']);

    store.importWrite(() => store.writeMeta('w3', 'c'));
    vi.advanceTimersByTime(2_000);
    store.importWrite(() => store.writeMeta('w4', 'd'));
    expect(await committedMeta(casePath)).toEqual(['w1', 'w2', 'w3', 'w4']);
  });

  it('undoes a write that fails, alone: the pending ones before and after it are committed', async () => {
    store.importWrite(() => store.writeMeta('w1', 'a'));
    expect(() =>
      store.importWrite(() => {
        store.writeMeta('w2', 'half done');
        store.db.exec('INSERT INTO no_such_table VALUES (1)');
      }),
    ).toThrow(/no such table/u);
    store.importWrite(() => store.writeMeta('w3', 'c'));
    store.commitImportWrites();
    expect(await committedMeta(casePath)).toEqual(['w1', 'w3']);
  });

  it('commits pending writes when the case closes', async () => {
    store.importWrite(() => store.writeMeta('w1', 'a'));
    store.close();
    expect(await committedMeta(casePath)).toEqual(['w1']);
    store = await CaseDatabase.open(casePath, false);
  });
});
