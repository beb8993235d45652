import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { StreamDefinition } from '#lib/contracts';
import { DomainError, ErrorKind } from '#lib/domain';
import { CORRELATION_HEADER, correlationIdFrom, runWithContext } from '../context/request-context.js';
import type { AppLogger } from '../logging/logger.js';
import { Metrics } from '../metrics/metrics.js';
import { APP_LOGGER } from '../platform.tokens.js';
import { JetStreamConnection } from './jetstream-connection.js';

const NANOS_PER_SECOND = 1_000_000_000;

/** Failures that a later attempt cannot cure. */
const PERMANENT: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  ErrorKind.INVALID,
  ErrorKind.RULE,
  ErrorKind.NOT_FOUND,
  ErrorKind.CONFLICT,
  ErrorKind.FORBIDDEN,
]);

export interface EventSubscription<T extends object> {
  stream: StreamDefinition;
  /** Shared by every replica of the consuming service: each event goes to one of them. */
  durable: string;
  subject: string;
  messageClass: new () => T;
  /** Must be idempotent: an event can arrive more than once. Throwing means "try again later". */
  handle(event: T): Promise<void>;
}

/**
 * Runs durable JetStream consumers for a service. An event is acknowledged only after its
 * handler succeeded; a failure is retried later with growing delays (never dropped), a
 * malformed event is logged and set aside (terminated), and a NATS outage just pauses it all.
 */
@Injectable()
export class EventConsumerHost implements OnApplicationShutdown {
  private stopped = false;
  private readonly active = new Set<ConsumerMessages>();
  private readonly loops: Array<Promise<void>> = [];

  constructor(
    private readonly jetStream: JetStreamConnection,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    private readonly metrics: Metrics,
  ) {}

  subscribe<T extends object>(subscription: EventSubscription<T>): void {
    this.loops.push(this.run(subscription));
  }

  private async run<T extends object>(subscription: EventSubscription<T>): Promise<void> {
    while (!this.stopped) {
      try {
        await this.jetStream.ensureStream(subscription.stream);
        const jsm = await this.jetStream.jsm();
        await jsm.consumers
          .add(subscription.stream.name, {
            durable_name: subscription.durable,
            ack_policy: AckPolicy.Explicit,
            deliver_policy: DeliverPolicy.All,
            filter_subject: subscription.subject,
            ack_wait: 60 * NANOS_PER_SECOND,
            max_deliver: -1,
          })
          .catch(async (error: unknown) => {
            // Already there (another replica, an earlier start): fine.
            await jsm.consumers.info(subscription.stream.name, subscription.durable).catch(() => {
              throw error;
            });
          });
        const js = await this.jetStream.client();
        const consumer = await js.consumers.get(subscription.stream.name, subscription.durable);
        const messages = await consumer.consume({ max_messages: 16 });
        this.active.add(messages);
        try {
          for await (const message of messages) {
            await this.process(subscription, message);
            if (this.stopped) break;
          }
        } finally {
          this.active.delete(messages);
        }
      } catch (error) {
        if (this.stopped) return;
        this.logger.warn({ err: error, durable: subscription.durable }, 'Event consumer interrupted; restarting');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private async process<T extends object>(subscription: EventSubscription<T>, message: JsMsg): Promise<void> {
    const correlationId = correlationIdFrom(message.headers?.get(CORRELATION_HEADER));
    const stop = this.metrics.eventsHandled.startTimer({ subject: message.subject });
    await runWithContext({ correlationId }, async () => {
      let event: T;
      try {
        event = plainToInstance(subscription.messageClass, message.json<object>());
        const errors = await validate(event, { whitelist: true, forbidNonWhitelisted: false });
        if (errors.length > 0) throw new Error(`invalid event: ${errors.map((e) => e.property).join(', ')}`);
      } catch (error) {
        this.logger.error(
          { err: error, subject: message.subject, seq: message.seq },
          'Malformed event set aside (terminated)',
        );
        message.term('malformed');
        stop({ outcome: 'rejected' });
        return;
      }
      try {
        await subscription.handle(event);
        message.ack();
        stop({ outcome: 'ok' });
      } catch (error) {
        if (error instanceof DomainError && PERMANENT.has(error.kind)) {
          // Trying again cannot help (the event breaks a rule or names what does not exist):
          // set it aside, loudly, for an operator instead of retrying it forever.
          this.logger.error(
            { err: error, code: error.code, subject: message.subject, seq: message.seq },
            'Event cannot be handled; set aside (terminated)',
          );
          message.term(error.code);
          stop({ outcome: 'rejected' });
          return;
        }
        const attempt = message.info.deliveryCount;
        const delayMs = Math.min(60_000, 500 * 2 ** Math.min(attempt, 7));
        const level = attempt >= 5 ? 'error' : 'warn';
        this.logger[level](
          { err: error, subject: message.subject, attempt, delayMs },
          'Event handling failed; will retry',
        );
        message.nak(delayMs);
        stop({ outcome: 'retry' });
      }
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.active].map((messages) => messages.close().catch(() => undefined)));
    await Promise.race([Promise.all(this.loops), new Promise((r) => setTimeout(r, 3000).unref())]);
  }
}
