export * from './error-kind.js';
export * from './error-codes.js';
export * from './domain-error.js';
