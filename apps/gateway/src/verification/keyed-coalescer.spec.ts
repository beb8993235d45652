import { describe, expect, it } from '@jest/globals';
import { KeyedCoalescer } from './keyed-coalescer.js';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Turns the event loop until `done()` holds (a group starts in a later turn, never on a timer). */
async function until(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000 && !done(); turn++) await new Promise((resolve) => setImmediate(resolve));
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Sent {
  key: string;
  jobs: string[];
  gate: ReturnType<typeof deferred>;
}

function recorder(options: { maxGroup?: number; maxInFlightPerKey?: number } = {}) {
  const sent: Sent[] = [];
  const failed: Array<{ error: unknown; jobs: string[] }> = [];
  const coalescer = new KeyedCoalescer<string>({
    send: (key, jobs) => {
      const gate = deferred();
      sent.push({ key, jobs, gate });
      return gate.promise;
    },
    onError: (error, jobs) => failed.push({ error, jobs }),
    maxGroup: options.maxGroup ?? 100,
    maxInFlightPerKey: options.maxInFlightPerKey ?? 1,
  });
  return { coalescer, sent, failed };
}

describe('KeyedCoalescer', () => {
  it('sends what arrives in one turn as one group, in the next turn, never on a timer', async () => {
    const { coalescer, sent } = recorder();
    coalescer.submit('token-a', 'a1');
    coalescer.submit('token-a', 'a2');
    coalescer.submit('token-a', 'a3');
    expect(sent).toEqual([]);
    await turn();
    expect(sent.map(({ key, jobs }) => ({ key, jobs }))).toEqual([{ key: 'token-a', jobs: ['a1', 'a2', 'a3'] }]);
  });

  it('never puts jobs of two keys in one group', async () => {
    const { coalescer, sent } = recorder();
    for (const job of ['a1', 'b1', 'a2', 'b2', 'c1']) coalescer.submit(`token-${job[0]}`, job);
    await turn();
    const groups = sent.map(({ key, jobs }) => ({ key, jobs }));
    expect(groups).toHaveLength(3);
    expect(groups).toEqual(
      expect.arrayContaining([
        { key: 'token-a', jobs: ['a1', 'a2'] },
        { key: 'token-b', jobs: ['b1', 'b2'] },
        { key: 'token-c', jobs: ['c1'] },
      ]),
    );
    for (const group of sent) expect(group.jobs.every((job) => `token-${job[0]}` === group.key)).toBe(true);
  });

  it('gathers the jobs arriving while its key is in flight into the next group, in order, capped', async () => {
    const { coalescer, sent } = recorder({ maxGroup: 3, maxInFlightPerKey: 1 });
    coalescer.submit('k', 'j1');
    await turn();
    expect(sent.map((s) => s.jobs)).toEqual([['j1']]);
    for (const job of ['j2', 'j3', 'j4', 'j5']) coalescer.submit('k', job);
    await turn();
    await turn();
    expect(sent).toHaveLength(1); // still one in flight for this key
    sent[0].gate.resolve();
    await until(() => sent.length === 2);
    expect(sent.map((s) => s.jobs)).toEqual([['j1'], ['j2', 'j3', 'j4']]);
    sent[1].gate.resolve();
    await until(() => sent.length === 3);
    expect(sent[2].jobs).toEqual(['j5']);
    sent[2].gate.resolve();
    await until(() => coalescer.activeKeys === 0);
    expect(coalescer.activeKeys).toBe(0);
  });

  it('keeps one key waiting without holding up another', async () => {
    const { coalescer, sent } = recorder({ maxInFlightPerKey: 1 });
    coalescer.submit('busy', 'b1');
    await turn();
    coalescer.submit('busy', 'b2');
    coalescer.submit('idle', 'i1');
    await until(() => sent.length === 2);
    expect(sent.map((s) => s.jobs)).toEqual([['b1'], ['i1']]);
  });

  it('hands a failed group to onError, and only that group', async () => {
    const { coalescer, sent, failed } = recorder({ maxInFlightPerKey: 2 });
    coalescer.submit('a', 'a1');
    coalescer.submit('b', 'b1');
    await turn();
    const boom = new Error('NATS away');
    sent.find((s) => s.key === 'a')?.gate.reject(boom);
    sent.find((s) => s.key === 'b')?.gate.resolve();
    await until(() => failed.length === 1 && coalescer.activeKeys === 0);
    expect(failed).toEqual([{ error: boom, jobs: ['a1'] }]);
    expect(coalescer.activeKeys).toBe(0);
  });

  it('treats a send that throws at once like a failed group', async () => {
    const failed: Array<{ error: unknown; jobs: string[] }> = [];
    const boom = new Error('thrown');
    const coalescer = new KeyedCoalescer<string>({
      send: () => {
        throw boom;
      },
      onError: (error, jobs) => failed.push({ error, jobs }),
      maxGroup: 10,
      maxInFlightPerKey: 1,
    });
    coalescer.submit('a', 'a1');
    await until(() => failed.length === 1);
    expect(failed).toEqual([{ error: boom, jobs: ['a1'] }]);
    await until(() => coalescer.activeKeys === 0);
    expect(coalescer.activeKeys).toBe(0);
  });
});
