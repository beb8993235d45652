import { Inject, Injectable, Optional, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import type { StreamDefinition } from '#lib/contracts';
import { DomainError, ErrorKind } from '#lib/domain';
import { CORRELATION_HEADER, correlationIdFrom, runWithContext } from '../context/request-context.js';
import type { AppLogger } from '../logging/logger.js';
import { Metrics } from '../metrics/metrics.js';
import { APP_LOGGER } from '../platform.tokens.js';
import { isDatabaseUnavailable } from '../nats/database-unavailable.js';
import { receivedEvent } from '../nats/received-event.js';
import { DEAD_LETTER_STREAM, deadLetter } from './dead-letters.js';
import { JetStreamConnection, StreamMissingError } from './jetstream-connection.js';
import { OUTBOX_STREAM } from './outbox-relay.js';

const NANOS_PER_SECOND = 1_000_000_000;
/**
 * How long a free slot's request for one event stays open at the server before it asks again.
 * Short, because a request the server lost (NATS restarted, JetStream still recovering) is only
 * noticed by its missing heartbeats (two, at half this) or its end: with nats.js's 30 s a slot
 * could wait that long after a restart before it asked again.
 */
const PULL_EXPIRES_MS = 5_000;

/**
 * Delivery defaults. An event a process fetched and never acknowledged (the process died) comes
 * back after `ackWaitSeconds`; a handler that runs longer tells the server it is still working
 * every third of it, so only a dead or stuck process loses its events. A process asks for an
 * event only when it can start it (see `pullWhileFree`): a killed process strands at most
 * `concurrency` events, all of them already being handled.
 */
export interface EventDelivery {
  ackWaitSeconds: number;
  maxDeliveries: number;
  concurrency: number;
  maxHandlerSeconds: number;
}

export const EVENT_DELIVERY_DEFAULTS: Readonly<EventDelivery> = {
  ackWaitSeconds: 6,
  maxDeliveries: 10,
  /** Events held and handled at once by one process. */
  concurrency: 4,
  /** A handler still running after this is treated as stuck: no more `working()`. */
  maxHandlerSeconds: 120,
};

/** Delay before the n-th redelivery after a failure: 0.5 s, 1 s, 2 s… up to 30 s. */
export function retryDelayMs(deliveryCount: number): number {
  return Math.min(30_000, 250 * 2 ** Math.min(Math.max(deliveryCount, 1), 7));
}

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
  /**
   * Must be idempotent: an event can arrive more than once. Throwing means "try again later".
   * Receives the event validated once (`receivedEvent`): a seal check compares its seal with this
   * very instance, without a second pass.
   */
  handle(event: T): Promise<void>;
  /** Overrides of {@link EVENT_DELIVERY_DEFAULTS} (tests use short ones). */
  delivery?: Partial<EventDelivery>;
}

/**
 * Runs durable JetStream consumers for a service. An event is acknowledged only after its
 * handler succeeded. A failure is retried after a growing delay (`nak` with delay); after its
 * last delivery the event goes to the dead-letter stream for an operator, never dropped
 * silently. A malformed event, or one that breaks a rule, is dead-lettered at once. Every
 * redelivery and dead letter is a WARN/ERROR line and a metric. A NATS outage just pauses it
 * all; on shutdown fetching stops and events not yet handled are returned at once.
 */
@Injectable()
export class EventConsumerHost implements BeforeApplicationShutdown {
  private stopped = false;
  private readonly active = new Set<ConsumerMessages>();
  /** Events being handled now, with their "still working" timer. */
  private readonly inFlight = new Map<JsMsg, NodeJS.Timeout>();
  private readonly loops: Array<Promise<void>> = [];

  constructor(
    private readonly jetStream: JetStreamConnection,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    private readonly metrics: Metrics,
    /** The stream this service publishes (and alone may create), when it publishes. */
    @Optional() @Inject(OUTBOX_STREAM) private readonly ownStream?: StreamDefinition,
  ) {}

  subscribe<T extends object>(subscription: EventSubscription<T>): void {
    this.loops.push(this.run(subscription));
  }

  private async run<T extends object>(subscription: EventSubscription<T>): Promise<void> {
    const delivery = { ...EVENT_DELIVERY_DEFAULTS, ...subscription.delivery };
    let interruptedAt: number | undefined;
    /** Since when the producer's stream was found missing (its service not started yet). */
    let missingSince: number | undefined;
    while (!this.stopped) {
      try {
        // Another service's stream is only looked up: its owner creates it (in production only
        // the owner's NATS key may), so a consumer started first waits without being refused.
        if (subscription.stream.name === this.ownStream?.name) await this.jetStream.ensureStream(subscription.stream);
        else await this.jetStream.lookUpStream(subscription.stream);
        await this.jetStream.ensureStream(DEAD_LETTER_STREAM);
        const jsm = await this.jetStream.jsm();
        const settings = {
          ack_wait: delivery.ackWaitSeconds * NANOS_PER_SECOND,
          // The server never gives up on its own: the last delivery is dead-lettered here, and
          // one delivered after it (its processes died each time) is dead-lettered on receipt.
          max_deliver: -1,
          max_ack_pending: 1000,
        };
        await jsm.consumers
          .add(subscription.stream.name, {
            durable_name: subscription.durable,
            ack_policy: AckPolicy.Explicit,
            deliver_policy: DeliverPolicy.All,
            filter_subject: subscription.subject,
            ...settings,
          })
          .catch(async (error: unknown) => {
            // Already there (another replica, an earlier start, an older version): bring its
            // delivery settings up to date.
            await jsm.consumers.update(subscription.stream.name, subscription.durable, settings).catch(() => {
              throw error;
            });
          });
        const js = await this.jetStream.client();
        const consumer = await js.consumers.get(subscription.stream.name, subscription.durable);
        if (missingSince !== undefined) {
          this.logger.info(
            { stream: subscription.stream.name, durable: subscription.durable, waitedMs: Date.now() - missingSince },
            'Event stream appeared; event consumer running',
          );
          missingSince = undefined;
          interruptedAt = undefined;
        } else if (interruptedAt !== undefined) {
          this.logger.info(
            { durable: subscription.durable, downMs: Date.now() - interruptedAt },
            'Event consumer running again',
          );
          interruptedAt = undefined;
        }
        await this.pullWhileFree(subscription, delivery, consumer);
      } catch (error) {
        if (this.stopped) return;
        if (error instanceof StreamMissingError) {
          // Normal while the producer has not started yet: said once, then retried quietly.
          const fields = { stream: error.stream, durable: subscription.durable };
          if (missingSince === undefined) {
            missingSince = Date.now();
            this.logger.warn(
              fields,
              'Event stream does not exist yet (its producing service has not started); waiting for it',
            );
          } else {
            this.logger.debug(
              { ...fields, waitedMs: Date.now() - missingSince },
              'Event stream still missing; retrying',
            );
          }
          await new Promise((resolve) => setTimeout(resolve, 1000));
          continue;
        }
        interruptedAt ??= Date.now();
        this.logger.warn({ err: error, durable: subscription.durable }, 'Event consumer interrupted; restarting');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  /**
   * Up to `concurrency` events at once, like as many replicas would (handlers are idempotent and
   * take their own locks): a handler waiting on its database does not hold up the rest. Each slot
   * asks the server for one event when it is free, and handles it as soon as it arrives. A
   * prefetching `consume()` refills its buffer as events arrive, not as they are handled: while
   * the handlers were busy it kept fetching, events aged in this process's buffer (their
   * acknowledgement deadline running, no `working()` yet), a killed process stranded all of them,
   * and another replica could not take them. Now an event waits in the stream, where any free
   * replica gets the oldest, and a process holds only the events it is handling.
   */
  private async pullWhileFree<T extends object>(
    subscription: EventSubscription<T>,
    delivery: EventDelivery,
    consumer: Consumer,
  ): Promise<void> {
    const pulls = new Set<ConsumerMessages>();
    let failure: { error: unknown } | undefined;
    const slot = async (): Promise<void> => {
      while (!this.stopped && failure === undefined) {
        const askedAt = Date.now();
        const pull = await consumer.fetch({ max_messages: 1, expires: PULL_EXPIRES_MS });
        pulls.add(pull);
        this.active.add(pull);
        let message: JsMsg | undefined;
        try {
          // Taken out of the pull (which ends with it) before it is handled: a pull stays open,
          // and watches for the server's heartbeats, only while it waits for its event.
          for await (const received of pull) {
            message = received;
            break;
          }
        } finally {
          pulls.delete(pull);
          this.active.delete(pull);
        }
        if (message === undefined) {
          // Normally the request expired; one ended at once must not turn this into a busy loop.
          if (Date.now() - askedAt < 1000) await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        if (this.stopped) {
          // Fetched but not started: back to the server at once, for another replica.
          message.nak();
          continue;
        }
        await this.process(subscription, delivery, message).catch((error: unknown) => {
          // Not acknowledged: it comes back after the deadline.
          this.logger.error({ err: error, subject: message.subject }, 'Event handling broke down');
        });
      }
    };
    await Promise.all(
      Array.from({ length: Math.max(1, delivery.concurrency) }, () =>
        slot().catch((error: unknown) => {
          // The consumer or its stream is gone, or NATS: the others stop too, then all start again.
          failure ??= { error };
          for (const pull of pulls) void pull.close().catch(() => undefined);
        }),
      ),
    );
    if (failure !== undefined) throw failure.error;
  }

  private async process<T extends object>(
    subscription: EventSubscription<T>,
    delivery: EventDelivery,
    message: JsMsg,
  ): Promise<void> {
    const correlationId = correlationIdFrom(message.headers?.get(CORRELATION_HEADER));
    const stop = this.metrics.eventsHandled.startTimer({ subject: message.subject });
    const { durable } = subscription;
    const attempt = message.info.deliveryCount;
    await runWithContext({ correlationId }, async () => {
      if (attempt > 1) {
        this.metrics.eventsRedelivered.inc({ subject: message.subject, durable });
        this.logger.warn(
          { subject: message.subject, durable, seq: message.seq, attempt, maxDeliveries: delivery.maxDeliveries },
          'Event redelivered',
        );
      }
      if (attempt > delivery.maxDeliveries) {
        // Every earlier delivery ended without an answer: its process died or it timed out.
        await this.setAside(message, durable, `no answer after ${attempt - 1} deliveries`);
        stop({ outcome: 'dead-letter' });
        return;
      }
      let event: T;
      try {
        const received = await receivedEvent(subscription.messageClass, message.json<object>());
        if (received.invalid.length > 0) throw new Error(`invalid event: ${received.invalid.join(', ')}`);
        event = received.event;
      } catch (error) {
        await this.setAside(message, durable, `malformed: ${errorText(error)}`);
        stop({ outcome: 'rejected' });
        return;
      }
      // Long steps (rendering, signing) keep the event: "still working" every third of the
      // acknowledgement deadline, for as long as a handler may reasonably take.
      const startedAt = Date.now();
      const heartbeat = setInterval(
        () => {
          if (Date.now() - startedAt < delivery.maxHandlerSeconds * 1000) message.working();
        },
        Math.max(200, (delivery.ackWaitSeconds * 1000) / 3),
      );
      this.inFlight.set(message, heartbeat);
      try {
        await this.handleWhileDatabaseReturns(subscription, delivery, message, event, startedAt);
        // Returned at shutdown meanwhile: another replica has it now.
        if (!this.inFlight.has(message)) return;
        message.ack();
        stop({ outcome: 'ok' });
      } catch (error) {
        if (!this.inFlight.has(message)) return;
        if (error instanceof DomainError && PERMANENT.has(error.kind)) {
          // Trying again cannot help (the event breaks a rule or names what does not exist).
          await this.setAside(message, durable, `${error.code}: ${error.message}`);
          stop({ outcome: 'rejected' });
          return;
        }
        if (attempt >= delivery.maxDeliveries) {
          await this.setAside(message, durable, `failed ${attempt} times: ${errorText(error)}`);
          stop({ outcome: 'dead-letter' });
          return;
        }
        const delayMs = retryDelayMs(attempt);
        this.logger.warn(
          { err: error, subject: message.subject, durable, attempt, delayMs },
          'Event handling failed; will retry',
        );
        message.nak(delayMs);
        stop({ outcome: 'retry' });
      } finally {
        clearInterval(heartbeat);
        this.inFlight.delete(message);
      }
    });
  }

  /**
   * Runs the handler; while its database is unreachable (restarting, recovering, connections
   * cut) it is run again here every fraction of a second, the event kept with "still working".
   * Handed back with a growing delay instead, an event would wait up to the delay of its last
   * attempt after the database is back (seconds), and a long outage would use up its deliveries
   * and dead-letter it. The handler is idempotent; each attempt is its own transaction.
   */
  private async handleWhileDatabaseReturns<T extends object>(
    subscription: EventSubscription<T>,
    delivery: EventDelivery,
    message: JsMsg,
    event: T,
    startedAt: number,
  ): Promise<void> {
    const giveUpAt = startedAt + (delivery.maxHandlerSeconds - delivery.ackWaitSeconds) * 1000;
    for (let attempt = 1; ; attempt++) {
      try {
        await subscription.handle(event);
        if (attempt > 1) {
          this.logger.info(
            {
              subject: message.subject,
              durable: subscription.durable,
              seq: message.seq,
              waitedMs: Date.now() - startedAt,
            },
            'Event handled once the database was back',
          );
        }
        return;
      } catch (error) {
        if (!isDatabaseUnavailable(error) || this.stopped || !this.inFlight.has(message) || Date.now() > giveUpAt) {
          throw error;
        }
        if (attempt === 1) {
          this.logger.warn(
            { err: error, subject: message.subject, durable: subscription.durable, seq: message.seq },
            'Database unavailable; the event waits here for it',
          );
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 100 * 2 ** attempt)));
      }
    }
  }

  /** Moves an event to the dead-letter stream (loudly), then ends its deliveries. */
  private async setAside(message: JsMsg, durable: string, reason: string): Promise<void> {
    try {
      await deadLetter(await this.jetStream.client(), message, durable, reason);
    } catch (error) {
      // Not stored: keep the event and try again later rather than lose it.
      this.logger.error({ err: error, subject: message.subject, durable }, 'Could not dead-letter an event; retrying');
      message.nak(retryDelayMs(message.info.deliveryCount));
      return;
    }
    this.metrics.eventsDeadLettered.inc({ subject: message.subject, durable });
    this.logger.error(
      { subject: message.subject, durable, seq: message.seq, deliveries: message.info.deliveryCount, reason },
      'Event dead-lettered; list and replay with `npm run events:dead-letters`',
    );
    message.term(reason.slice(0, 100));
  }

  /**
   * Before the app's connections close (JetStreamConnection drains in onApplicationShutdown), so
   * that what is returned reaches the server.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    // Stop fetching; what was buffered is returned (nak) by the loops as they drain.
    for (const messages of this.active) void messages.close().catch(() => undefined);
    await Promise.race([Promise.all(this.loops), new Promise((r) => setTimeout(r, 3000).unref())]);
    // A handler still running after that is abandoned: its event goes back now, not after
    // the acknowledgement deadline (the handler is idempotent, a second run does no harm).
    for (const [message, heartbeat] of this.inFlight) {
      clearInterval(heartbeat);
      message.nak();
      this.logger.warn({ subject: message.subject, seq: message.seq }, 'Shutting down: event returned unfinished');
    }
    this.inFlight.clear();
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
