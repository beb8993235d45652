/**
 * Boundaries of the monorepo (STYLE.md rule 6), checked in CI by `npm run depcheck`:
 * apps import libs, libs never import apps, apps never import each other, and libs/domain
 * imports no framework.
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
      name: 'domain-is-pure',
      comment: 'libs/domain is plain TypeScript: no Nest, TypeORM, validation, transport or database code.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: {
        path: '(^|/)node_modules/(@nestjs|typeorm|class-validator|class-transformer|pg|fastify|rxjs|@nats-io|reflect-metadata)(/|$)',
      },
    },
    {
      name: 'domain-only-imports-domain',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { path: '^libs/(?!domain/)' },
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
