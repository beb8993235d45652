import { Worker } from 'node:worker_threads';
import { SigningError } from '../signing/document.signer.js';
import type { RendererName } from './renderers.js';

/** What a render worker needs to sign: the PKCS#12 is parsed in each worker. */
export interface RenderWorkerSetup {
  p12Path: string;
  passphrase: string;
  tsaUrl?: string;
}

export interface RenderJob {
  id: number;
  renderer: RendererName;
  model: unknown;
  signingTime: Date;
}

export type RenderReply =
  | { id: number; pdf: Uint8Array; error?: undefined }
  | { id: number; error: { name: string; message: string }; pdf?: undefined };

interface Pending {
  job: RenderJob;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  busy?: Pending;
  /** Ends a worker stuck on one document (it is replaced, the document fails). */
  deadline?: NodeJS.Timeout;
}

/** Far above any document's time even on a starved machine (~0.1–1 s). */
const JOB_TIMEOUT_MS = 60_000;

/** A render worker stopped (crashed, ran out of memory) with a document in hand: try again. */
export class RenderWorkerError extends Error {
  override readonly name = 'RenderWorkerError';
}

/**
 * Worker threads that render and sign documents (render.worker.ts), one document at a time
 * each; documents wait in order for a free worker. Rendering is CPU work of ~20 ms a document:
 * in the service's one thread it held up everything else (the consumers' acknowledgements, the
 * outbox relay) and used one core of many. A worker that dies fails its document (the event is
 * tried again) and is replaced.
 */
export class RenderPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private started = false;

  constructor(
    private readonly file: URL,
    private readonly size: number,
    private readonly setup: RenderWorkerSetup,
    private readonly onWorkerExit: (error: Error) => void = () => undefined,
    private readonly jobTimeoutMs = JOB_TIMEOUT_MS,
  ) {}

  /** Starts the workers; resolves once each has loaded its fonts and certificate. */
  async start(): Promise<void> {
    await Promise.all(Array.from({ length: this.size }, () => this.spawn()));
    this.started = true;
  }

  /** Workers ready to render now (a dead one is being replaced meanwhile). */
  get ready(): number {
    let ready = 0;
    for (const slot of this.slots) if (slot.ready) ready += 1;
    return ready;
  }

  run(renderer: RendererName, model: unknown, signingTime: Date): Promise<Buffer> {
    if (this.closed) return Promise.reject(new RenderWorkerError('The render workers are stopped'));
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, renderer, model, signingTime }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new RenderWorkerError('The render workers are stopped'));
    await Promise.all([...this.slots].map((slot) => slot.worker.terminate()));
    this.slots.clear();
  }

  private spawn(): Promise<void> {
    return new Promise<void>((started, failed) => {
      const worker = new Worker(this.file, { workerData: this.setup });
      const slot: Slot = { worker, ready: false };
      this.slots.add(slot);
      worker.on('message', (message: { ready: true } | RenderReply) => {
        if ('ready' in message) {
          slot.ready = true;
          started();
        } else {
          const pending = slot.busy;
          slot.busy = undefined;
          clearTimeout(slot.deadline);
          if (pending?.job.id === message.id) {
            if (message.pdf)
              pending.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.length));
            else pending.reject(reviveError(message.error));
          }
        }
        this.dispatch();
      });
      worker.on('error', (error) => this.lost(slot, error, failed));
      worker.on('exit', (code) => this.lost(slot, new RenderWorkerError(`A render worker exited (${code})`), failed));
    });
  }

  private lost(slot: Slot, error: Error, failedToStart: (error: Error) => void): void {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.deadline);
    if (!slot.ready) failedToStart(error);
    slot.busy?.reject(new RenderWorkerError(`A render worker stopped while rendering: ${error.message}`));
    if (this.closed || !this.started) return;
    this.onWorkerExit(error);
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
        // 'exit' follows: the document fails and the worker is replaced.
        void slot.worker.terminate();
      }, this.jobTimeoutMs).unref();
      slot.worker.postMessage(pending.job);
    }
  }
}

function reviveError(error: { name: string; message: string }): Error {
  if (error.name === 'SigningError') return new SigningError(error.message);
  const revived = new Error(error.message);
  revived.name = error.name;
  return revived;
}
