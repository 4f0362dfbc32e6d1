/** Dependency rules checked by `npm run layers`: no cycles, no orphans, no dev packages at run time. */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Cycles make layers meaningless and start-up order fragile.', from: {}, to: { circular: true } },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A module nobody imports is dead code (entry points and declarations excepted).',
      from: { orphan: true, pathNot: ['\\.d\\.ts$', '(^|/)tsconfig\\.json$', '\\.worker\\.ts$', '^cli/main\\.ts$', '^electron/(main/main|preload/preload)\\.ts$', '^renderer/src/main\\.tsx$', '^renderer/vite\\.config\\.ts$', '^workers/runtime/tsx-bootstrap\\.mjs$'] },
      to: {},
    },
    { name: 'shared-is-pure', severity: 'error', comment: 'shared/ may import only shared/ and pure libraries.', from: { path: '^shared/' }, to: { path: '^(workers|engine|electron|renderer|cli)/' } },
    { name: 'shared-no-node', severity: 'error', from: { path: '^shared/' }, to: { dependencyTypes: ['core'] } },
    { name: 'renderer-no-node', severity: 'error', from: { path: '^renderer/src/' }, to: { dependencyTypes: ['core'] } },
    { name: 'no-electron-outside-shell', severity: 'error', from: { pathNot: '^electron/' }, to: { path: '^node_modules/electron/' } },
    { name: 'engine-not-into-hosts', severity: 'error', from: { path: '^engine/' }, to: { path: '^(workers|electron|renderer|cli)/' } },
    { name: 'workers-not-into-hosts', severity: 'error', from: { path: '^workers/' }, to: { path: '^(engine|electron|renderer|cli)/' } },
    { name: 'no-dev-deps-at-run-time', severity: 'error', from: { path: '^(shared|workers|engine|cli|electron|renderer/src)/', pathNot: '^renderer/vite\\.config\\.ts$' }, to: { dependencyTypes: ['npm-dev'], pathNot: ['^node_modules/(electron|@types)/'] } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^build/|^node_modules/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
