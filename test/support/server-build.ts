import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = path.join(ROOT, 'dist/apps/gateway/src/main.js');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'web') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

/**
 * Tests that run the apps (or their worker threads) from dist/ compile them first when missing or
 * stale, one test process at a time.
 */
export function ensureServerBuilt(): void {
  const fresh = (): boolean =>
    existsSync(MAIN) &&
    statSync(MAIN).mtimeMs >= Math.max(newest(path.join(ROOT, 'apps')), newest(path.join(ROOT, 'libs')));
  if (fresh()) return;
  const lock = path.join(tmpdir(), `disduk-server-build-${Buffer.from(ROOT).toString('hex').slice(-16)}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      spawnSync('sleep', ['0.5']);
      if (fresh()) return;
    }
  }
  try {
    // tsc alone, in place: the web pages in dist/web (served to the browser tests) stay as they are.
    const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (tsc.status !== 0) throw new Error('tsc -p tsconfig.build.json failed');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
