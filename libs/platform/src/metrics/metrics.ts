import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * One Prometheus registry per app (never the global one, so several apps can share a process
 * in tests). Counts and latencies of HTTP requests, NATS requests served and made, errors by
 * kind, and the database pool.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests served, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly natsHandled = new Histogram({
    name: 'nats_request_handled_duration_seconds',
    help: 'NATS requests handled by this app, by subject and outcome',
    labelNames: ['subject', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly natsSent = new Histogram({
    name: 'nats_request_sent_duration_seconds',
    help: 'NATS requests sent by this app, by subject and outcome',
    labelNames: ['subject', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'app_errors_total',
    help: 'Errors returned to callers, by error kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly eventsPublished = new Counter({
    name: 'events_published_total',
    help: 'Events published from the outbox to JetStream, by subject',
    labelNames: ['subject'] as const,
    registers: [this.registry],
  });

  readonly eventsHandled = new Histogram({
    name: 'events_handled_duration_seconds',
    help: 'JetStream events handled by this app, by subject and outcome (ok, retry, rejected)',
    labelNames: ['subject', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly eventsRedelivered = new Counter({
    name: 'events_redelivered_total',
    help: 'JetStream events received again (a handler failed, timed out or its process died), by subject and consumer',
    labelNames: ['subject', 'durable'] as const,
    registers: [this.registry],
  });

  readonly eventsDeadLettered = new Counter({
    name: 'events_dead_lettered_total',
    help: 'JetStream events moved to the dead-letter stream after their last delivery, by subject and consumer',
    labelNames: ['subject', 'durable'] as const,
    registers: [this.registry],
  });

  constructor(app: string) {
    this.registry.setDefaultLabels({ app });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Reports a connection pool's use each time metrics are scraped. */
  watchPool(name: string, pool: { totalCount: number; idleCount: number; waitingCount: number }): void {
    const gauge = (metric: string, help: string, read: () => number): void => {
      const existing = this.registry.getSingleMetric(metric);
      if (existing) this.registry.removeSingleMetric(metric);
      new Gauge({
        name: metric,
        help,
        labelNames: ['pool'] as const,
        registers: [this.registry],
        collect() {
          this.set({ pool: name }, read());
        },
      });
    };
    gauge('db_pool_connections_total', 'Connections open in the database pool', () => pool.totalCount);
    gauge('db_pool_connections_idle', 'Idle connections in the database pool', () => pool.idleCount);
    gauge('db_pool_waiting_clients', 'Queries waiting for a database connection', () => pool.waitingCount);
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
