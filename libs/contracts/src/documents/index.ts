export * from './patterns.js';
export * from './document.messages.js';
