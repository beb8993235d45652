// `#lib/platform/bootstrap`: starting one replica of a NATS service.
export * from './service-app.js';
