export * from './streams.js';
export * from './hand-off.events.js';
