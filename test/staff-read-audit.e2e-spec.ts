import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { NatsRecordBuilder } from '@nestjs/microservices';
import { NatsRecordSerializer } from '@nestjs/microservices/serializers/nats-record.serializer.js';
import { IdentityPatterns } from '#lib/contracts';
import {
  APPLICATIONS_TEST_ENV,
  as,
  buildApplicationsWorld,
  familyCardReplacementBody,
  type ApplicationsWorld,
} from './factories/applications.factory.js';
import { startStack, type NatsUser, type Stack } from './support/stack.js';

interface AccessLogItem {
  at: string;
  actor: string;
  actorType: string;
  purpose: string;
  fields: string[];
}

/**
 * Issue #13: a staff member's read of an application, its evidence or an issued document is a
 * read of the people on it, and shows in each one's `GET /me/access-log` (actorType STAFF) by
 * the time the resident looks; only applications and documents may report such a read, and
 * only for the staff member of the forwarded token.
 */
describe('staff reads in the resident’s access log', () => {
  let stack: Stack;
  let world: ApplicationsWorld;
  const connections: NatsConnection[] = [];
  const serializer = new NatsRecordSerializer();

  beforeAll(async () => {
    stack = await startStack({ env: APPLICATIONS_TEST_ENV });
    world = await buildApplicationsWorld(stack.url);
  }, 180_000);

  afterAll(async () => {
    for (const nc of connections) await nc.close().catch(() => undefined);
    await stack?.close();
  });

  async function logOf(token: string): Promise<AccessLogItem[]> {
    const response = await as(stack.url, token).get('/me/access-log?limit=100').expect(200);
    return response.body.items as AccessLogItem[];
  }

  const staffEntries = (items: AccessLogItem[], field: string): AccessLogItem[] =>
    items.filter((item) => item.actorType === 'STAFF' && item.fields.includes(field));

  it('logs a clerk’s read of an application and of its evidence for the people it names', async () => {
    const father = as(stack.url, world.tokens.father);
    const created = await father.post('/applications', familyCardReplacementBody(world)).expect(201);
    const id = created.body.id as string;
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const uploaded = await father
      .upload(`/applications/${id}/attachments`)
      .field('kind', 'SURAT_KEHILANGAN')
      .attach('file', pdf, { filename: 'surat.pdf' })
      .expect(201);
    const before = staffEntries(await logOf(world.tokens.father), 'application').length;
    // The resident's own reads are not logged as staff reads.
    await father.get(`/applications/${id}`).expect(200);
    expect(staffEntries(await logOf(world.tokens.father), 'application')).toHaveLength(before);

    await as(stack.url, world.tokens.clerk).get(`/applications/${id}`).expect(200);
    await as(stack.url, world.tokens.clerk)
      .get(`/applications/${id}/attachments/${uploaded.body.id as string}`)
      .expect(200);
    const log = await logOf(world.tokens.father);
    const read = staffEntries(log, 'application');
    expect(read).toHaveLength(before + 1);
    expect(read[0]).toMatchObject({ actorType: 'STAFF', actor: 'PETUGAS CLERK.OKI', fields: ['application'] });
    expect(staffEntries(log, 'attachment')).toHaveLength(1);
  });

  it('logs a clerk’s read of an issued document and its PDF for every member on it', async () => {
    const father = as(stack.url, world.tokens.father);
    const created = await father
      .post('/applications', familyCardReplacementBody(world, { reason: 'RUSAK' }))
      .expect(201);
    const id = created.body.id as string;
    await as(stack.url, world.tokens.clerk).post(`/applications/${id}/verify`, {}).expect(200);
    await as(stack.url, world.tokens.official).post(`/applications/${id}/approve`).expect(202);
    let documentId: string | undefined;
    for (let i = 0; i < 120 && documentId === undefined; i += 1) {
      const view = await father.get(`/applications/${id}`).expect(200);
      documentId = (view.body.documents as Array<{ id: string }>)[0]?.id;
      if (documentId === undefined) await new Promise((r) => setTimeout(r, 250));
    }
    expect(documentId).toBeDefined();
    const before = staffEntries(await logOf(world.tokens.mother), 'document').length;
    await as(stack.url, world.tokens.clerk)
      .get(`/documents/${documentId as string}`)
      .expect(200);
    await as(stack.url, world.tokens.clerk)
      .get(`/documents/${documentId as string}/pdf`)
      .buffer(true)
      .parse((res, done) => {
        res.on('data', () => undefined);
        res.on('end', () => done(null, null));
      })
      .expect(200);
    // The mother is on the KK (not the applicant): both reads are in her log at once.
    const documents = staffEntries(await logOf(world.tokens.mother), 'document');
    expect(documents).toHaveLength(before + 2);
    expect(documents.some((item) => item.fields.includes('fullName'))).toBe(true);
  });

  async function natsAs(user: NatsUser): Promise<NatsConnection> {
    const nc = await stack.connectAs(user);
    connections.push(nc);
    return nc;
  }

  async function ask(
    nc: NatsConnection,
    subject: string,
    body: object,
    headers: Record<string, string>,
  ): Promise<{ err?: { code: string }; response?: unknown }> {
    const h = natsHeaders();
    for (const [name, value] of Object.entries(headers)) h.set(name, value);
    const packet = serializer.serialize({
      pattern: subject,
      id: randomUUID(),
      data: new NatsRecordBuilder(body).setHeaders(h).build(),
    });
    const reply = await nc.request(subject, packet.data as string, { timeout: 3000, headers: packet.headers as never });
    return reply.json();
  }

  it('takes such a report only from applications or documents, and only about a staff token', async () => {
    const subject = IdentityPatterns.ACCESS_LOG_RECORD_STAFF_READ;
    const mother = world.mother.nik;
    const staff = await stack.signToken({
      sub: randomUUID(),
      role: 'CLERK',
      regencyCode: '16.02',
      username: 'planted.clerk',
    });
    const body = (principal: object) => ({ principal, subjectNiks: [mother], endpoint: 'GET /applications/{id}' });
    const before = (await logOf(world.tokens.mother)).length;

    // The gateway may not even publish it (anyone on the internet could then write the log).
    const gateway = await natsAs('gateway');
    await expect(ask(gateway, subject, body({}), stack.callerHeaders('gateway', subject, staff))).rejects.toThrow(
      /Permissions Violation|timeout|no responders/i,
    );

    // Applications' key, a resident's token: not a staff read.
    const resident = await stack.signToken({ sub: randomUUID(), role: 'RESIDENT', nik: mother });
    const applications = await natsAs('applications');
    const asResident = await ask(
      applications,
      subject,
      body({
        accountId: (JSON.parse(Buffer.from(resident.split('.')[1], 'base64url').toString()) as { sub: string }).sub,
        role: 'RESIDENT',
        nik: mother,
      }),
      stack.callerHeaders('applications', subject, resident),
    );
    expect(asResident.err?.code).toBe('AUTH.FORBIDDEN');

    // A principal in the body that is not the token's: refused before the handler runs.
    const forged = await ask(
      applications,
      subject,
      body({ accountId: randomUUID(), role: 'ADMIN', regencyCode: '16.02', username: 'someone' }),
      stack.callerHeaders('applications', subject, staff),
    );
    expect(forged.err?.code).toMatch(/AUTH\./);
    expect(await logOf(world.tokens.mother)).toHaveLength(before);
  });
});
