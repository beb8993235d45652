// The message classes use class-transformer decorators, which read design-time metadata.
import 'reflect-metadata';
export * from './common/health.messages.js';
export * from './common/service-names.js';
export * from './common/rpc.js';
export * from './identity/index.js';
export * from './application-types/index.js';
export * from './applications/index.js';
export * from './document-kinds/index.js';
export * from './documents/index.js';
export * from './events/index.js';
