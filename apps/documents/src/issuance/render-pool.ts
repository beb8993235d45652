import { WorkerPool } from '#lib/platform/workers';
import { SigningError } from '../signing/document.signer.js';
import type { RendererName } from './renderers.js';

/** What a render worker needs to sign: the PKCS#12 is parsed in each worker. */
export interface RenderWorkerSetup {
  p12Path: string;
  passphrase: string;
  tsaUrl?: string;
}

export interface RenderJob {
  renderer: RendererName;
  model: unknown;
  signingTime: Date;
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
  private readonly pool: WorkerPool<RenderJob, Uint8Array>;

  constructor(
    file: URL,
    size: number,
    setup: RenderWorkerSetup,
    onWorkerExit: (error: Error) => void = () => undefined,
    jobTimeoutMs = JOB_TIMEOUT_MS,
  ) {
    this.pool = new WorkerPool(file, size, {
      workerData: setup,
      onWorkerExit,
      jobTimeoutMs,
      lostError: (message) => new RenderWorkerError(message),
      reviveError,
    });
  }

  /** Starts the workers; resolves once each has loaded its fonts and certificate. */
  start(): Promise<void> {
    return this.pool.start();
  }

  /** Workers ready to render now (a dead one is being replaced meanwhile). */
  get ready(): number {
    return this.pool.ready;
  }

  async run(renderer: RendererName, model: unknown, signingTime: Date): Promise<Buffer> {
    const pdf = await this.pool.run({ renderer, model, signingTime });
    return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

function reviveError(error: { name: string; message: string }): Error {
  if (error.name === 'SigningError') return new SigningError(error.message);
  const revived = new Error(error.message);
  revived.name = error.name;
  return revived;
}
