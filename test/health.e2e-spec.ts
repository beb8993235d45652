import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ServiceName } from '#lib/contracts';
import { startStack, type Stack } from './support/stack.js';

/** How long to keep asking before a recovery counts as failed. */
async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!accept(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    last = await probe();
  }
  return last;
}

describe('health through the gateway', () => {
  let stack: Stack;
  let staffToken: string;
  /** The details (which component, why) are for staff only (issue #13): asked with a staff token. */
  const detailed = () => request(stack.url).get('/api/v1/health').set('authorization', `Bearer ${staffToken}`);

  beforeAll(async () => {
    stack = await startStack({ logLevel: 'debug' });
    staffToken = await stack.signToken({
      sub: '00000000-0000-4000-8000-0000000000aa',
      role: 'ADMIN',
      regencyCode: '16.02',
      username: 'admin',
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('reports NATS, every service and every database as up (gateway → NATS → service → PostgreSQL)', async () => {
    const response = await detailed().expect(200);
    expect(response.body.status).toBe('up');
    expect(response.body.down).toEqual([]);
    for (const part of [
      'nats',
      'identity',
      'identity.database',
      'applications',
      'applications.database',
      'documents',
      'documents.database',
    ]) {
      expect(response.body.checks[part]).toMatchObject({ status: 'up' });
    }
  });

  it('carries the correlation id of a request into the service that served it', async () => {
    const correlationId = `test-${Date.now()}`;
    await request(stack.url)
      .get('/api/v1/health')
      .set('x-correlation-id', correlationId)
      .expect('x-correlation-id', correlationId);
    const lines = stack.logLines().filter((line) => line['correlationId'] === correlationId);
    const apps = new Set(lines.map((line) => line['app']));
    expect([...apps].sort()).toEqual(['applications', 'documents', 'gateway', 'identity']);
    expect(lines).toContainEqual(
      expect.objectContaining({ app: 'identity', subject: 'identity.health.check', outcome: 'ok' }),
    );
  });

  it('answers 503 naming a stopped service, and 200 again once it is back', async () => {
    await stack.stopService(ServiceName.DOCUMENTS);
    const down = await detailed().expect(503);
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.body.down).toEqual(expect.arrayContaining(['documents', 'documents.database']));
    expect(down.body.down).not.toContain('identity');
    expect(down.body.detail).toContain('documents');

    await stack.startService(ServiceName.DOCUMENTS);
    // Its subscriptions reach the NATS server a moment after it has started.
    const up = await eventually(
      () => detailed(),
      (r) => r.status === 200,
      10_000,
    );
    expect(up.status).toBe(200);
  });

  it('names NATS within 5 s when it stops, and recovers without restarting any app', async () => {
    await stack.stopNats();
    const started = Date.now();
    const down = await eventually(
      () => detailed(),
      (r) => r.status === 503 && (r.body.down as string[]).includes('nats'),
      5000,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(down.status).toBe(503);
    expect(down.body.down).toContain('nats');

    await stack.startNats();
    const up = await eventually(
      () => detailed(),
      (r) => r.status === 200,
      15_000,
    );
    expect(up.status).toBe(200);
  });
});

describe('errors are problem details', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await request(stack.url).get('/api/v1/no-such-thing').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, code: 'ROUTE.NOT_FOUND', errors: [] });
    expect(response.body.correlationId).toEqual(response.headers['x-correlation-id']);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const response = await request(stack.url)
      .post('/api/v1/health')
      .set('content-type', 'application/json')
      .send('{"unterminated')
      .expect(400);
    expect(response.body).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED' });
  });

  it.each([
    ['not JSON', '{"unterminated', 'Isi permintaan bukan JSON yang sah'],
    ['empty', '', 'Isi permintaan kosong'],
    ['poisoned', '{"__proto__":{"admin":true}}', 'Isi permintaan bukan JSON yang sah'],
  ])('answers a body that is %s on a real route with a problem in Bahasa Indonesia', async (_, body, detail) => {
    // Fastify raises these before the route's handler, outside Nest's filters.
    const response = await request(stack.url)
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send(body)
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.body).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED', detail });
    expect(response.body.correlationId).toEqual(response.headers['x-correlation-id']);
  });

  it('serves metrics in Prometheus format', async () => {
    await request(stack.url).get('/api/v1/health').expect(200);
    const metrics = await request(stack.metricsUrl).get('/metrics').expect(200);
    expect(metrics.text).toContain(
      'http_request_duration_seconds_count{app="gateway",method="GET",route="/api/v1/health",status="200"}',
    );
    expect(metrics.text).toMatch(
      /nats_request_sent_duration_seconds_count\{app="gateway",subject="identity.health.check",outcome="ok"\} \d+/,
    );
  });

  it('serves the OpenAPI document', async () => {
    const response = await request(stack.url).get('/api/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toContain('/api/v1/health');
    // Swagger UI as @nestjs/swagger serves it, every asset from the gateway itself (intranet).
    const page = await request(stack.url).get('/api/docs').expect(200);
    expect(page.text).not.toMatch(/(src|href)="https?:/);
    for (const asset of [...page.text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1])) {
      await request(stack.url)
        .get(asset.startsWith('/') ? asset : `/api/docs/${asset.replace(/^\.\//, '')}`)
        .expect(200);
    }
  });
});
