import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, APP_LOGGER, type AppLogger } from '#lib/platform/core';
import { BackgroundStart, WorkerLostError, WorkerPool } from '#lib/platform/workers';
import type { IdentityConfig } from '../config/identity.config.js';
import { checkChunk, type ChunkCheckJob, type CheckedChunk } from './chunk-check.js';

/** The compiled worker; absent when the service runs from its TypeScript sources (jest). */
export const CHUNK_CHECK_WORKER = new URL('./chunk-check.worker.js', import.meta.url);

/**
 * Reads and checks the chunks of a registry import in worker threads (`IMPORT_CHECK_WORKERS`,
 * by default one per core up to four), in this thread when there are none. Checking a row is
 * ≈ 15–20 µs of CPU: in the service's one thread an import of a million rows used one core and
 * held every other request of identity behind each chunk. A worker that dies while checking a
 * chunk is replaced and the chunk is checked here instead.
 */
@Injectable()
export class ChunkChecker implements OnModuleInit, OnApplicationShutdown {
  private readonly workers: BackgroundStart<WorkerPool<ChunkCheckJob, CheckedChunk>>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {
    this.workers = new BackgroundStart(logger, 'Import workers');
  }

  onModuleInit(): void {
    const size = this.config.IMPORT_CHECK_WORKERS ?? Math.min(4, availableParallelism());
    if (size === 0 || !existsSync(fileURLToPath(CHUNK_CHECK_WORKER))) return;
    const pool = new WorkerPool<ChunkCheckJob, CheckedChunk>(CHUNK_CHECK_WORKER, size, {
      onWorkerExit: (error) => this.logger.warn({ err: error }, 'An import worker stopped; starting another'),
      // A chunk is at most a few MB of text: its rows fit many times over.
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    // In the background: identity is ready meanwhile and checks in this thread until they are.
    this.workers.start(pool, size);
  }

  onApplicationShutdown(): Promise<void> {
    return this.workers.close();
  }

  async check(job: ChunkCheckJob): Promise<CheckedChunk> {
    const pool = this.workers.current;
    if (pool === undefined) return checkChunk(job);
    try {
      return await pool.run(job);
    } catch (error) {
      // The worker died with the chunk in hand (it is being replaced): checked here instead.
      if (!(error instanceof WorkerLostError) || !this.workers.running) throw error;
      return checkChunk(job);
    }
  }
}
