import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import { REPO_ROOT, tempFolder } from '../support/temp-case.ts';

/**
 * Electron cannot run TypeScript: it loads the esbuild bundles of the workers. This runs the
 * engine on exactly those bundles so a packaging mistake shows up here, not on an analyst's desk.
 */
describe('the engine on bundled workers (as Electron runs it)', () => {
  const previous = process.env['THREADLINE_WORKERS_DIR'];
  let engine: Engine;

  beforeAll(() => {
    const built = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    process.env['THREADLINE_WORKERS_DIR'] = join(REPO_ROOT, 'build', 'workers');
    engine = new Engine({ mode: 'electron', actor: 'bundle-test' });
  }, 120_000);

  afterAll(async () => {
    await engine.dispose();
    if (previous === undefined) delete process.env['THREADLINE_WORKERS_DIR'];
    else process.env['THREADLINE_WORKERS_DIR'] = previous;
  });

  it('imports, detects languages and searches', async () => {
    const session = await engine.openCase(join(tempFolder(), 'case'), true);
    const summary = await engine.startImport([join(REPO_ROOT, 'fixtures', 'whatsapp', 'job-offer-android-24h.txt')], {}).done;
    expect(summary.sources[0]?.status).toBe('imported');
    const result = await searchCase(session, 'restaurant', 10, 0);
    expect(result.hits[0]?.lang).toBe('eng');
  });
});
