#!/usr/bin/env node
// Compiles every app and lib with tsc into dist/ (one program, one type-check), then the web
// pages with Vite into dist/web. Apps import the libs as `#lib/<name>`, which package.json maps
// to dist/ at run time and to the sources for TypeScript and jest.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
// The web pages (apps/web) into dist/web, which the gateway serves at `/`.
const vite = spawnSync(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.mjs', '--logLevel', 'warn'],
  // jest and others may have set NODE_ENV: the pages are always built for production.
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
);
if (vite.status !== 0) process.exit(vite.status ?? 1);
console.log('build: dist/ ready');
