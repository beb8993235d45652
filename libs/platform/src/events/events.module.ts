import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { StreamDefinition } from '#lib/contracts';
import { EventConsumerHost } from './event-consumer.js';
import { JetStreamConnection } from './jetstream-connection.js';
import { OUTBOX_STREAM, OutboxRelay } from './outbox-relay.js';

/**
 * Durable events for a service: its JetStream connection, the relay that publishes its outbox
 * to its own stream (when it publishes), and the host that runs its durable consumers.
 */
@Module({})
export class EventsModule {
  static forRoot(options: { publishes?: StreamDefinition }): DynamicModule {
    const providers: Provider[] = [JetStreamConnection, EventConsumerHost];
    if (options.publishes) {
      providers.push({ provide: OUTBOX_STREAM, useValue: options.publishes }, OutboxRelay);
    }
    return {
      module: EventsModule,
      global: true,
      providers,
      exports: [JetStreamConnection, EventConsumerHost, ...(options.publishes ? [OutboxRelay] : [])],
    };
  }
}
