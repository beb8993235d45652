// `#lib/platform/core`: what every process needs and nothing that reaches a database or a
// transport — configuration, request context, logging, metrics, the DI tokens, the one
// ValidationPipe. The gateway imports this; it must stay free of TypeORM and pg.
export * from '../platform.tokens.js';
export * from '../platform.module.js';
export * from '../config/load-config.js';
export * from '../config/base.config.js';
export * from '../context/request-context.js';
export * from '../logging/mask.js';
export * from '../logging/logger.js';
export * from '../metrics/metrics.js';
export * from '../bootstrap/validation-pipe.js';
export * from '../idempotency/idempotency-key.js';
export * from './micro-batcher.js';
