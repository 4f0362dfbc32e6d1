// Bundles what Electron runs: main (ESM), the sandboxed preload (CommonJS, as sandboxed preloads
// must be) and every worker. Libraries stay in node_modules (sql.js and tesseract.js load their
// WebAssembly from there), so packages are external.
import { build } from 'esbuild';
import { BUNDLE_OPTIONS, buildWorkerBundles } from './worker-bundles.mjs';

await build({ ...BUNDLE_OPTIONS, entryPoints: ['electron/main/main.ts'], outfile: 'build/electron/main.mjs', format: 'esm', packages: 'external', external: ['electron'] });
await build({ ...BUNDLE_OPTIONS, entryPoints: ['electron/preload/preload.ts'], outfile: 'build/electron/preload.cjs', format: 'cjs', external: ['electron'] });
await buildWorkerBundles('build/workers');
console.log('built build/electron and build/workers');
