import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import { generateWhatsAppExport } from '../support/generate-whatsapp.ts';
import { CLI, REPO_ROOT, tempFolder, writeTemp } from '../support/temp-case.ts';
import { waitFor } from '../support/wait-for.ts';

const FIXTURE = join(REPO_ROOT, 'fixtures', 'whatsapp', 'job-offer-android-24h.txt');
const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
});

describe('a process killed mid-import', () => {
  it('leaves a case that opens with earlier work intact and the source marked for re-import', async () => {
    const folder = tempFolder();
    const casePath = join(folder, 'case');
    const first = spawnSync(process.execPath, [CLI, 'import', casePath, FIXTURE, '--json'], { encoding: 'utf8' });
    expect(first.status).toBe(0);

    const big = writeTemp(folder, 'big-chat.txt', generateWhatsAppExport(40_000, 3));
    const child = spawn(process.execPath, [CLI, 'import', casePath, big], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const audit = join(casePath, 'audit.jsonl');
    // Kill once the big source is recorded as started and its messages are being written.
    await waitFor(() => existsSync(audit) && readFileSync(audit, 'utf8').includes('big-chat.txt'), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 600));
    child.kill('SIGKILL');
    await exited;

    const engine = new Engine({ mode: 'cli', actor: 'test' });
    engines.push(engine);
    const session = await engine.openCase(casePath, false);
    const info = await session.info();
    const bigSource = info.sources.find((source) => source.displayName === 'big-chat.txt');
    expect(bigSource?.status).toBe('interrupted');
    expect(bigSource?.messageCount).toBe(0);
    expect(info.sources.find((source) => source.displayName === 'job-offer-android-24h.txt')?.status).toBe('imported');
    expect(info.messageCount).toBe(9);
    expect((await searchCase(session, 'restaurant', 10, 0)).total).toBe(1);
    // Nothing of the interrupted source is searchable, and it can be imported again.
    expect((await searchCase(session, 'apartment', 10, 0)).hits.every((hit) => hit.source === 'job-offer-android-24h.txt')).toBe(true);
    expect((await engine.sourcesToRetry()).paths).toEqual([big]);
    const retry = await engine.startImport((await engine.sourcesToRetry()).paths, {}).done;
    expect(retry.sources[0]).toMatchObject({ status: 'imported', unparsed: 0 });
    expect(readFileSync(audit, 'utf8')).toContain('source.interrupted');
    expect((await engine.sourcesToRetry()).paths).toEqual([]);
  }, 120_000);
});

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
    expect((await engine.sourcesToRetry()).paths).toEqual([]);
  }, 120_000);
});
