import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkerLostError, WorkerPool, WorkerTimeoutError } from './worker-pool.js';

/**
 * How a job fails when its worker goes: a crash is a WorkerLostError (the job may be run again
 * elsewhere), a job that took too long a WorkerTimeoutError (it likely would again). The worker
 * speaks the pool's protocol in plain JavaScript (jest runs the sources; a worker thread cannot
 * load TypeScript).
 */
const WORKER = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, job }) => {
  if (job === 'die') process.exit(3);
  if (job === 'hang') for (;;);
  parentPort.postMessage({ id, result: job + '!' });
});
parentPort.postMessage({ ready: true });
`;

describe('WorkerPool', () => {
  let file: URL;
  let pool: WorkerPool<string, string> | undefined;

  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'worker-pool-'));
    writeFileSync(path.join(dir, 'worker.mjs'), WORKER);
    file = pathToFileURL(path.join(dir, 'worker.mjs'));
  });
  afterEach(() => pool?.close());

  it('fails a job whose worker died with WorkerLostError, not as a timeout, and goes on', async () => {
    pool = new WorkerPool<string, string>(file, 1);
    await pool.start();
    const died = pool.run('die').catch((error: unknown) => error);
    await expect(died).resolves.toBeInstanceOf(WorkerLostError);
    await expect(died).resolves.not.toBeInstanceOf(WorkerTimeoutError);
    await expect(pool.run('next')).resolves.toBe('next!');
  });

  it('fails a job that took too long with WorkerTimeoutError, and goes on with a new worker', async () => {
    pool = new WorkerPool<string, string>(file, 1, { jobTimeoutMs: 300 });
    await pool.start();
    await expect(pool.run('hang')).rejects.toBeInstanceOf(WorkerTimeoutError);
    await expect(pool.run('next')).resolves.toBe('next!');
  });
});
