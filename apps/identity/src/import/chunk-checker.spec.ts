import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppLogger } from '#lib/platform/core';
import type { IdentityConfig } from '../config/identity.config.js';
import { checkChunk, type ChunkCheckJob, type CheckedChunk } from './chunk-check.js';
import { ChunkChecker } from './chunk-checker.js';
import { readImportHeader } from './import-layout.js';
import { IMPORT_COLUMNS } from './resident-row.js';
import { SYNTHETIC_IMPORT_ROW } from './testing/import-rows.js';

/**
 * The checker's own policy, with a worker speaking the pool's protocol in plain JavaScript (a
 * worker thread cannot load the TypeScript sources jest runs; the compiled worker is tested
 * against this thread's answers in test/import-workers.e2e-spec.ts). The job's first line says
 * what the worker does: answer with a mark of its own, die, or never answer.
 */
const WORKER = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, job }) => {
  if (job.firstLine === 666) process.exit(3);
  if (job.firstLine === 999) for (;;);
  parentPort.postMessage({ id, result: { lines: [job.firstLine], niks: ['from a worker'], familyCardNumbers: [],
    villageCodes: [], regencyCodes: [], withoutPostalCode: [], copyLines: [], rejections: [] } });
});
parentPort.postMessage({ ready: true });
`;

const DIE = 666;
const HANG = 999;

describe('ChunkChecker', () => {
  let script: URL;
  let checker: ChunkChecker | undefined;
  const warnings: string[] = [];
  const logger = {
    info: () => undefined,
    warn: (_: object, message: string) => warnings.push(message),
    error: () => undefined,
  } as unknown as AppLogger;
  const layout = readImportHeader(IMPORT_COLUMNS.join(','));
  const text = IMPORT_COLUMNS.map((column) => SYNTHETIC_IMPORT_ROW[column] ?? '').join(',');
  const job = (firstLine: number): ChunkCheckJob => ({ layout, text, firstLine });
  const fromWorker = (checked: CheckedChunk): boolean => checked.niks[0] === 'from a worker';

  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chunk-checker-'));
    writeFileSync(path.join(dir, 'worker.mjs'), WORKER);
    script = pathToFileURL(path.join(dir, 'worker.mjs'));
  });
  afterEach(async () => {
    await checker?.onApplicationShutdown();
    checker = undefined;
    warnings.length = 0;
  });

  function start(workers: number | undefined, timeoutMs = 60_000): ChunkChecker {
    const config = { IMPORT_CHECK_WORKERS: workers } as IdentityConfig;
    class Checker extends ChunkChecker {
      protected override readonly workerScript = script;
      protected override readonly chunkTimeoutMs = timeoutMs;
    }
    checker = new Checker(config, logger);
    return checker;
  }

  /** Checks chunks until one is answered by a worker (they start with the first chunk). */
  async function untilWorkersAnswer(target: ChunkChecker): Promise<void> {
    for (let i = 0; i < 500; i++) {
      if (fromWorker(await target.check(job(1)))) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the workers never answered');
  }

  it('starts no worker before the first chunk, checks chunks here until they are ready, then there', async () => {
    const target = start(1);
    // Workers started with the checker would be ready by now (they start in ≈ 0.1 s here): the
    // first chunk is still checked in this thread, and starts them.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await target.check(job(5))).toEqual(checkChunk(job(5)));
    await untilWorkersAnswer(target);
    expect(fromWorker(await target.check(job(7)))).toBe(true);
  });

  it('checks every chunk here when there are no workers (IMPORT_CHECK_WORKERS=0)', async () => {
    const target = start(0);
    for (let i = 0; i < 3; i++) expect(await target.check(job(10 + i))).toEqual(checkChunk(job(10 + i)));
  });

  it('checks here the chunk of a worker that died, and the next one on its replacement', async () => {
    const target = start(1);
    await untilWorkersAnswer(target);
    expect(await target.check(job(DIE))).toEqual(checkChunk(job(DIE)));
    expect(warnings).toContain('An import worker stopped; starting another');
    await untilWorkersAnswer(target);
  });

  it('refuses with 503, and never checks here, a chunk its worker did not finish in time', async () => {
    const target = start(1, 300);
    await untilWorkersAnswer(target);
    await expect(target.check(job(HANG))).rejects.toMatchObject({ code: 'SERVICE.UNAVAILABLE' });
    // The stuck worker was ended and replaced: the next chunk is a worker's again.
    await untilWorkersAnswer(target);
  });
});
