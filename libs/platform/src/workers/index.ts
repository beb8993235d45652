export * from './worker-pool.js';
export * from './worker-side.js';
