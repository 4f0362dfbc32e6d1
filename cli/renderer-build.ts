import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../shared/errors.ts';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const RENDERER_BUILD_DIR = fileURLToPath(new URL('../build/renderer/', import.meta.url));

/**
 * The UI is served from its production build. Built on first use (and by `npm start` every
 * time), so `npx threadline serve` works straight after `npm ci`.
 */
export function ensureRendererBuilt(force = false): string {
  if (!force && existsSync(`${RENDERER_BUILD_DIR}index.html`)) return RENDERER_BUILD_DIR;
  buildRendererInto(RENDERER_BUILD_DIR);
  return RENDERER_BUILD_DIR;
}

/**
 * Builds the UI into `outDir` (emptied first). Tests that serve the UI each build into a folder
 * of their own: two of them rebuilding the shared folder at once served each other's half-written
 * assets (a 404 for a stylesheet being replaced).
 */
export function buildRendererInto(outDir: string): void {
  process.stderr.write('Building the user interface (vite build)...\n');
  const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    // A test runner's NODE_ENV=test would otherwise make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new AppError('E_INTERNAL', 'Building the user interface failed (see the messages above)', { expected: false });
}
