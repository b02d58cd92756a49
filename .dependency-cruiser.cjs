/**
 * `npm run check:deps` (dependency-cruiser): every import is declared by the package that makes it,
 * the layers run viewer → src → solver with no edge back, and solver/ stays free of Node built-ins
 * so that it runs in a browser worker. Type-only imports count too: the published declarations
 * carry them.
 */
/** Dependency types of a package that the importing workspace's package.json does not declare. */
const undeclared = ['npm-no-pkg', 'npm-unknown'];

module.exports = {
  forbidden: [
    {
      name: 'runtime-imports-runtime-deps',
      comment:
        'src/ and solver/ ship in the package and run where only its `dependencies` are installed ' +
        '(npm install --omit=dev): declare the package there, not in devDependencies.',
      severity: 'error',
      // the .mjs worker shims run only from the sources (they register tsx) and are not shipped
      from: { path: '^(src|solver)/', pathNot: '\\.mjs$' },
      to: { dependencyTypes: [...undeclared, 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled'] },
    },
    {
      name: 'imports-declared',
      comment:
        "every package imported is declared by the importing workspace's package.json (viewer/src: " +
        "viewer/package.json; test/ and the shims: the root's dependencies or devDependencies)",
      severity: 'error',
      from: {},
      to: { dependencyTypes: undeclared },
    },
    {
      name: 'imports-resolve',
      comment: 'an import that resolves to nothing: a missing package or a mistyped path',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'solver-is-the-bottom-layer',
      comment: 'imports run viewer → src → solver: solver/ imports nothing from src/, viewer/ or test/',
      severity: 'error',
      from: { path: '^solver/' },
      to: { path: '^(src|viewer|test)/' },
    },
    {
      name: 'src-below-viewer',
      comment: 'imports run viewer → src → solver: src/ imports nothing from viewer/ or test/',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(viewer|test)/' },
    },
    {
      name: 'viewer-not-on-tests',
      comment: 'the viewer is an app: it imports nothing from test/',
      severity: 'error',
      from: { path: '^viewer/' },
      to: { path: '^test/' },
    },
    {
      name: 'solver-without-node',
      comment: 'solver/ runs in Node and in a browser worker: no node:* or other built-in module',
      severity: 'error',
      from: { path: '^solver/' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(viewer/)?dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    // each workspace is held to its own package.json (the closest one), not to the root's as well
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
