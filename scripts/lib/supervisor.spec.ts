import { afterEach, describe, expect, it } from '@jest/globals';
import { createSupervisor, type Supervisor } from './supervisor.mjs';
import { waitFor } from './infra.mjs';

/** A small stand-in for an app: a node process that runs until it is killed. */
const LONG_RUNNING = { command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'] };
/** An app that dies at once, every time (a broken build, a missing database). */
const CRASHING = { command: process.execPath, args: ['-e', 'process.exit(3)'] };

const alive = (pid: number | undefined): boolean => {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the supervisor of `npm start`', () => {
  let supervisor: Supervisor | undefined;
  afterEach(async () => {
    await supervisor?.stopAll({ timeoutMs: 2000 });
  });

  it('starts an app killed with SIGKILL again within 5 s, and leaves the others running', async () => {
    const lines: string[] = [];
    let gaveUp = false;
    supervisor = createSupervisor({
      log: (app, text) => lines.push(`${app}: ${text}`),
      onGiveUp: () => (gaveUp = true),
    });
    for (const name of ['gateway', 'identity', 'documents']) supervisor.start(name, LONG_RUNNING);
    const before = Object.fromEntries(supervisor.names().map((n) => [n, supervisor!.child(n)!.pid]));

    const killedAt = Date.now();
    process.kill(before['documents']!, 'SIGKILL');
    const back = (): boolean => {
      const pid = supervisor!.child('documents')?.pid;
      return pid !== before['documents'] && alive(pid);
    };
    await waitFor(back, 5000, 'documents to be back');
    expect(Date.now() - killedAt).toBeLessThan(5000);

    const after = supervisor.child('documents')!.pid;
    expect(after).not.toBe(before['documents']);
    expect(supervisor.starts('documents')).toBe(2);
    // The others were not touched.
    for (const name of ['gateway', 'identity']) {
      expect(supervisor.child(name)!.pid).toBe(before[name]);
      expect(alive(before[name])).toBe(true);
    }
    expect(gaveUp).toBe(false);
    expect(lines.some((l) => /^documents: stopped unexpectedly \(SIGKILL\); restarting in \d+ ms/.test(l))).toBe(true);
    expect(lines).toContain(`documents: restarted (pid ${after})`);
  });

  it('gives up on an app that crashes again and again within the window', async () => {
    const gaveUp: string[] = [];
    supervisor = createSupervisor({
      onGiveUp: (app) => gaveUp.push(app),
      policy: { initialBackoffMs: 20, maxCrashes: 3, windowMs: 10_000 },
    });
    supervisor.start('identity', LONG_RUNNING);
    supervisor.start('broken', CRASHING);
    await waitFor(() => gaveUp.length > 0, 5000, 'the supervisor to give up');
    expect(gaveUp).toEqual(['broken']);
    expect(supervisor.starts('broken')).toBe(3);
    expect(alive(supervisor.child('identity')?.pid)).toBe(true);
  });

  it('stops everything on request, without restarting anything', async () => {
    supervisor = createSupervisor();
    supervisor.start('gateway', LONG_RUNNING);
    supervisor.start('identity', LONG_RUNNING);
    const pids = supervisor.names().map((n) => supervisor!.child(n)!.pid);
    await supervisor.stopAll({ timeoutMs: 2000 });
    await new Promise((r) => setTimeout(r, 600));
    for (const pid of pids) expect(alive(pid)).toBe(false);
    expect(supervisor.child('gateway')).toBeUndefined();
    expect(supervisor.starts('gateway')).toBe(1);
  });
});
