import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  jetstream,
  jetstreamManager,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { StreamDefinition } from '#lib/contracts';
import type { BaseConfig } from '../config/base.config.js';
import { natsAuthOf } from '../nats/nats-options.js';
import type { AppLogger } from '../logging/logger.js';
import { APP_CONFIG, APP_LOGGER } from '../platform.tokens.js';

const NANOS_PER_SECOND = 1_000_000_000;

/**
 * The stream is not there and this process may not create it: only its producer's NATS key may
 * (scripts/nats-config.mjs). A consumer started before its producer waits for it.
 */
export class StreamMissingError extends Error {
  constructor(
    readonly stream: string,
    options?: ErrorOptions,
  ) {
    super(`JetStream stream ${stream} does not exist yet`, options);
    this.name = 'StreamMissingError';
  }
}

/**
 * A service's connection for durable events (JetStream), apart from Nest's request/reply
 * connection. It waits for NATS when it is down and never stops reconnecting.
 */
@Injectable()
export class JetStreamConnection implements OnApplicationShutdown {
  private connection?: Promise<NatsConnection>;
  private connected?: NatsConnection;
  private manager?: Promise<JetStreamManager>;
  private readonly ensured = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: BaseConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  async nats(): Promise<NatsConnection> {
    this.connection ??= connect({
      servers: this.config.NATS_URL.split(',').map((s) => s.trim()),
      name: `events:${this.config.INSTANCE_ID ?? process.pid}`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      waitOnFirstConnect: true,
      ...natsAuthOf(this.config, this.app()),
    }).then((nc) => {
      this.connected = nc;
      void this.reportStatus(nc);
      return nc;
    });
    return this.connection;
  }

  /** Outages of the events connection in the log: when it broke, and when and after how long it was back. */
  private async reportStatus(nc: NatsConnection): Promise<void> {
    let lostAt: number | undefined;
    for await (const status of nc.status()) {
      if (status.type === 'disconnect' && lostAt === undefined) {
        lostAt = Date.now();
        this.logger.warn({ server: status.server }, 'NATS (events) disconnected; reconnecting');
      } else if (status.type === 'reconnect') {
        this.logger.info(
          { server: status.server, downMs: lostAt === undefined ? undefined : Date.now() - lostAt },
          'NATS (events) reconnected',
        );
        lostAt = undefined;
      }
    }
  }

  /** The app this connection belongs to (its nkey, its inbox): named in the logger's bindings. */
  private app(): string {
    return this.config.APP_NAME ?? 'service';
  }

  async client(): Promise<JetStreamClient> {
    return jetstream(await this.nats());
  }

  async jsm(): Promise<JetStreamManager> {
    this.manager ??= this.nats().then((nc) => jetstreamManager(nc));
    return this.manager;
  }

  /**
   * Creates the stream when it does not exist: called by the stream's owner (its producer's
   * outbox relay, a consumer of its own stream) and for the dead-letter stream, which every
   * service may create. Events are kept 30 days; duplicates of a message id are dropped for 10
   * minutes. A consumer of another service's stream calls {@link lookUpStream} instead. Throws
   * StreamMissingError when the stream is still not there after this process's attempt.
   */
  async ensureStream(stream: StreamDefinition): Promise<void> {
    if (this.ensured.has(stream.name)) return;
    const jsm = await this.jsm();
    const config = {
      name: stream.name,
      subjects: stream.subjects,
      max_age: 30 * 24 * 3600 * NANOS_PER_SECOND,
      duplicate_window: 600 * NANOS_PER_SECOND,
    };
    try {
      await jsm.streams.info(stream.name);
    } catch {
      try {
        await jsm.streams.add(config);
        this.logger.info({ stream: stream.name }, 'Created JetStream stream');
      } catch (error) {
        // Another replica created it in between: that is fine, anything else is not.
        await jsm.streams.info(stream.name).catch((infoError: unknown) => {
          if (infoError instanceof JetStreamApiError && infoError.code === JetStreamApiCodes.StreamNotFound)
            throw new StreamMissingError(stream.name, { cause: error });
          throw error;
        });
      }
    }
    this.ensured.add(stream.name);
  }

  /**
   * Checks that another service's stream exists, never creating it: this process's NATS key may
   * only look it up (scripts/nats-config.mjs), and a refused create is a permission violation in
   * the server's log at every retry. Throws StreamMissingError while its producer has not
   * created it.
   */
  async lookUpStream(stream: StreamDefinition): Promise<void> {
    if (this.ensured.has(stream.name)) return;
    const jsm = await this.jsm();
    try {
      await jsm.streams.info(stream.name);
    } catch (error) {
      if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound)
        throw new StreamMissingError(stream.name, { cause: error });
      throw error;
    }
    this.ensured.add(stream.name);
  }

  async onApplicationShutdown(): Promise<void> {
    // A connection still waiting for NATS is simply dropped; an open one is drained.
    const connected = this.connected;
    this.connection = undefined;
    this.connected = undefined;
    this.manager = undefined;
    if (connected && !connected.isClosed()) await connected.drain().catch(() => undefined);
  }
}
