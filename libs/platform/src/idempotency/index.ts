export * from './idempotency-key.js';
export * from './idempotency.scope.js';
export * from './idempotency.store.js';
export * from './idempotency.interceptor.js';
export * from './idempotency.module.js';
