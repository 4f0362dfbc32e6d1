import { afterEach, describe, expect, it } from 'vitest';
import type { LanguageWorkerApi } from '../../shared/contracts/language-worker.ts';
import { WorkerPool } from '../../engine/workers/worker-pool.ts';

const pools: WorkerPool<LanguageWorkerApi>[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.terminate()));
});

const detect = (pool: WorkerPool<LanguageWorkerApi>) => pool.call('detect', { items: [{ rowid: 1, text: 'Unde e pașaportul meu? Îl vreau înapoi azi.' }] });

describe('worker pool', () => {
  it('replaces a worker that died, so later calls still run on every worker', async () => {
    const pool = new WorkerPool<LanguageWorkerApi>('language', 2);
    pools.push(pool);
    expect((await detect(pool)).results[0]?.lang).toBe('ron');
    // A crash as the pool sees it: the thread is gone and its calls fail.
    const workers = (pool as unknown as { workers: { worker: { terminate(): Promise<number> }; exited: boolean }[] }).workers;
    await workers[0]?.worker.terminate();
    await workers[1]?.worker.terminate();
    expect(workers.every((worker) => worker.exited)).toBe(true);
    const results = await Promise.all([detect(pool), detect(pool), detect(pool)]);
    expect(results.map((result) => result.results[0]?.lang)).toEqual(['ron', 'ron', 'ron']);
    expect(pool.size).toBe(2);
    expect(workers.every((worker) => !worker.exited)).toBe(true);
  });

  it('does not start workers again once terminated', async () => {
    const pool = new WorkerPool<LanguageWorkerApi>('language', 1);
    await pool.terminate();
    await expect(detect(pool)).rejects.toMatchObject({ code: 'E_WORKER_DIED' });
  });
});
