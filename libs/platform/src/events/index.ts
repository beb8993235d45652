export * from './outbox.js';
export * from './jetstream-connection.js';
export * from './outbox-relay.js';
export * from './event-consumer.js';
export * from './dead-letters.js';
export * from './events.module.js';
