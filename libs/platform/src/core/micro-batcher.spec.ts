import { describe, expect, it } from '@jest/globals';
import { MicroBatcher } from './micro-batcher.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Turns the event loop until `done()` holds (a group starts in a later turn, never on a timer). */
async function until(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000 && !done(); turn++) await new Promise((resolve) => setImmediate(resolve));
}

describe('MicroBatcher', () => {
  it('groups the jobs that arrive while groups are in flight, by weight, in order', async () => {
    const groups: number[][] = [];
    const gates: Array<() => void> = [];
    const batcher = new MicroBatcher<number>({
      process: async (jobs) => {
        groups.push(jobs);
        const gate = deferred();
        gates.push(gate.resolve);
        await gate.promise;
      },
      onError: () => undefined,
      weightOf: (job) => job,
      maxWeight: 10,
      maxInFlight: 1,
    });
    batcher.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(groups).toEqual([[1]]);
    for (const job of [2, 3, 4, 5, 20, 1]) batcher.submit(job);
    gates[0]();
    await until(() => groups.length === 2);
    expect(groups).toEqual([[1], [2, 3, 4]]);
    for (let i = 1; i <= 4; i++) {
      gates[i]();
      await until(() => groups.length >= Math.min(i + 2, 5));
    }
    await batcher.idle();
    expect(groups).toEqual([[1], [2, 3, 4], [5], [20], [1]]);
  });

  it('hands a failed group to onError and keeps going', async () => {
    const failed: number[][] = [];
    const done: number[][] = [];
    const batcher = new MicroBatcher<number>({
      process: (jobs) => {
        if (jobs.includes(1)) return Promise.reject(new Error('database down'));
        done.push(jobs);
        return Promise.resolve();
      },
      onError: (_error, jobs) => failed.push(jobs),
      weightOf: () => 1,
      maxWeight: 100,
      maxInFlight: 2,
    });
    batcher.submit(1);
    await batcher.idle();
    batcher.submit(2);
    await batcher.idle();
    expect(failed).toEqual([[1]]);
    expect(done).toEqual([[2]]);
  });
});
