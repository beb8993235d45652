export * from './patterns.js';
export * from './application.messages.js';
export * from './application.views.js';
export * from './attachment.messages.js';
export * from './rpc.js';
