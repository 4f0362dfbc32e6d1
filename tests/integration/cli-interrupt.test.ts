import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { generateWhatsAppExport } from '../support/generate-whatsapp.ts';
import { CLI, REPO_ROOT, tempFolder, writeTemp } from '../support/temp-case.ts';

const FIXTURE = join(REPO_ROOT, 'fixtures', 'whatsapp', 'job-offer-android-24h.txt');
const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Ctrl-C during `threadline import`', () => {
  it('cancels the source being read, keeps the one already imported, reports it and exits 1', async () => {
    const folder = tempFolder();
    const casePath = join(folder, 'case');
    const big = writeTemp(folder, 'big-chat.txt', generateWhatsAppExport(40_000, 3));
    const child = spawn(process.execPath, [CLI, 'import', casePath, FIXTURE, big, '--no-ocr', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const audit = join(casePath, 'audit.jsonl');
    await waitFor(() => existsSync(audit) && readFileSync(audit, 'utf8').includes('big-chat.txt'), 60_000);
    child.kill('SIGINT');
    const code = await exited;

    expect(stderr).toContain('cancelling the import');
    expect(code).toBe(1);
    const summary = JSON.parse(stdout) as { sources: { path: string; status: string }[] };
    expect(summary.sources.map((source) => source.status)).toEqual(['imported', 'cancelled']);

    const engine = new Engine({ mode: 'cli', actor: 'test' });
    engines.push(engine);
    const session = await engine.openCase(casePath, false);
    const info = await session.info();
    expect(info.sources.find((source) => source.displayName === 'big-chat.txt')).toMatchObject({ status: 'cancelled', messageCount: 0 });
    expect(info.messageCount).toBe(9);
    // Cancelled on purpose: "retry failed" leaves it alone.
    expect(await engine.failedSourcePaths()).toEqual([]);
  }, 120_000);
});
