/**
 * Three projects, run together by `npm test`:
 * - unit: pure code, no servers, no child processes (`npm run test:unit`, well under a minute);
 * - http: the real bot on a loopback port, spoken to over HTTP like a channel;
 * - e2e:  real Chromium, Azurite, the Agents Playground and child processes.
 * @type {import('jest').Config}
 */
const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  roots: [`<rootDir>/test/${name}`],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // The chat page serves the Web Chat bundle that the build vendors into dist/webchat.
  globalSetup: '<rootDir>/test/support/global-setup.js',
  ...extra,
});

module.exports = {
  testTimeout: 30000,
  projects: [project('unit'), project('http'), project('e2e')],
};
