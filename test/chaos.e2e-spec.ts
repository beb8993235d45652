import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { ensureServerBuilt, ROOT } from './support/server-build.js';

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
