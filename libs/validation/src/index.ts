export * from './identifier.validators.js';
export * from './region.validators.js';
export * from './date.validators.js';
export * from './label.validators.js';
export * from './validation-pipe.options.js';
export * from './compiled-acceptor.js';
export * from './text.validators.js';
export * from './password.validators.js';
