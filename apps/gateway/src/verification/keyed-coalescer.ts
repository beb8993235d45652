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

interface KeyQueue<J> {
  waiting: J[];
  inFlight: number;
  scheduled: boolean;
}

/**
 * Gathers jobs of the same key (the gateway: concurrent requests of one access token) into groups
 * sent as one message. Nothing waits on a timer: a job is sent in the next turn of the event loop
 * with whatever else of its key arrived in the same turn, and while `maxInFlightPerKey` groups of
 * its key are in flight the jobs arriving meanwhile wait for one to come back, then go together.
 * At rest a job is a group of one; under load groups grow by themselves. Jobs of different keys
 * never share a group. Only in-flight work lives here, never state: a key is forgotten as soon
 * as nothing of it waits or is in flight.
 */
export class KeyedCoalescer<J> {
  private readonly keys = new Map<string, KeyQueue<J>>();

  constructor(private readonly options: KeyedCoalescerOptions<J>) {}

  submit(key: string, job: J): void {
    let queue = this.keys.get(key);
    if (queue === undefined) {
      queue = { waiting: [], inFlight: 0, scheduled: false };
      this.keys.set(key, queue);
    }
    queue.waiting.push(job);
    this.schedule(key, queue);
  }

  /** Keys with jobs waiting or in flight (for tests and metrics). */
  get activeKeys(): number {
    return this.keys.size;
  }

  private schedule(key: string, queue: KeyQueue<J>): void {
    if (queue.scheduled || queue.inFlight >= this.options.maxInFlightPerKey || queue.waiting.length === 0) return;
    queue.scheduled = true;
    setImmediate(() => {
      queue.scheduled = false;
      this.start(key, queue);
    });
  }

  private start(key: string, queue: KeyQueue<J>): void {
    while (queue.inFlight < this.options.maxInFlightPerKey && queue.waiting.length > 0) {
      const group = queue.waiting.splice(0, this.options.maxGroup);
      queue.inFlight++;
      // A send that throws at once is a failed group like any other.
      void Promise.resolve()
        .then(() => this.options.send(key, group))
        .catch((error: unknown) => this.options.onError(error, group))
        .finally(() => {
          queue.inFlight--;
          if (queue.inFlight === 0 && queue.waiting.length === 0 && !queue.scheduled) this.keys.delete(key);
          else this.schedule(key, queue);
        });
    }
  }
}
