// Vitest global setup: the suite runs the engine's workers from their esbuild bundles, built once
// here from the sources as they are, instead of having every worker of every test compile its
// TypeScript through tsx (most of the time a CLI call in a test took: ~5.7 against ~3.8 s for a
// one-file import). The bundles are what Electron runs; the TypeScript workers that `npm start`
// and the CLI run from a checkout keep their own test (tests/integration/source-workers.test.ts).
// THREADLINE_TEST_SOURCE_WORKERS=1 runs the whole suite on the TypeScript workers instead.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWorkerBundles } from '../../scripts/worker-bundles.mjs';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export default async function setup() {
  if (process.env.THREADLINE_TEST_SOURCE_WORKERS === '1' || process.env.THREADLINE_WORKERS_DIR) return undefined;
  // Inside the checkout (build/ is ignored by git): a bundle finds node_modules by walking up.
  const outdir = join(REPO_ROOT, 'build', `test-workers-${process.pid}`);
  await buildWorkerBundles(outdir, REPO_ROOT);
  process.env.THREADLINE_WORKERS_DIR = outdir;
  return () => {
    delete process.env.THREADLINE_WORKERS_DIR;
    rmSync(outdir, { recursive: true, force: true });
  };
}
