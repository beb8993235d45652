import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, APP_LOGGER, type AppLogger } from '#lib/platform/core';
import { WorkerLostError, WorkerPool } from '#lib/platform/workers';
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
  private pool?: WorkerPool<ChunkCheckJob, CheckedChunk>;
  /** The pool being started or running: what shutdown closes. */
  private starting?: WorkerPool<ChunkCheckJob, CheckedChunk>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit(): void {
    // In the background: identity is ready meanwhile and checks in this thread until they are.
    void this.startWorkers();
  }

  private async startWorkers(): Promise<void> {
    const size = this.config.IMPORT_CHECK_WORKERS ?? Math.min(4, availableParallelism());
    if (size === 0 || !existsSync(fileURLToPath(CHUNK_CHECK_WORKER))) return;
    const pool = new WorkerPool<ChunkCheckJob, CheckedChunk>(CHUNK_CHECK_WORKER, size, {
      onWorkerExit: (error) => this.logger.warn({ err: error }, 'An import worker stopped; starting another'),
      // A chunk is at most a few MB of text: its rows fit many times over.
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    this.starting = pool;
    try {
      await pool.start();
      if (this.starting !== pool) return;
      this.pool = pool;
      this.logger.info({ workers: size }, 'Import workers started');
    } catch (error) {
      await pool.close();
      if (this.starting === pool) {
        this.logger.warn({ err: error }, 'Import workers could not start; checking imports in the main thread');
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const pool = this.starting;
    this.starting = undefined;
    this.pool = undefined;
    await pool?.close();
  }

  /** Workers ready now (0 while they start, or when there are none). */
  get workers(): number {
    return this.pool?.ready ?? 0;
  }

  async check(job: ChunkCheckJob): Promise<CheckedChunk> {
    const pool = this.pool;
    if (pool === undefined || pool.ready === 0) return checkChunk(job);
    try {
      return await pool.run(job);
    } catch (error) {
      if (!(error instanceof WorkerLostError) || this.pool === undefined) throw error;
      return checkChunk(job);
    }
  }
}
