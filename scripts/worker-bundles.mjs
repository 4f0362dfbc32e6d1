// The esbuild bundles of every worker (workers/<name>/<name>.worker.ts → <outdir>/<name>.worker.mjs):
// what Electron loads (scripts/build-electron.mjs), and what the test suite runs the engine on
// (tests/support/worker-bundles-setup.ts). Libraries stay in node_modules, so `outdir` must lie
// inside the checkout, as build/ does: a bundle finds its packages by walking up from itself.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export const BUNDLE_OPTIONS = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

/** `root`: the checkout (the current folder unless given); `outdir` is relative to it unless absolute. */
export async function buildWorkerBundles(outdir, root = process.cwd()) {
  await build({
    ...BUNDLE_OPTIONS,
    absWorkingDir: root,
    // Every workers/<name>/<name>.worker.ts, so a new worker cannot be forgotten here.
    entryPoints: Object.fromEntries(
      readdirSync(join(root, 'workers'), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(root, 'workers', entry.name, `${entry.name}.worker.ts`)))
        .map((entry) => [`${entry.name}.worker`, `workers/${entry.name}/${entry.name}.worker.ts`]),
    ),
    outdir,
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    packages: 'external',
  });
}
