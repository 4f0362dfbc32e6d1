// Vitest global setup: names the folder the UI is built into for this run, once, by the first
// end-to-end test that opens it (tests/support/renderer-build-once.ts). A vite build is the slowest
// step of opening a UI session and every end-to-end file ran its own, though they only read the
// built files. Nothing is built here, so a run without end-to-end tests pays nothing.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export default function setup() {
  if (process.env.THREADLINE_TEST_RENDERER_DIR) return undefined;
  const outDir = join(REPO_ROOT, 'build', `test-renderer-${process.pid}`);
  process.env.THREADLINE_TEST_RENDERER_DIR = outDir;
  return () => {
    delete process.env.THREADLINE_TEST_RENDERER_DIR;
    rmSync(outDir, { recursive: true, force: true });
    rmSync(`${outDir}.lock`, { recursive: true, force: true });
  };
}
