// `#lib/platform/health`: a service's answer to the gateway's health request (its database).
export * from './service-health.js';
