export * from './patterns.js';
export * from './principal.js';
export * from './account.messages.js';
export * from './registry.views.js';
export * from './registry.messages.js';
export * from './identifier.messages.js';
export * from './import.messages.js';
