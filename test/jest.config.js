// @ts-check
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
/** @type {{ compilerOptions: { paths: Record<string, string[]> } }} */
const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
const moduleNameMapper = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);
const common = {
  rootDir: root,
  moduleNameMapper,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
};

/** Unit tests beside the code; integration and e2e tests against real PostgreSQL+PostGIS and Redis. */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: root,
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // e2e files start four apps in beforeAll: generous on a loaded two-core machine.
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/{apps,test}/**/*.e2e-spec.ts'] },
  ],
};
