// `#lib/platform/rpc`: NATS request/reply — transport options, the server-side filter and
// interceptor every service installs. No database code.
export * from '../nats/nats-options.js';
export * from '../nats/rpc-exception.filter.js';
export * from '../nats/rpc-context.interceptor.js';
