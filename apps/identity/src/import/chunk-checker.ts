import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, APP_LOGGER, type AppLogger } from '#lib/platform/core';
import { DomainError } from '#lib/domain';
import { BackgroundStart, WorkerLostError, WorkerPool, WorkerTimeoutError } from '#lib/platform/workers';
import type { IdentityConfig } from '../config/identity.config.js';
import { checkChunk, type ChunkCheckJob, type CheckedChunk } from './chunk-check.js';

/** The compiled worker; absent when the service runs from its TypeScript sources (jest). */
export const CHUNK_CHECK_WORKER = new URL('./chunk-check.worker.js', import.meta.url);

/** Far above a chunk's ≈ 30 ms, and below the gateway's 60 s wait for it (residents-import.service.ts). */
const CHUNK_TIMEOUT_MS = 20_000;

/**
 * Reads and checks the chunks of a registry import in worker threads (`IMPORT_CHECK_WORKERS`,
 * by default one per core up to four), in this thread when there are none. Checking a row is
 * ≈ 15–20 µs of CPU: in the service's one thread an import of a million rows used one core and
 * held every other request of identity behind each chunk. The workers start with the first
 * chunk identity is sent (imports are rare; a replica that never imports never holds them) and
 * the chunks go through this thread until they are ready. A worker that dies while checking a
 * chunk is replaced and the chunk is checked here instead; a chunk that takes longer than
 * CHUNK_TIMEOUT_MS ends its worker and is refused (503), never run again in this thread.
 */
@Injectable()
export class ChunkChecker implements OnApplicationShutdown {
  private readonly workers: BackgroundStart<WorkerPool<ChunkCheckJob, CheckedChunk>>;
  private started = false;
  /** The workers' script and a chunk's time limit (chunk-checker.spec.ts runs a worker of its own). */
  protected readonly workerScript: URL = CHUNK_CHECK_WORKER;
  protected readonly chunkTimeoutMs: number = CHUNK_TIMEOUT_MS;

  constructor(
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {
    this.workers = new BackgroundStart(logger, 'Import workers');
  }

  onApplicationShutdown(): Promise<void> {
    return this.workers.close();
  }

  async check(job: ChunkCheckJob): Promise<CheckedChunk> {
    if (!this.started) this.startWorkers();
    const pool = this.workers.current;
    if (pool === undefined) return checkChunk(job);
    try {
      return await pool.run(job);
    } catch (error) {
      if (error instanceof WorkerTimeoutError) {
        throw new DomainError(
          'SERVICE.UNAVAILABLE',
          'Pemeriksaan satu bagian berkas impor melebihi batas waktu; unggah ulang berkasnya',
        );
      }
      // The worker died with the chunk in hand (it is being replaced): checked here instead.
      if (!(error instanceof WorkerLostError) || !this.workers.running) throw error;
      return checkChunk(job);
    }
  }

  private startWorkers(): void {
    this.started = true;
    const size = this.config.IMPORT_CHECK_WORKERS ?? Math.min(4, availableParallelism());
    if (size === 0 || !existsSync(fileURLToPath(this.workerScript))) return;
    const pool = new WorkerPool<ChunkCheckJob, CheckedChunk>(this.workerScript, size, {
      onWorkerExit: (error) => this.logger.warn({ err: error }, 'An import worker stopped; starting another'),
      jobTimeoutMs: this.chunkTimeoutMs,
      // A chunk is at most a few MB of text: its rows fit many times over.
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    this.workers.start(pool, size);
  }
}
