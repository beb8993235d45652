import { Worker } from 'node:worker_threads';

/** What the pool sends a worker: a job and the number its answer carries back. */
export interface WorkerJobMessage<J> {
  id: number;
  job: J;
}

/** What a worker answers: the job's result, or the error it ended in (name and message). */
export type WorkerReplyMessage<R> =
  | { id: number; result: R; error?: undefined }
  | { id: number; error: { name: string; message: string }; result?: undefined };

export interface WorkerPoolOptions {
  /** Handed to each worker as `workerData` (what it loads once when it starts). */
  workerData?: unknown;
  /** Called when a worker stops after it started (crashed, ran out of memory, timed out). */
  onWorkerExit?: (error: Error) => void;
  /** A job running longer than this ends its worker (it is replaced, the job fails). */
  jobTimeoutMs?: number;
  /**
   * The error a job fails with when its worker stops (`timedOut`: ended for taking longer than
   * `jobTimeoutMs`), or when the pool is closed.
   */
  lostError?: (message: string, timedOut: boolean) => Error;
  /** Turns an error a worker answered with back into the caller's kind of error. */
  reviveError?: (error: { name: string; message: string }) => Error;
  /** Limits of each worker's heap (`Worker`'s `resourceLimits`). */
  resourceLimits?: { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb?: number };
}

interface Pending<J, R> {
  message: WorkerJobMessage<J>;
  resolve: (result: R) => void;
  reject: (error: Error) => void;
}

interface Slot<J, R> {
  worker: Worker;
  ready: boolean;
  busy?: Pending<J, R>;
  /** Ends a worker stuck on one job (it is replaced, the job fails). */
  deadline?: NodeJS.Timeout;
  timedOut?: boolean;
}

/** Far above any job's time even on a starved machine. */
const JOB_TIMEOUT_MS = 60_000;

/** A worker stopped (crashed, ran out of memory) with a job in hand, or the pool is closed. */
export class WorkerLostError extends Error {
  override readonly name: string = 'WorkerLostError';
}

/**
 * A job took longer than the pool's `jobTimeoutMs`: its worker was ended. Unlike a crash, the job
 * itself is the likely cause, so running it again elsewhere would likely hang there too.
 */
export class WorkerTimeoutError extends WorkerLostError {
  override readonly name: string = 'WorkerTimeoutError';
}

function defaultRevive(error: { name: string; message: string }): Error {
  const revived = new Error(error.message);
  revived.name = error.name;
  return revived;
}

/**
 * Worker threads that each run one job at a time (see `serveWorkerJobs` for the worker's side);
 * jobs wait in order for a free worker. For CPU work that would otherwise hold up a service's
 * one thread (its NATS replies, acknowledgements, database results) and use one core of many.
 * A worker that dies fails its job (the caller decides whether to try again) and is replaced.
 */
export class WorkerPool<J, R> {
  private readonly slots = new Set<Slot<J, R>>();
  private readonly queue: Array<Pending<J, R>> = [];
  private nextId = 1;
  private closed = false;
  private started = false;
  private readonly lostError: (message: string, timedOut: boolean) => Error;

  constructor(
    private readonly file: URL,
    private readonly size: number,
    private readonly options: WorkerPoolOptions = {},
  ) {
    this.lostError =
      options.lostError ??
      ((message, timedOut) => (timedOut ? new WorkerTimeoutError(message) : new WorkerLostError(message)));
  }

  /** Starts the workers; resolves once each has said it is ready. */
  async start(): Promise<void> {
    await Promise.all(Array.from({ length: this.size }, () => this.spawn()));
    this.started = true;
  }

  /** Workers ready to work now (a dead one is being replaced meanwhile). */
  get ready(): number {
    let ready = 0;
    for (const slot of this.slots) if (slot.ready) ready += 1;
    return ready;
  }

  run(job: J): Promise<R> {
    if (this.closed) return Promise.reject(this.lostError('The workers are stopped', false));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ message: { id: this.nextId++, job }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(this.lostError('The workers are stopped', false));
    await Promise.all([...this.slots].map((slot) => slot.worker.terminate()));
    this.slots.clear();
  }

  private spawn(): Promise<void> {
    return new Promise<void>((started, failed) => {
      const worker = new Worker(this.file, {
        workerData: this.options.workerData,
        resourceLimits: this.options.resourceLimits,
      });
      const slot: Slot<J, R> = { worker, ready: false };
      this.slots.add(slot);
      worker.on('message', (message: { ready: true } | WorkerReplyMessage<R>) => {
        if ('ready' in message) {
          slot.ready = true;
          started();
        } else {
          const pending = slot.busy;
          slot.busy = undefined;
          clearTimeout(slot.deadline);
          if (pending?.message.id === message.id) {
            if (message.error === undefined) pending.resolve(message.result);
            else pending.reject((this.options.reviveError ?? defaultRevive)(message.error));
          }
        }
        this.dispatch();
      });
      worker.on('error', (error) => this.lost(slot, error, failed));
      worker.on('exit', (code) => this.lost(slot, this.lostError(`A worker exited (${code})`, false), failed));
    });
  }

  private lost(slot: Slot<J, R>, error: Error, failedToStart: (error: Error) => void): void {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.deadline);
    if (!slot.ready) failedToStart(error);
    slot.busy?.reject(
      slot.timedOut === true
        ? this.lostError(
            `A job took longer than ${this.options.jobTimeoutMs ?? JOB_TIMEOUT_MS} ms; its worker was ended`,
            true,
          )
        : this.lostError(`A worker stopped while working: ${error.message}`, false),
    );
    if (this.closed || !this.started) return;
    this.options.onWorkerExit?.(error);
    // Replaced, after a pause so that a worker that cannot start does not spin.
    setTimeout(() => {
      if (!this.closed) void this.spawn().catch(() => undefined);
    }, 1000).unref();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.busy) continue;
      const pending = this.queue.shift()!;
      slot.busy = pending;
      slot.deadline = setTimeout(() => {
        // 'exit' follows: the job fails and the worker is replaced.
        slot.timedOut = true;
        void slot.worker.terminate();
      }, this.options.jobTimeoutMs ?? JOB_TIMEOUT_MS).unref();
      slot.worker.postMessage(pending.message);
    }
  }
}

/** A pool of workers as `BackgroundStart` starts it (a `WorkerPool`, or a wrapper of one). */
export interface StartablePool {
  start(): Promise<void>;
  close(): Promise<void>;
  readonly ready: number;
}

/** What a `BackgroundStart` says in the log (its caller's logger: pino's `(object, message)`). */
export interface BackgroundStartLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

/**
 * Starts a service's worker pool in the background, so that the service is ready meanwhile and
 * does the work in its own thread until the workers are (`current` is undefined until then, and
 * while no worker is left); a pool that cannot start is closed and the work stays in the thread.
 */
export class BackgroundStart<P extends StartablePool> {
  private pool?: P;
  /** The pool being started or running: what `close` closes. */
  private starting?: P;

  constructor(
    private readonly log: BackgroundStartLog,
    /** What the workers are, for the log: "Render workers", "Import workers". */
    private readonly what: string,
  ) {}

  start(pool: P, size: number): void {
    void this.run(pool, size);
  }

  /** The pool, when it has a worker ready. */
  get current(): P | undefined {
    const pool = this.pool;
    return pool !== undefined && pool.ready > 0 ? pool : undefined;
  }

  /** Whether the pool is running (a dead worker being replaced included). */
  get running(): boolean {
    return this.pool !== undefined;
  }

  async close(): Promise<void> {
    const pool = this.starting;
    this.starting = undefined;
    this.pool = undefined;
    await pool?.close();
  }

  private async run(pool: P, size: number): Promise<void> {
    this.starting = pool;
    try {
      await pool.start();
      if (this.starting !== pool) return;
      this.pool = pool;
      this.log.info({ workers: size }, `${this.what} started`);
    } catch (error) {
      await pool.close();
      if (this.starting === pool) {
        this.log.warn({ err: error }, `${this.what} could not start; working in the main thread`);
      }
    }
  }
}
