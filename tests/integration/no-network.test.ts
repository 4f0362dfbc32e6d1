import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, REPO_ROOT, tempFolder } from '../support/temp-case.ts';

const GUARD = join(REPO_ROOT, 'tests', 'support', 'network-guard.cjs');
const FIXTURE = join(REPO_ROOT, 'fixtures', 'whatsapp', 'job-offer-android-24h.txt');

function runGuarded(args: string[], log: string) {
  return spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: `--require ${GUARD}`, THREADLINE_NETWORK_LOG: log },
  });
}

describe('no network at run time', () => {
  it('the guard catches a connection attempt in the main thread and in a worker (control)', () => {
    const log = join(tempFolder(), 'network.log');
    const script = "fetch('http://127.0.0.1:9').catch(() => {}); new (require('node:worker_threads').Worker)(\"require('node:net').connect(9, '127.0.0.1').on('error', () => {})\", { eval: true });";
    runGuarded(['-e', script], log);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines.some((line) => line.includes('fetch'))).toBe(true);
    expect(lines.some((line) => line.includes('socket connect') && !line.includes('thread 0:'))).toBe(true);
  });

  it('importing and searching make no network connection from any thread', () => {
    const folder = tempFolder();
    const log = join(folder, 'network.log');
    const casePath = join(folder, 'case');
    const imported = runGuarded([CLI, 'import', casePath, FIXTURE, '--json'], log);
    expect(imported.status, imported.stderr).toBe(0);
    const searched = runGuarded([CLI, 'search', casePath, 'passport', '--json'], log);
    expect(searched.status, searched.stderr).toBe(0);
    expect(JSON.parse(searched.stdout.trim()).total).toBe(1);
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').toBe('');
  });
});
