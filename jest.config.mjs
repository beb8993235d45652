// One jest configuration with three tiers (STYLE.md rule 11): unit specs beside the code,
// integration specs against the real PostgreSQL and NATS, and whole-system specs through the
// gateway; plus the web pages in a real browser. ESM throughout: run with
// NODE_OPTIONS=--experimental-vm-modules (scripts/test.mjs).
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    sourceMaps: 'inline',
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];

const common = {
  rootDir: '.',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    // `#lib/platform/<entry>` before `#lib/<name>`, as Node picks the most specific pattern.
    '^#lib/platform/([a-z]+)$': '<rootDir>/libs/platform/src/$1/index.ts',
    '^#lib/(domain|validation|contracts)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  // libs/domain is handed its region directory at start-up; tests do the same. (After the
  // environment rather than in setupFiles: modules loaded by setupFiles escape v8 coverage.)
  setupFilesAfterEnv: ['<rootDir>/test/support/regions.setup.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/'],
};

export default {
  // Every suite of the servers' tiers starts the whole system in the test process, and jest's ESM
  // module registries are not freed between suites: run in band, the process grew by about
  // 100 MB a suite, past 6 GB by the end, and a collection of such a heap can stall the apps in
  // it beyond an RPC deadline. With a limit, jest runs the suites in a worker process and starts
  // a fresh one once a suite leaves it above the limit.
  workerIdleMemoryLimit: '2GB',
  coverageProvider: 'v8',
  collectCoverageFrom: ['libs/domain/src/**/*.ts', '!libs/domain/src/**/*.spec.ts', '!libs/domain/src/**/index.ts'],
  coverageThreshold: {
    './libs/domain/src/': { branches: 100, functions: 100, lines: 100, statements: 100 },
  },
  coverageReporters: ['text-summary'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/scripts/**/*.spec.ts',
        '<rootDir>/test/support/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      setupFilesAfterEnv: [...common.setupFilesAfterEnv, '<rootDir>/test/support/timeouts.ts'],
      testMatch: ['<rootDir>/apps/**/*.int-spec.ts', '<rootDir>/libs/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      // Every response a whole-system test receives is checked against docs/openapi.json.
      setupFilesAfterEnv: [
        ...common.setupFilesAfterEnv,
        '<rootDir>/test/support/timeouts.ts',
        '<rootDir>/test/support/openapi-contract.setup.ts',
      ],
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // The web pages in real headless Chromium (Debian's, driven by playwright-core) against
      // the whole system started in-process, as the e2e tier does.
      ...common,
      displayName: 'browser',
      setupFilesAfterEnv: [...common.setupFilesAfterEnv, '<rootDir>/test/support/timeouts.ts'],
      // `npm run screenshots` adds the capture of docs/screenshots (it rewrites files in the repo,
      // so an ordinary test run leaves it out rather than skipping it).
      testMatch: [
        '<rootDir>/test/browser/**/*.browser-spec.ts',
        ...(process.env.SCREENSHOTS === '1' ? ['<rootDir>/test/browser/**/*.capture.ts'] : []),
        // `npm run bench:web` (prints figures; a measurement, never a timing assertion).
        ...(process.env.WEB_BENCH === '1' ? ['<rootDir>/test/browser/**/*.bench.ts'] : []),
      ],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
