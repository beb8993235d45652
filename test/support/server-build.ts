import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOnce, newestUnder } from './build-once.js';

/** The repository's root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = path.join(ROOT, 'dist/apps/gateway/src/main.js');

/**
 * Tests that run the apps (or their worker threads) from dist/ compile them first when missing or
 * stale, one test process at a time.
 */
export function ensureServerBuilt(): void {
  const skip = ['node_modules', 'web'];
  buildOnce({
    fresh: () =>
      existsSync(MAIN) &&
      statSync(MAIN).mtimeMs >=
        Math.max(newestUnder(path.join(ROOT, 'apps'), skip), newestUnder(path.join(ROOT, 'libs'), skip)),
    lockName: `disduk-server-build-${Buffer.from(ROOT).toString('hex').slice(-16)}.lock`,
    timeoutMs: 180_000,
    build: () => {
      // tsc alone, in place: the web pages in dist/web (served to the browser tests) stay as they are.
      const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
      if (tsc.status !== 0) throw new Error('tsc -p tsconfig.build.json failed');
    },
  });
}
