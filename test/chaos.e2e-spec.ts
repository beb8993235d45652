import { describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
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

/** The drill runs the apps from dist/ as real processes: compile them when missing or stale (one file at a time). */
function ensureServerBuilt(): void {
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

/**
 * The short fault drill: `scripts/chaos.mjs` (the code of `npm run chaos`) with a few approvals
 * and one fault of each kind: each app SIGKILLed, NATS killed and restarted, its PostgreSQL
 * stopped at once and restarted. It checks its own results in SQL and through the API and exits
 * non-zero on any failed check; how fast it recovered is printed, not judged (CHAOS_TIMING_GOAL=0).
 */
describe('fault drill (short)', () => {
  it('loses nothing and duplicates nothing while every part fails once', async () => {
    ensureServerBuilt();
    const output: string[] = [];
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['scripts/chaos.mjs'], {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: process.env['TEST_DATABASE_URL'],
          CHAOS_APPROVALS: '8',
          CHAOS_NO_FAULT_APPROVALS: '0',
          CHAOS_ROUNDS: '1',
          CHAOS_FAULT_GAP_MS: '2500',
          CHAOS_TIMEOUT_S: '200',
          CHAOS_WRITE_DOCS: '0',
          // Correctness only: the recovery time is a figure of `npm run chaos`, not a test's.
          CHAOS_TIMING_GOAL: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.once('exit', resolve);
    });
    const text = output.join('');
    expect({ code, text }).toEqual({ code: 0, text: expect.stringContaining('all checks passed') as unknown });
    expect(text).toContain('SQL: 8/8 applications ISSUED');
    expect(text).toContain('SQL: exactly one document set for 8/8 applications (0 duplicated)');
    expect(text).toContain('SQL: 0 outbox rows left unpublished');
    expect(text).toMatch(/SIGKILL identity[\s\S]*SIGKILL applications[\s\S]*SIGKILL documents[\s\S]*SIGKILL gateway/);
    expect(text).toContain('NATS killed and started again');
  }, 300_000);
});
