import { MicroBatcher } from '#lib/platform/core';

export interface KeyedCoalescerOptions<J> {
  /** Sends one group of jobs of one key; must settle every job of it (a rejection goes to `onError`). */
  send: (key: string, jobs: J[]) => Promise<void>;
  /** Settles the jobs of a group whose sending failed. */
  onError: (error: unknown, jobs: J[]) => void;
  /** A group holds at most this many jobs. */
  maxGroup: number;
  /** Groups of one key in flight at once; the jobs arriving meanwhile form the next group. */
  maxInFlightPerKey: number;
}

/**
 * Gathers jobs of the same key (the gateway: concurrent requests of one access token) into groups
 * sent as one message: one MicroBatcher per key, so nothing waits on a timer — a job is sent in
 * the next turn of the event loop with whatever else of its key arrived in the same turn, and
 * while `maxInFlightPerKey` groups of its key are in flight the jobs arriving meanwhile wait for
 * one to come back, then go together. Jobs of different keys never share a group. Only in-flight
 * work lives here, never state: a key is forgotten as soon as nothing of it waits or is in flight.
 */
export class KeyedCoalescer<J> {
  private readonly keys = new Map<string, MicroBatcher<J>>();

  constructor(private readonly options: KeyedCoalescerOptions<J>) {}

  submit(key: string, job: J): void {
    let batcher = this.keys.get(key);
    if (batcher === undefined) {
      batcher = new MicroBatcher<J>({
        process: (jobs) => this.options.send(key, jobs),
        onError: this.options.onError,
        weightOf: () => 1,
        maxWeight: this.options.maxGroup,
        maxInFlight: this.options.maxInFlightPerKey,
        onIdle: () => this.keys.delete(key),
      });
      this.keys.set(key, batcher);
    }
    batcher.submit(job);
  }

  /** Keys with jobs waiting or in flight (for tests and metrics). */
  get activeKeys(): number {
    return this.keys.size;
  }
}
