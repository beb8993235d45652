import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import {
  APPLICATIONS_TEST_ENV,
  as,
  birthBody,
  buildApplicationsWorld,
  familyCardReplacementBody,
  type ApplicationsWorld,
} from './factories/applications.factory.js';
import {
  agencyToken,
  awayFromMinuteEnd,
  createAgency,
  verification,
  verifyBatch,
} from './factories/agencies.factory.js';
import { startStack, type Stack } from './support/stack.js';

interface Application {
  id: string;
  status: string;
  history: Array<{ to: string }>;
}

/**
 * API.md "Safe retries": an action sent again with its Idempotency-Key gets the first outcome
 * and acts once, also when the first answer never reached the client.
 */
describe('Idempotency-Key on the actions', () => {
  let stack: Stack;
  let world: ApplicationsWorld;
  let applicationsDb: pg.Client;

  beforeAll(async () => {
    stack = await startStack({ env: APPLICATIONS_TEST_ENV });
    world = await buildApplicationsWorld(stack.url);
    applicationsDb = new pg.Client({ connectionString: stack.databaseUrls.applications });
    await applicationsDb.connect();
  }, 120_000);

  afterAll(async () => {
    await applicationsDb?.end();
    await stack?.close();
  });

  const father = (): ReturnType<typeof as> => as(stack.url, world.tokens.father);
  const countApplications = async (): Promise<number> =>
    ((await father().get('/applications').expect(200)).body as { total: number }).total;

  async function submitted(key = randomUUID()): Promise<Application> {
    const response = await father().post('/applications', familyCardReplacementBody(world)).set('idempotency-key', key);
    expect(response.status).toBe(201);
    return response.body as Application;
  }

  it('answers a retried submission with the first outcome, byte for byte, and stores one application', async () => {
    const key = randomUUID();
    const body = familyCardReplacementBody(world);
    const before = await countApplications();
    const first = await father().post('/applications', body).set('idempotency-key', key);
    expect(first.status).toBe(201);
    // The same JSON laid out differently is the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await father().post('/applications', reordered).set('idempotency-key', key);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(await countApplications()).toBe(before + 1);
  });

  it('refuses a key sent again with another request (422), and a malformed key (400)', async () => {
    const key = randomUUID();
    await father().post('/applications', familyCardReplacementBody(world)).set('idempotency-key', key).expect(201);
    const other = await father()
      .post('/applications', familyCardReplacementBody(world, { reason: 'RUSAK' }))
      .set('idempotency-key', key);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    // The same key on another route is another request too.
    const elsewhere = await father().post(`/applications/${randomUUID()}/cancel`).set('idempotency-key', key);
    expect(elsewhere.status).toBe(422);

    for (const bad of ['', 'with space', 'ü-not-ascii', 'x'.repeat(256)]) {
      const response = await father()
        .post('/applications', familyCardReplacementBody(world))
        .set('idempotency-key', bad);
      expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
      if (bad !== '') expect(response.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_INVALID' });
    }
  });

  it('keys belong to their caller: another resident may use the same key for their own request', async () => {
    const key = randomUUID();
    await father().post('/applications', familyCardReplacementBody(world)).set('idempotency-key', key).expect(201);
    const mother = await as(stack.url, world.tokens.mother)
      .post('/applications', birthBody(world))
      .set('idempotency-key', key);
    expect(mother.status).toBe(201);
  });

  it('replays a workflow step instead of refusing it as a second transition (409)', async () => {
    const application = await submitted();
    const clerk = as(stack.url, world.tokens.clerk);
    const key = randomUUID();
    const first = await clerk
      .post(`/applications/${application.id}/verify`, { note: 'lengkap' })
      .set('idempotency-key', key);
    expect(first.status).toBe(200);
    const retry = await clerk
      .post(`/applications/${application.id}/verify`, { note: 'lengkap' })
      .set('idempotency-key', key);
    expect({ status: retry.status, body: retry.text }).toEqual({ status: 200, body: first.text });
    // Without the key the second attempt is a new request, refused as it always was.
    await clerk.post(`/applications/${application.id}/verify`, { note: 'lengkap' }).expect(409);
    const history = (first.body as Application).history.map((h) => h.to);
    expect(history).toEqual(['SUBMITTED', 'VERIFIED']);
  });

  it('answers a retried approval whose first answer was lost (503) with 202 and the application, approving once', async () => {
    const application = await submitted();
    await as(stack.url, world.tokens.clerk).post(`/applications/${application.id}/verify`, {}).expect(200);
    const official = as(stack.url, world.tokens.official);
    const key = randomUUID();

    // A slow database: the application's row is held, so the approval waits past the gateway's
    // deadline (5 s in the test stack) and the official gets 503, while the approval goes on.
    await applicationsDb.query('BEGIN');
    await applicationsDb.query('SELECT id FROM application WHERE id = $1 FOR UPDATE', [application.id]);
    const lost = await official.post(`/applications/${application.id}/approve`).set('idempotency-key', key);
    await applicationsDb.query('COMMIT');
    expect(lost.status).toBe(503);

    const retry = await official.post(`/applications/${application.id}/approve`).set('idempotency-key', key);
    expect(retry.status).toBe(202);
    const approved = retry.body as Application;
    expect(approved).toMatchObject({ id: application.id, status: 'APPROVED' });
    // A third try gives the very same answer; the approval happened once.
    const third = await official.post(`/applications/${application.id}/approve`).set('idempotency-key', key);
    expect({ status: third.status, body: third.text }).toEqual({ status: 202, body: retry.text });
    const { rows } = await applicationsDb.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM application_history WHERE application_id = $1 AND to_status = 'APPROVED'`,
      [application.id],
    );
    expect(rows[0].n).toBe(1);
  }, 60_000);

  it('answers two attempts sent at once with one outcome, acting once', async () => {
    const application = await submitted();
    await as(stack.url, world.tokens.clerk).post(`/applications/${application.id}/verify`, {}).expect(200);
    const official = as(stack.url, world.tokens.official);
    const key = randomUUID();
    const [a, b] = await Promise.all([
      official.post(`/applications/${application.id}/approve`).set('idempotency-key', key),
      official.post(`/applications/${application.id}/approve`).set('idempotency-key', key),
    ]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.text).toBe(b.text);
  });

  it('rebuilds the answer of an attempt that committed but died before writing it: the application as it stands', async () => {
    const application = await submitted();
    const clerk = as(stack.url, world.tokens.clerk);
    const key = randomUUID();
    await clerk
      .post(`/applications/${application.id}/return`, { reason: 'Foto buram' })
      .set('idempotency-key', key)
      .expect(200);
    // What a crash between the commit and the outcome leaves behind, a while ago.
    await applicationsDb.query(
      `UPDATE idempotency_keys SET outcome = NULL, created_at = now() - interval '1 minute' WHERE key = $1`,
      [key],
    );
    const retry = await clerk
      .post(`/applications/${application.id}/return`, { reason: 'Foto buram' })
      .set('idempotency-key', key);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ id: application.id, status: 'REVISION_REQUESTED' });
    const { rows } = await applicationsDb.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM application_history WHERE application_id = $1 AND to_status = 'REVISION_REQUESTED'`,
      [application.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('documents the header on every route that takes it', async () => {
    const { body } = (await request(stack.url).get('/api/docs-json').expect(200)) as {
      body: { paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>> };
    };
    const takesKey = (path: string, method: string): boolean =>
      (body.paths[path]?.[method]?.parameters ?? []).some((p) => p.in === 'header' && p.name === 'Idempotency-Key');
    const routes: Array<[string, string]> = [
      ['/api/v1/applications', 'post'],
      ['/api/v1/applications/{id}', 'put'],
      ...['cancel', 'verify', 'return', 'reject', 'approve', 'attachments'].map((step): [string, string] => [
        `/api/v1/applications/{id}/${step}`,
        'post',
      ]),
      ['/api/v1/verifications/batch', 'post'],
    ];
    expect(routes.filter(([path, method]) => !takesKey(path, method))).toEqual([]);
    expect(takesKey('/api/v1/applications', 'get')).toBe(false);
  });

  it('answers a retried verification batch with the same results, counted and logged once', async () => {
    const agency = await createAgency(stack.url, world.tokens.admin, { requestsPerMinute: 3 });
    const token = await agencyToken(stack.url, agency);
    await awayFromMinuteEnd(10);
    const items = [verification(world.father.nik), verification(world.mother.nik)];
    const key = randomUUID();
    const first = await verifyBatch(stack.url, token, items).set('idempotency-key', key);
    expect(first.status).toBe(200);
    // The quota (3 checks a minute) would refuse a second batch of two that acted again.
    const retry = await verifyBatch(stack.url, token, items).set('idempotency-key', key);
    expect({ status: retry.status, body: retry.text }).toEqual({ status: 200, body: first.text });
    const fresh = await verifyBatch(stack.url, token, items).set('idempotency-key', randomUUID());
    expect(fresh.status).toBe(429);
  });

  it('stores an evidence file once for a retried upload', async () => {
    const application = await submitted();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024, 7), Buffer.from('\n%%EOF\n')]);
    const key = randomUUID();
    const upload = (content: Buffer) =>
      father()
        .upload(`/applications/${application.id}/attachments`)
        .set('idempotency-key', key)
        .field('kind', 'SURAT_KEHILANGAN')
        .attach('file', content, { filename: 'surat.pdf', contentType: 'application/pdf' });
    const first = await upload(pdf);
    expect(first.status).toBe(201);
    const retry = await upload(pdf);
    expect({ status: retry.status, body: retry.text }).toEqual({ status: 201, body: first.text });
    const { rows } = await applicationsDb.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM attachment WHERE application_id = $1',
      [application.id],
    );
    expect(rows[0].n).toBe(1);
    // Another file under the same key is another request.
    const other = await upload(Buffer.concat([pdf, Buffer.from('x')]));
    expect(other.status).toBe(422);
  });
});
