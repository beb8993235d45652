/**
 * Boundaries of the monorepo (STYLE.md rule 6), checked in CI by `npm run depcheck`:
 * apps import libs, libs never import apps, apps never import each other; libs/domain and the
 * web pages are allow-lists (what they may import, everything else refused); the gateway
 * reaches no database code; only tests import test/.
 */
module.exports = {
  forbidden: [
    {
      name: 'apps-not-into-other-apps',
      comment: 'An app reaches another app only over NATS, through libs/contracts.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-not-into-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-only-imports-domain',
      comment:
        'Allow-list: libs/domain/src is plain TypeScript that does no I/O. It imports only its own files: ' +
        'no node:* module, no package (none is on the list), no other lib. Processes hand it what it ' +
        'needs from outside (the region directory: installRegionDirectory).',
      severity: 'error',
      from: { path: '^libs/domain/src/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: ['^libs/domain/src/'] },
    },
    {
      name: 'domain-specs-only-domain-and-test-tools',
      comment: "Allow-list: the domain's unit tests add jest and fast-check, nothing else (no files read).",
      severity: 'error',
      from: { path: '^libs/domain/src/.*\\.spec\\.ts$' },
      to: { pathNot: ['^libs/domain/src/', '(^|/)node_modules/(@jest/globals|fast-check)/'] },
    },
    {
      name: 'gateway-reaches-no-database',
      comment:
        'The gateway holds no database: nothing it loads, directly or through a lib, reaches TypeORM, pg ' +
        'or the platform entry points that do (#lib/platform/db, /events, /health).',
      severity: 'error',
      from: { path: '^apps/gateway/' },
      to: {
        path: [
          '(^|/)node_modules/(typeorm|pg|pg-copy-streams|pg-[^/]+)/',
          '^libs/platform/src/(db|database|events|health)/',
        ],
        reachable: true,
      },
    },
    {
      name: 'code-not-into-test',
      comment: 'Test support (test/) is for tests: no app or lib file depends on it, only specs do.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '\\.(spec|int-spec|e2e-spec|browser-spec)\\.ts$' },
      to: { path: '^test/' },
    },
    {
      name: 'web-imports-only-domain-contracts-and-itself',
      comment:
        'Allow-list: the web pages import their own code, React, libs/domain (pure) and libs/contracts ' +
        '(types only, see the next rule); no Node module, no other lib. vite.config.mjs is build tooling; ' +
        'unit specs (*.spec.ts) run in Node under jest, not in the page.',
      severity: 'error',
      from: { path: '^apps/web/', pathNot: ['^apps/web/vite\\.config\\.mjs$', '\\.spec\\.ts$'] },
      to: {
        pathNot: [
          '^apps/web/',
          '^libs/domain/src/',
          '^libs/contracts/src/',
          '(^|/)node_modules/(react|react-dom|scheduler)/',
        ],
      },
    },
    {
      name: 'web-takes-only-types-from-contracts',
      comment: 'Contracts carry class-validator decorators and reflect-metadata: the pages take their types only.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^libs/contracts/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'contracts-not-into-platform',
      comment: 'Message contracts stay free of runtime plumbing so any app can import them.',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { path: '^libs/platform/' },
    },
    {
      name: 'no-circular',
      comment:
        'TypeORM entities of one aggregate name each other in their relations (lazily, through arrow functions), ' +
        'which is safe under ESM; any other cycle is a design smell.',
      severity: 'error',
      from: { pathNot: '\\.entity\\.ts$' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage|\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['types', 'module', 'main'],
    },
  },
};
