// Bundles what Electron runs: main (ESM), the sandboxed preload (CommonJS, as sandboxed preloads
// must be) and every worker. Libraries stay in node_modules (sql.js and tesseract.js load their
// WebAssembly from there), so packages are external.
import { existsSync, readdirSync } from 'node:fs';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'build/electron/main.mjs', format: 'esm', packages: 'external', external: ['electron'] });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'build/electron/preload.cjs', format: 'cjs', external: ['electron'] });
await build({
  ...common,
  // Every workers/<name>/<name>.worker.ts, so a new worker cannot be forgotten here.
  entryPoints: Object.fromEntries(
    readdirSync('workers', { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(`workers/${entry.name}/${entry.name}.worker.ts`))
      .map((entry) => [`${entry.name}.worker`, `workers/${entry.name}/${entry.name}.worker.ts`]),
  ),
  outdir: 'build/workers',
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  packages: 'external',
});
console.log('built build/electron and build/workers');
