import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerLocation } from '../../engine/workers/worker-host.ts';
import { CLI, REPO_ROOT, tempFolder } from '../support/temp-case.ts';

/**
 * The suite runs the workers from bundles (tests/support/worker-bundles-setup.mjs). The CLI and
 * `npm start` from a checkout run them from their TypeScript through tsx: this runs the real
 * CLI that way, import and search, so that path never goes untested.
 */
function sourceWorkersEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['THREADLINE_WORKERS_DIR'];
  return env;
}

describe('the CLI on the TypeScript workers (as a checkout runs it)', () => {
  it('locates each worker as its TypeScript entry run through the tsx bootstrap', () => {
    const previous = process.env['THREADLINE_WORKERS_DIR'];
    delete process.env['THREADLINE_WORKERS_DIR'];
    try {
      const location = workerLocation('import');
      expect(location.script.pathname).toMatch(/workers\/runtime\/tsx-bootstrap\.mjs$/u);
      expect(location.workerData['entry']).toMatch(/workers\/import\/import\.worker\.ts$/u);
    } finally {
      if (previous !== undefined) process.env['THREADLINE_WORKERS_DIR'] = previous;
    }
  });

  it('imports and searches', () => {
    const casePath = join(tempFolder(), 'case');
    const env = sourceWorkersEnv();
    const imported = spawnSync(process.execPath, [CLI, 'import', casePath, join(REPO_ROOT, 'fixtures', 'whatsapp', 'job-offer-android-24h.txt'), '--tz', 'UTC', '--no-ocr', '--json'], { encoding: 'utf8', env });
    expect(imported.status, imported.stderr).toBe(0);
    const summary = JSON.parse(imported.stdout) as { sources: { status: string; messages: number }[] };
    expect(summary.sources.map((source) => source.status)).toEqual(['imported']);
    expect(summary.sources[0]?.messages).toBeGreaterThan(0);
    const searched = spawnSync(process.execPath, [CLI, 'search', casePath, 'restaurant', '--json'], { encoding: 'utf8', env });
    expect(searched.status, searched.stderr).toBe(0);
    const result = JSON.parse(searched.stdout.trim().split('\n')[0] ?? '{}') as { total: number; hits: { lang: string }[] };
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits[0]?.lang).toBe('eng');
  }, 120_000);
});
