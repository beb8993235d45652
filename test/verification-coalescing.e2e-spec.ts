import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { NatsRecordBuilder } from '@nestjs/microservices';
import { NatsRecordSerializer } from '@nestjs/microservices/serializers/nats-record.serializer.js';
import pg from 'pg';
import request from 'supertest';
import { IdentityPatterns } from '#lib/contracts';
import { IDENTITY_TEST_ENV, TEST_ADMIN, importCsv, login } from './factories/accounts.factory.js';
import {
  agencyToken,
  awayFromMinuteEnd,
  createAgency,
  verification,
  verify,
  type TestAgency,
} from './factories/agencies.factory.js';
import { residentsCsv, syntheticFamilies, syntheticFamilyWith } from './factories/registry.factory.js';
import { startStack, type Stack } from './support/stack.js';

/**
 * The gateway sends concurrent `POST /verifications` of one access token to identity as one
 * message (`identity.verification.verify-many`). These are the attacks on that grouping: each
 * fails if one request is answered with another's principal, status or body, or if one item's
 * refusal spills onto the others of its group.
 */
describe('verification: concurrent single checks coalesced by the gateway', () => {
  let stack: Stack;
  let admin: string;
  let db: pg.Client;
  const family = syntheticFamilyWith({ regencyCode: '16.02', members: 3, seed: 81 });
  const others = syntheticFamilies({ regencyCode: '16.02', families: 2, seed: 82 });
  const person = family.members[0];
  const relative = family.members[1];
  const UNKNOWN_NIK = '1602051212120999';

  /** How many coalesced messages the gateway has sent so far (its own metric). */
  async function coalescedMessages(): Promise<number> {
    const metrics = await request(stack.metricsUrl).get('/metrics').expect(200);
    const line =
      /nats_request_sent_duration_seconds_count\{[^}]*subject="identity\.verification\.verify-many"[^}]*\} (\d+)/.exec(
        metrics.text,
      );
    return line === null ? 0 : Number(line[1]);
  }

  /** `count` requests sent at once; each may carry its own correlation id. */
  function burst(count: number, make: (i: number) => { token: string; body: object; correlationId?: string }) {
    return Promise.all(
      Array.from({ length: count }, (_, i) => {
        const { token, body, correlationId } = make(i);
        const call = verify(stack.url, token, body);
        return correlationId === undefined ? call : call.set('x-correlation-id', correlationId);
      }),
    );
  }

  /** The access-log rows of these single checks, by request id. */
  async function logRows(requestIds: string[]): Promise<Map<string, { actor_id: string; correlation_id: string }>> {
    const { rows } = await db.query<{ request_id: string; actor_id: string; correlation_id: string }>(
      `SELECT request_id::text, actor_id::text, correlation_id FROM access_log WHERE request_id = ANY($1::uuid[])`,
      [requestIds],
    );
    return new Map(rows.map((row) => [row.request_id, row]));
  }

  beforeAll(async () => {
    stack = await startStack({ env: IDENTITY_TEST_ENV });
    admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
    expect((await importCsv(stack.url, admin, residentsCsv([family, ...others]))).status).toBe(200);
    db = new pg.Client({ connectionString: stack.databaseUrls.identity });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await stack?.close();
  });

  it('answers two agencies’ concurrent checks each with its own agreement, and logs each under its own agency', async () => {
    await awayFromMinuteEnd(10);
    const names = await createAgency(stack.url, admin, { name: 'BANK NAMA', allowedFields: ['fullName'] });
    const dates = await createAgency(stack.url, admin, { name: 'ASURANSI TANGGAL', allowedFields: ['birthDate'] });
    const tokens = new Map<TestAgency, string>([
      [names, await agencyToken(stack.url, names)],
      [dates, await agencyToken(stack.url, dates)],
    ]);
    const before = await coalescedMessages();
    // Both ask for the name: allowed for one agency only. Interleaved, so any mix-up shows.
    const plan = Array.from({ length: 40 }, (_, i) => ({
      agency: i % 2 === 0 ? names : dates,
      correlationId: `coalesce-two-${i}`,
    }));
    const responses = await burst(plan.length, (i) => ({
      token: tokens.get(plan[i].agency) as string,
      body: verification(person.nik, { fullName: person.fullName }),
      correlationId: plan[i].correlationId,
    }));
    responses.forEach((response, i) => {
      if (plan[i].agency === names) {
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ nik: person.nik, found: true, fields: { fullName: { match: true } } });
      } else {
        expect(response.status).toBe(403);
        expect(response.body).toMatchObject({ code: 'AGENCY.FIELD_NOT_ALLOWED', errors: [{ field: 'fullName' }] });
      }
    });
    // Several requests of one token did travel together.
    expect(await coalescedMessages()).toBeGreaterThan(before);
    // Each answered check is logged under its own agency and its own request's correlation id.
    const answered = responses.flatMap((r, i) => (r.status === 200 ? [{ id: r.body.requestId as string, i }] : []));
    const rows = await logRows(answered.map((a) => a.id));
    expect(rows.size).toBe(answered.length);
    for (const { id, i } of answered) {
      expect(rows.get(id)).toMatchObject({ actor_id: names.id, correlation_id: plan[i].correlationId });
    }
  });

  it('refuses a suspended agency’s checks while a live agency’s, sent at the same time, pass', async () => {
    const live = await createAgency(stack.url, admin, { name: 'BANK HIDUP' });
    const halted = await createAgency(stack.url, admin, { name: 'BANK DIHENTIKAN' });
    const liveToken = await agencyToken(stack.url, live);
    const haltedToken = await agencyToken(stack.url, halted);
    await verify(stack.url, haltedToken, verification(person.nik)).expect(200);
    await request(stack.url)
      .post(`/api/v1/admin/agencies/${halted.id}/suspend`)
      .set('authorization', `Bearer ${admin}`)
      .expect(200);
    const responses = await burst(40, (i) => ({
      token: i % 3 === 0 ? haltedToken : liveToken,
      body: verification(i % 2 === 0 ? person.nik : relative.nik),
    }));
    responses.forEach((response, i) => {
      if (i % 3 === 0) {
        expect(response.status).toBe(401);
        expect(response.body.code).toBe('AGENCY.SUSPENDED');
      } else {
        expect(response.status).toBe(200);
        expect(response.body.nik).toBe(i % 2 === 0 ? person.nik : relative.nik);
      }
    });
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM access_log WHERE actor_id = $1`, [halted.id]);
    expect(rows[0].n).toBe(1); // only the check before the suspension
  });

  it('answers an invalid item of a group alone, exactly as that request alone would be answered', async () => {
    const agency = await createAgency(stack.url, admin, { allowedFields: ['fullName', 'birthDate'] });
    const token = await agencyToken(stack.url, agency);
    const odd: Record<number, object> = {
      3: { nik: '123', purpose: '' },
      7: { ...verification(person.nik), extra: 'tidak dikenal' },
      11: verification(person.nik, { motherName: 'IBU' }),
      13: verification(UNKNOWN_NIK),
      17: { ...verification(relative.nik), principal: { accountId: randomUUID(), role: 'ADMIN' } },
    };
    const before = await coalescedMessages();
    const responses = await burst(30, (i) => ({
      token,
      body: odd[i] ?? verification(person.nik, { birthDate: person.birthDate }),
    }));
    expect(await coalescedMessages()).toBeGreaterThan(before);
    const strip = (body: Record<string, unknown>) => {
      const { correlationId: _c, instance: _i, ...rest } = body;
      return rest;
    };
    // The same bodies sent alone, one after another: the same status and body (but their own ids).
    for (const i of [3, 7, 11]) {
      const alone = await verify(stack.url, token, odd[i]);
      expect(responses[i].status).toBe(alone.status);
      expect(strip(responses[i].body)).toEqual(strip(alone.body));
    }
    expect(responses[3].status).toBe(400);
    expect(responses[3].body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['nik', 'purpose']);
    expect(responses[7].status).toBe(400);
    expect(responses[11].status).toBe(403);
    expect(responses[11].body.code).toBe('AGENCY.FIELD_NOT_ALLOWED');
    expect(responses[13].status).toBe(200);
    expect(responses[13].body).toMatchObject({ nik: UNKNOWN_NIK, found: false });
    // A principal written into a body is not believed: the check is the token's agency's.
    expect(responses[17].status).toBe(200);
    expect((await logRows([responses[17].body.requestId])).get(responses[17].body.requestId)?.actor_id).toBe(agency.id);
    responses.forEach((response, i) => {
      if (odd[i] !== undefined) return;
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ nik: person.nik, found: true, fields: { birthDate: { match: true } } });
    });
  });

  it('admits a group’s checks one by one against the quota: exactly the quota passes, the rest get 429', async () => {
    await awayFromMinuteEnd(15);
    const limit = 12;
    const small = await createAgency(stack.url, admin, { requestsPerMinute: limit });
    const other = await createAgency(stack.url, admin);
    const smallToken = await agencyToken(stack.url, small);
    const otherToken = await agencyToken(stack.url, other);
    const responses = await burst(45, (i) => ({
      token: i % 3 === 2 ? otherToken : smallToken,
      body: verification(person.nik),
    }));
    const smallStatuses = responses.filter((_, i) => i % 3 !== 2).map((r) => r.status);
    expect(smallStatuses.filter((s) => s === 200)).toHaveLength(limit);
    expect(smallStatuses.filter((s) => s === 429)).toHaveLength(smallStatuses.length - limit);
    for (const response of responses.filter((r, i) => i % 3 !== 2 && r.status === 429)) {
      expect(response.body.code).toBe('AGENCY.QUOTA_EXCEEDED');
      const retryAfter = Number(response.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    // The other agency's checks, in the same moment, are not touched by that quota.
    expect(responses.filter((_, i) => i % 3 === 2).every((r) => r.status === 200)).toBe(true);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM access_log WHERE actor_id = $1`, [small.id]);
    expect(rows[0].n).toBe(limit);
  });

  describe('on the bus', () => {
    const serializer = new NatsRecordSerializer();
    let gateway: NatsConnection;

    beforeAll(async () => {
      gateway = await stack.connectAs('gateway');
    });

    afterAll(async () => {
      await gateway?.close();
    });

    async function ask(body: object, token?: string): Promise<{ err?: { code: string }; response?: unknown }> {
      const subject = IdentityPatterns.VERIFICATION_VERIFY_MANY;
      const h = natsHeaders();
      for (const [name, value] of Object.entries(stack.callerHeaders('gateway', subject, token))) h.set(name, value);
      const packet = serializer.serialize({
        pattern: subject,
        id: randomUUID(),
        data: new NatsRecordBuilder(body).setHeaders(h).build(),
      });
      const reply = await gateway.request(subject, packet.data as string, {
        timeout: 5000,
        headers: packet.headers as never,
      });
      return reply.json();
    }

    it('refuses a message naming another agency than its token, and one without a token', async () => {
      const mine = await createAgency(stack.url, admin);
      const victim = await createAgency(stack.url, admin);
      const token = await agencyToken(stack.url, mine);
      const items = [{ correlationId: 'attack-1', body: verification(person.nik) }];
      const posing = await ask({ principal: { accountId: victim.id, role: 'AGENCY' }, items }, token);
      expect(posing.err?.code).toBe('AUTH.FORBIDDEN');
      const bare = await ask({ principal: { accountId: victim.id, role: 'AGENCY' }, items });
      expect(bare.err?.code).toBe('AUTH.UNAUTHENTICATED');
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM access_log WHERE actor_id = ANY($1::uuid[])`, [
        [mine.id, victim.id],
      ]);
      expect(rows[0].n).toBe(0);
    });

    it('refuses a malformed envelope whole, and answers each item of a valid one on its own', async () => {
      const agency = await createAgency(stack.url, admin);
      const token = await agencyToken(stack.url, agency);
      const principal = { accountId: agency.id, role: 'AGENCY' };
      expect((await ask({ principal, items: [] }, token)).err?.code).toBe('VALIDATION.FAILED');
      expect((await ask({ principal, items: [{ body: 'not an object' }] }, token)).err?.code).toBe('VALIDATION.FAILED');
      const reply = await ask(
        {
          principal,
          items: [
            { correlationId: 'bus-1', body: verification(person.nik) },
            { correlationId: 'bus-2', body: { nik: 'x' } },
            { correlationId: 'bus-3', body: { ...verification(relative.nik), principal: { accountId: randomUUID() } } },
          ],
        },
        token,
      );
      const outcomes = (reply.response as { outcomes: Array<{ response?: { nik: string }; err?: { code: string } }> })
        .outcomes;
      expect(outcomes).toHaveLength(3);
      expect(outcomes[0].response?.nik).toBe(person.nik);
      expect(outcomes[1].err?.code).toBe('VALIDATION.FAILED');
      expect(outcomes[2].response?.nik).toBe(relative.nik);
      const { rows } = await db.query(
        `SELECT correlation_id, actor_id::text FROM access_log WHERE correlation_id = ANY($1) ORDER BY correlation_id`,
        [['bus-1', 'bus-2', 'bus-3']],
      );
      expect(rows).toEqual([
        { correlation_id: 'bus-1', actor_id: agency.id },
        { correlation_id: 'bus-3', actor_id: agency.id },
      ]);
    });
  });
});
