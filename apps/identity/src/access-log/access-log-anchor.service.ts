import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { AUDIT_ANCHOR_SUBJECT, AUDIT_ANCHORS_STREAM, type SignedAnchor } from '#lib/contracts';
import { APP_CONFIG, APP_LOGGER, ConfigError, type AppLogger } from '#lib/platform/core';
import { JetStreamConnection } from '#lib/platform/events';
import { valueOrFile } from '#lib/platform/rpc';
import type { IdentityConfig } from '../config/identity.config.js';
import { anchorPrivateKey, DEV_ANCHOR_PRIVATE_KEY, signAnchor } from './access-log-anchor.js';
import { AccessLogRepository } from './access-log.repository.js';

const NANOS_PER_SECOND = 1_000_000_000;
/** Anchors are small (≈200 bytes): a year of them every 5 minutes is ≈20 MB. */
const ANCHOR_MAX_AGE_DAYS = 400;

/**
 * Anchors the access log's chain head outside the database: every
 * ACCESS_LOG_ANCHOR_INTERVAL_SECONDS (and on demand, `anchorNow`) identity signs
 * `{ seq, headHash, at }` with its anchor key and publishes it to the AUDIT_ANCHORS stream
 * (limits retention; only identity may publish). Replicas share the work through JetStream's
 * de-duplication: a timed anchor's message id names its interval, so however many replicas
 * tick, the stream keeps one anchor per interval.
 */
@Injectable()
export class AccessLogAnchorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly key: KeyObject;
  private timer: NodeJS.Timeout | undefined;
  private streamReady: Promise<void> | undefined;

  constructor(
    private readonly repository: AccessLogRepository,
    private readonly jetStream: JetStreamConnection,
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {
    this.key = loadAnchorKey(config);
  }

  onApplicationBootstrap(): void {
    const seconds = this.config.ACCESS_LOG_ANCHOR_INTERVAL_SECONDS;
    if (seconds === 0) return;
    this.timer = setInterval(() => {
      this.anchorInterval().catch((error: unknown) => {
        this.logger.warn({ err: error }, 'Anchoring the access log failed; the next interval tries again');
      });
    }, seconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
  }

  /** Anchors the current head now (an operator's or a test's request); one anchor per head. */
  anchorNow(): Promise<SignedAnchor> {
    return this.publish((anchor) => `head-${anchor.seq}-${anchor.headHash}`);
  }

  /**
   * The timer's tick: anchors the current head as the interval `now` (ms since the epoch) falls
   * in. Every replica ticking one interval publishes under the same message id, so the stream
   * keeps the first and drops the rest. `now` is a parameter only so that tests can tick chosen
   * intervals; the anchor's own time is always the real one.
   */
  anchorInterval(now: number = Date.now()): Promise<SignedAnchor> {
    const seconds = this.config.ACCESS_LOG_ANCHOR_INTERVAL_SECONDS;
    if (seconds <= 0) return Promise.reject(new Error('timed anchors are turned off'));
    const interval = Math.floor(now / (seconds * 1000));
    return this.publish(() => `interval-${seconds}-${interval}`);
  }

  private async publish(messageId: (anchor: SignedAnchor) => string): Promise<SignedAnchor> {
    await this.ensureStream();
    const anchor = signAnchor(await this.repository.readHead(), new Date(), this.key);
    const js = await this.jetStream.client();
    const ack = await js.publish(AUDIT_ANCHOR_SUBJECT, JSON.stringify(anchor), { msgID: messageId(anchor) });
    if (!ack.duplicate) this.logger.info({ seq: anchor.seq, stream: ack.stream }, 'Access log head anchored');
    return anchor;
  }

  private ensureStream(): Promise<void> {
    this.streamReady ??= (async () => {
      const jsm = await this.jetStream.jsm();
      const interval = Math.max(this.config.ACCESS_LOG_ANCHOR_INTERVAL_SECONDS, 30);
      try {
        await jsm.streams.info(AUDIT_ANCHORS_STREAM.name);
      } catch {
        await jsm.streams
          .add({
            name: AUDIT_ANCHORS_STREAM.name,
            subjects: [...AUDIT_ANCHORS_STREAM.subjects],
            retention: RetentionPolicy.Limits,
            storage: StorageType.File,
            max_age: ANCHOR_MAX_AGE_DAYS * 86_400 * NANOS_PER_SECOND,
            // Every replica's tick of one interval lands in the window: one anchor is kept.
            duplicate_window: Math.min(2 * interval, 86_400) * NANOS_PER_SECOND,
          })
          .catch(async (error: unknown) => {
            // Another replica created it in between.
            await jsm.streams.info(AUDIT_ANCHORS_STREAM.name).catch(() => {
              throw error;
            });
          });
      }
    })().catch((error: unknown) => {
      this.streamReady = undefined;
      throw error;
    });
    return this.streamReady;
  }
}

function loadAnchorKey(config: IdentityConfig): KeyObject {
  const pem = valueOrFile(config.AUDIT_ANCHOR_PRIVATE_KEY, config.AUDIT_ANCHOR_PRIVATE_KEY_FILE);
  if (config.NODE_ENV === 'production' && (pem === undefined || pem.trim() === DEV_ANCHOR_PRIVATE_KEY.trim())) {
    throw new ConfigError('identity', [
      'AUDIT_ANCHOR_PRIVATE_KEY: required in production (an Ed25519 key of its own, not the published development key)',
    ]);
  }
  try {
    return anchorPrivateKey(pem ?? DEV_ANCHOR_PRIVATE_KEY);
  } catch (error) {
    throw new ConfigError('identity', [`AUDIT_ANCHOR_PRIVATE_KEY: ${(error as Error).message}`]);
  }
}
