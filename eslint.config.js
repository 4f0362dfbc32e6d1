// Lint rules, including the layer matrix of docs/ARCHITECTURE.md as import zones: the folder a
// file lives in says which process it runs in and therefore what it may import.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'https', 'net', 'url', 'stream', 'events', 'util', 'zlib'];

function forbidModules(names, why) {
  return ['error', { patterns: [{ group: names, message: why }] }];
}

const zones = [
  { target: './shared', from: ['./workers', './engine', './electron', './renderer', './cli'], message: 'shared/ is pure TypeScript used by every layer: it may import only shared/.' },
  { target: './workers', from: ['./engine', './electron', './renderer', './cli'], message: 'workers/ run in worker threads: they may import shared/, their own folder and workers/runtime/.' },
  { target: './workers/db', from: ['./workers/index', './workers/import'], message: 'A worker imports only its own folder and workers/runtime/; talk to other workers through their contract in shared/contracts/.' },
  { target: './workers/index', from: ['./workers/db', './workers/import'], message: 'A worker imports only its own folder and workers/runtime/; talk to other workers through their contract in shared/contracts/.' },
  { target: './workers/import', from: ['./workers/db', './workers/index'], message: 'A worker imports only its own folder and workers/runtime/; talk to other workers through their contract in shared/contracts/.' },
  { target: './engine', from: ['./workers', './electron', './renderer', './cli'], message: 'engine/ is the Node host shared by Electron, the CLI and the loopback server: it spawns workers by path and never imports electron, the renderer or the CLI.' },
  { target: './cli', from: ['./workers', './electron', './renderer'], message: 'cli/ drives the engine; it does not import workers, electron or the renderer.' },
  { target: './electron/main', from: ['./workers', './renderer', './cli'], message: 'electron/main is a thin shell over engine/.' },
  { target: './electron/preload', from: ['./shared', './workers', './engine', './renderer', './cli', './electron/main'], except: ['./ipc/channels.ts'], message: 'The preload holds channel names only (shared/ipc/channels.ts) and electron.' },
  { target: './renderer', from: ['./workers', './engine', './electron', './cli'], message: 'The renderer reaches the engine only through renderer/src/api/client.ts and the contract in shared/ipc/.' },
];

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'node_modules/**', 'coverage/**', 'tests/fixtures-lint/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  { files: ['shared/**'], rules: { 'no-restricted-imports': forbidModules([...NODE_BUILTINS, 'electron'], 'shared/ runs in every layer: no Node built-ins, no electron, no DOM.') } },
  { files: ['renderer/**'], rules: { 'no-restricted-imports': forbidModules([...NODE_BUILTINS, 'electron'], 'The renderer is a sandboxed web page: no Node built-ins and no electron; ask the engine through renderer/src/api/client.ts.') } },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['renderer/vite.config.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['workers/**', 'engine/**', 'cli/**'], rules: { 'no-restricted-imports': forbidModules(['electron'], 'Only electron/ may import electron: the engine must run in plain Node (CLI, tests, browser mode).') } },
);
