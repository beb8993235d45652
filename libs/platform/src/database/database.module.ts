import { Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import type { ServiceConfig } from '../config/base.config.js';
import { APP_CONFIG, APP_LOGGER } from '../platform.tokens.js';
import type { AppLogger } from '../logging/logger.js';
import { Metrics } from '../metrics/metrics.js';
import { ensureDatabase } from './ensure-database.js';
import { whileDatabaseStarts } from './wait-for-database.js';
import type { ComponentHealth } from '#lib/contracts';

export interface DatabaseOptions {
  /** The runtime role's connection (no DDL). */
  url: string;
  /**
   * The migration role's (the owner's) connection: migrations run on it, then it is closed.
   * Without it, migrations run on `url` (a development database without separate roles).
   */
  migrationUrl?: string;
  poolSize: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/** Any fixed number works; it only has to be the same for every replica of every service. */
const MIGRATION_LOCK = 727_001;

/**
 * Opens the service's own database and brings its schema up to date with its migrations
 * before anything else runs — as the migration role when `migrationUrl` is given, the service
 * then working as its runtime role. Replicas starting together take an advisory lock, so
 * exactly one runs each migration. `synchronize` is never used.
 */
export async function openDatabase(options: DatabaseOptions, logger: AppLogger): Promise<DataSource> {
  return whileDatabaseStarts(() => openAndMigrate(options, logger), logger);
}

function dataSourceOf(options: DatabaseOptions, url: string, max: number): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: options.entities,
    migrations: options.migrations,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max, connectionTimeoutMillis: 5000 },
  });
}

async function openAndMigrate(options: DatabaseOptions, logger: AppLogger): Promise<DataSource> {
  if (options.migrationUrl === undefined) {
    if (await ensureDatabase(options.url)) logger.info('Created the database');
    const dataSource = await dataSourceOf(options, options.url, options.poolSize).initialize();
    try {
      await migrate(dataSource, logger);
    } catch (error) {
      // Tried again from the start: this pool goes.
      await dataSource.destroy().catch(() => undefined);
      throw error;
    }
    return dataSource;
  }
  // The database and both roles exist already (provisioned by a superuser, ADR 0005).
  const owner = await dataSourceOf(options, options.migrationUrl, 2).initialize();
  try {
    await migrate(owner, logger);
  } finally {
    await owner.destroy().catch(() => undefined);
  }
  return dataSourceOf(options, options.url, options.poolSize).initialize();
}

async function migrate(dataSource: DataSource, logger: AppLogger): Promise<void> {
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) logger.info({ migration: migration.name }, 'Applied migration');
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
}

@Injectable()
export class DatabaseHealth implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  async check(timeoutMs = 1500): Promise<ComponentHealth> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
        }),
      ]);
      return { status: 'up', latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { status: 'down', error: error instanceof Error ? error.message : 'unreachable' };
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        {
          provide: DataSource,
          inject: [APP_LOGGER, Metrics, { token: APP_CONFIG, optional: true }],
          useFactory: async (logger: AppLogger, metrics: Metrics, config?: Partial<ServiceConfig>) => {
            const migrationUrl = options.migrationUrl ?? config?.DATABASE_MIGRATION_URL;
            const dataSource = await openDatabase({ ...options, migrationUrl }, logger);
            const driver = dataSource.driver as unknown as {
              master?: { totalCount: number; idleCount: number; waitingCount: number };
            };
            if (driver.master) metrics.watchPool('main', driver.master);
            return dataSource;
          },
        },
        DatabaseHealth,
      ],
      exports: [DataSource, DatabaseHealth],
    };
  }
}
