export * from './patterns.js';
export * from './document.messages.js';
export * from './rpc.js';
