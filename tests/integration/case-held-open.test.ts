import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { CLI, REPO_ROOT, tempFolder } from '../support/temp-case.ts';

const FIXTURE = join(REPO_ROOT, 'fixtures', 'whatsapp', 'job-offer-android-24h.txt');

describe('a case held open by one process', () => {
  it('is refused to a second process, naming the holder, and is free again once closed', async () => {
    const casePath = join(tempFolder(), 'case');
    expect(spawnSync(process.execPath, [CLI, 'import', casePath, FIXTURE, '--json'], { encoding: 'utf8' }).status).toBe(0);
    // The CLI let go of the case when it finished.
    expect(existsSync(join(casePath, 'case.sqlite.owner'))).toBe(false);

    const engine = new Engine({ mode: 'cli', actor: 'test' });
    try {
      await engine.openCase(casePath, false);
      const refused = spawnSync(process.execPath, [CLI, 'search', casePath, 'passport', '--json'], { encoding: 'utf8' });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('E_CASE_LOCKED');
      expect(refused.stderr).toContain(`process ${process.pid}`);
    } finally {
      await engine.dispose();
    }
    const allowed = spawnSync(process.execPath, [CLI, 'search', casePath, 'passport', '--json'], { encoding: 'utf8' });
    expect(allowed.stderr).toBe('');
    expect(allowed.status).toBe(0);
  }, 60_000);
});
