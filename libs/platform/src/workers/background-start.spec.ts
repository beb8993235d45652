import { describe, expect, it } from '@jest/globals';
import { BackgroundStart, type StartablePool } from './worker-pool.js';

/** A pool whose start the test settles by hand. */
function pool(): StartablePool & { settle: (error?: Error) => void; closed: boolean; ready: number } {
  let settle!: (error?: Error) => void;
  const started = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve());
  });
  const p = {
    ready: 0,
    closed: false,
    settle: (error?: Error) => {
      if (!error) p.ready = 2;
      settle(error);
    },
    start: () => started,
    close: () => {
      p.closed = true;
      p.ready = 0;
      return Promise.resolve();
    },
  };
  return p;
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('BackgroundStart', () => {
  const logs: Array<[string, object, string]> = [];
  const log = {
    info: (object: object, message: string) => logs.push(['info', object, message]),
    warn: (object: object, message: string) => logs.push(['warn', object, message]),
  };

  it('has no pool until its workers are ready, then the pool; none once no worker is left', async () => {
    const workers = new BackgroundStart<ReturnType<typeof pool>>(log, 'Test workers');
    const p = pool();
    workers.start(p, 2);
    expect(workers.current).toBeUndefined();
    p.settle();
    await flush();
    expect(workers.current).toBe(p);
    expect(logs.at(-1)).toEqual(['info', { workers: 2 }, 'Test workers started']);
    p.ready = 0;
    expect(workers.current).toBeUndefined();
    expect(workers.running).toBe(true);
    await workers.close();
    expect(p.closed).toBe(true);
    expect(workers.running).toBe(false);
  });

  it('closes a pool that cannot start and keeps the work in the thread', async () => {
    const workers = new BackgroundStart<ReturnType<typeof pool>>(log, 'Test workers');
    const p = pool();
    workers.start(p, 1);
    p.settle(new Error('no worker file'));
    await flush();
    expect(p.closed).toBe(true);
    expect(workers.current).toBeUndefined();
    expect(
      logs
        .at(-1)
        ?.slice(0, 1)
        .concat(logs.at(-1)?.[2] ?? ''),
    ).toEqual(['warn', 'Test workers could not start; working in the main thread']);
  });

  it('closes a pool still starting at shutdown and never adopts it', async () => {
    const workers = new BackgroundStart<ReturnType<typeof pool>>(log, 'Test workers');
    const p = pool();
    workers.start(p, 1);
    await workers.close();
    expect(p.closed).toBe(true);
    p.ready = 1;
    p.settle();
    await flush();
    expect(workers.current).toBeUndefined();
  });
});
