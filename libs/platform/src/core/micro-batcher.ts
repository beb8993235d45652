export interface MicroBatcherOptions<J> {
  /** Handles a group; must settle every job of it (a rejection is passed to `onError`). */
  process: (jobs: J[]) => Promise<void>;
  /** Settles the jobs of a group whose processing failed. */
  onError: (error: unknown, jobs: J[]) => void;
  weightOf: (job: J) => number;
  /** A group stops growing at this weight (a heavier single job still makes a group alone). */
  maxWeight: number;
  /** Groups processed at once. */
  maxInFlight: number;
  /** Called when the last group in flight is done and nothing waits (a keyed owner forgets it). */
  onIdle?: () => void;
}

/**
 * Gathers jobs that arrive together into groups handled as one: while `maxInFlight` groups are
 * being handled, new jobs wait and form the next group. Nothing waits on a timer: at rest a job
 * is a group of one, started in the next turn of the event loop; under load groups grow by
 * themselves. Only in-flight work lives here, never state. Used by identity (checks of every
 * caller, grouped) and, one per access token, by the gateway's KeyedCoalescer.
 */
export class MicroBatcher<J> {
  private queue: J[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly options: MicroBatcherOptions<J>) {}

  submit(job: J): void {
    this.queue.push(job);
    this.schedule();
  }

  /** Resolves when nothing is queued or in flight (for a clean shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight > 0 || this.queue.length > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.start();
    });
  }

  private start(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const group: J[] = [];
      let weight = 0;
      while (this.queue.length > 0) {
        const next = this.queue[0];
        const nextWeight = this.options.weightOf(next);
        if (group.length > 0 && weight + nextWeight > this.options.maxWeight) break;
        group.push(next);
        weight += nextWeight;
        this.queue.shift();
      }
      this.inFlight++;
      // A `process` that throws at once is a failed group like any other.
      void Promise.resolve()
        .then(() => this.options.process(group))
        .catch((error: unknown) => this.options.onError(error, group))
        .finally(() => {
          this.inFlight--;
          if (this.inFlight === 0 && this.queue.length === 0 && !this.scheduled) this.options.onIdle?.();
          else this.schedule();
        });
    }
  }
}
