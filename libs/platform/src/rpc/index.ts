// `#lib/platform/rpc`: NATS request/reply — the one client every app calls other services
// with, the handler decorator, the transport options, and the server-side filter and
// interceptor every service installs. No database code.
export * from '../nats/nats-options.js';
export * from '../nats/nats-identity.js';
export * from '../nats/event-seal.js';
export * from '../nats/received-event.js';
export * from './access-token.js';
export * from './caller-assertion.js';
export * from '../nats/rpc-exception.filter.js';
export * from '../nats/rpc-context.interceptor.js';
export * from './rpc-errors.js';
export * from './rpc-client.js';
export * from './rpc-handler.decorator.js';
export * from './rpc.module.js';
export * from './json-text.js';
export * from './plain-rpc.js';
export * from './relayed-body.js';
