export * from './common/health.messages.js';
export * from './common/service-names.js';
export * from './identity/patterns.js';
export * from './applications/patterns.js';
export * from './documents/patterns.js';
export * from './events/index.js';
