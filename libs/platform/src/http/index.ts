// `#lib/platform/http`: Fastify hooks every HTTP listener shares (metrics route, access log).
export * from './metrics-route.js';
export * from './accepted-input.js';
