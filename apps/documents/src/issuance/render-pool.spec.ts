import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SigningError } from '../signing/document.signer.js';
import { RenderPool, RenderWorkerError } from './render-pool.js';
import type { RendererName } from './renderers.js';

/**
 * The pool's side of the protocol with a worker speaking it in plain JavaScript (jest runs the
 * sources, and a worker thread cannot load TypeScript): the real render.worker.js runs in the
 * documents service built into dist/, which the fault drill (test/chaos.e2e-spec.ts) starts.
 * The model says what this worker does: answer with its text, fail like a signer, or die.
 */
const WORKER = `
import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', async ({ id, job }) => {
  const { action, text, ms } = job.model;
  if (action === 'die') process.exit(3);
  if (action === 'hang') for (;;);
  if (action === 'sign-fails') return parentPort.postMessage({ id, error: { name: 'SigningError', message: 'expired' } });
  await new Promise((r) => setTimeout(r, ms ?? 0));
  parentPort.postMessage({ id, result: Buffer.from(text + '@' + threadId + '@' + job.signingTime.toISOString()) });
});
parentPort.postMessage({ ready: true });
`;

const KK: RendererName = 'kartu-keluarga';
const at = new Date('2026-12-01T00:00:00Z');
const setup = { p12Path: '/nowhere.p12', passphrase: 'x' };

describe('RenderPool', () => {
  let file: URL;
  let pool: RenderPool | undefined;
  const exits: Error[] = [];

  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'render-pool-'));
    writeFileSync(path.join(dir, 'worker.mjs'), WORKER);
    file = pathToFileURL(path.join(dir, 'worker.mjs'));
  });
  afterEach(async () => {
    await pool?.close();
    exits.length = 0;
  });

  const start = async (size: number): Promise<RenderPool> => {
    pool = new RenderPool(file, size, setup, (error) => exits.push(error));
    await pool.start();
    return pool;
  };

  it('renders on every worker at once and hands each caller its own document', async () => {
    const workers = await start(2);
    expect(workers.ready).toBe(2);
    const replies = await Promise.all(
      ['a', 'b', 'c', 'd'].map((text) => workers.run(KK, { text, ms: 50 }, at).then((pdf) => pdf.toString())),
    );
    expect(replies.map((r) => r.split('@')[0])).toEqual(['a', 'b', 'c', 'd']);
    // Dates cross the thread as dates; both workers took a share.
    expect(replies.every((r) => r.endsWith(`@${at.toISOString()}`))).toBe(true);
    expect(new Set(replies.map((r) => r.split('@')[1])).size).toBe(2);
  });

  it('returns a signing failure as a SigningError', async () => {
    const workers = await start(1);
    await expect(workers.run(KK, { action: 'sign-fails' }, at)).rejects.toBeInstanceOf(SigningError);
    await expect(workers.run(KK, { text: 'next' }, at).then(String)).resolves.toMatch(/^next@/);
  });

  it('fails the document of a worker that dies, replaces the worker, and goes on', async () => {
    const workers = await start(1);
    const dying = workers.run(KK, { action: 'die' }, at);
    const queued = workers.run(KK, { text: 'queued' }, at);
    await expect(dying).rejects.toBeInstanceOf(RenderWorkerError);
    // Waits for the replacement rather than failing too.
    await expect(queued.then(String)).resolves.toMatch(/^queued@/);
    expect(exits).toHaveLength(1);
    expect(workers.ready).toBe(1);
  });

  it('ends a worker stuck on a document, fails that document, and renders the next on its replacement', async () => {
    pool = new RenderPool(file, 1, setup, (error) => exits.push(error), 300);
    await pool.start();
    const stuck = pool.run(KK, { action: 'hang' }, at);
    const next = pool.run(KK, { text: 'next' }, at);
    await expect(stuck).rejects.toBeInstanceOf(RenderWorkerError);
    await expect(next.then(String)).resolves.toMatch(/^next@/);
  });

  it('refuses work once closed', async () => {
    const workers = await start(1);
    await workers.close();
    await expect(workers.run(KK, { text: 'late' }, at)).rejects.toBeInstanceOf(RenderWorkerError);
  });
});
