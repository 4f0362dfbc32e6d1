import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textPng } from '../../support/ocr-images.ts';
import { REPO_ROOT, tempFolder } from '../../support/temp-case.ts';

const GUARD = join(REPO_ROOT, 'tests', 'support', 'network-guard.cjs');
const OCR_CLI = join(REPO_ROOT, 'tests', 'support', 'ocr-cli.mjs');

describe('threadline ocr', () => {
  it('prints one JSON line per image in order, fails only the bad image, and never touches the network', async () => {
    const folder = tempFolder();
    const good = join(folder, 'offer.png');
    writeFileSync(good, await textPng(['The pay is 2000 euros a month']));
    const bad = join(folder, 'broken.jpg');
    writeFileSync(bad, 'not a picture');
    const log = join(folder, 'network.log');
    const run = spawnSync(process.execPath, [OCR_CLI, '--json', '--lang', 'eng', good, bad], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: `--require ${GUARD}`, THREADLINE_NETWORK_LOG: log, THREADLINE_TESSDATA: '' },
    });
    expect(run.status, run.stderr).toBe(1);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ file: good, lang: 'eng', text: expect.stringMatching(/2000 euros a month/), confidence: expect.any(Number), tookMs: expect.any(Number) });
    // The words a case would search: all of a clean screenshot's, under the rule recorded beside them.
    expect(lines[0]).toMatchObject({ searchableText: lines[0]?.['text'], parameters: { searchable: { minWordConfidence: 50, letterOrDigit: true } } });
    expect(lines[1]).toMatchObject({ file: bad, code: 'E_IMPORT_FORMAT', error: expect.stringContaining(bad) });
    expect(run.stderr).toMatch(/progress: ocr 2\/2/);
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').toBe('');
  });
});
