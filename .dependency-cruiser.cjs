/**
 * The architecture, checked on every `npm test`: the top-level folders of src/ form layers, each
 * depending only on the layers listed before it, so no two folders can depend on each other,
 * however indirectly. The core of the planner is `operations`; `deployments`, `cps`, `subjects`,
 * `day-log` and `workflow` build on it, never the reverse. Nothing under src/ imports from test/.
 */
const LAYERS = [
  'common',
  'config',
  'database',
  'metrics',
  'http',
  'health',
  'audit',
  'reference-data',
  'lead-policy',
  'auth',
  'operations',
  'deployments',
  'cps',
  'subjects',
  'day-log',
  'workflow',
  'tasks',
  'calendar',
  'dashboard',
  'web',
];

const layerRules = LAYERS.map((folder, index) => ({
  name: `layer-${folder}`,
  comment: `src/${folder} may depend only on: ${LAYERS.slice(0, index).join(', ') || 'nothing else in src'}`,
  severity: 'error',
  from: { path: `^src/${folder}/` },
  to: { path: '^src/[^/]+/', pathNot: [`^src/(${[folder, ...LAYERS.slice(0, index)].join('|')})/`] },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-unknown-folder',
      comment: 'Every top-level folder of src/ has its place among the layers above',
      severity: 'error',
      from: { path: `^src/(?!(${LAYERS.join('|')})/)[^/]+/` },
      to: {},
    },
    { name: 'no-circular', severity: 'error', from: { path: '^src/' }, to: { circular: true } },
    { name: 'src-not-to-test', severity: 'error', from: { path: '^src/' }, to: { path: '^test/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The browser's own scripts, built into dist/public, are not part of the server's layers.
    exclude: { path: '^src/web/assets/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
