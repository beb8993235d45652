import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { ServiceName, type VerifyBatchReply } from '#lib/contracts';
import { loadConfig } from '#lib/platform/core';
import { type RunningService } from '#lib/platform/bootstrap';
import { IdentityConfig } from '../apps/identity/src/config/identity.config.js';
import { startIdentity } from '../apps/identity/src/identity.app.js';
import {
  IDENTITY_TEST_ENV,
  RESIDENT_PASSWORD,
  TEST_ADMIN,
  importCsv,
  login,
  registerResident,
} from './factories/accounts.factory.js';
import {
  agencyToken,
  awayFromMinuteEnd,
  createAgency,
  verification,
  verify,
  verifyBatch,
  type TestAgency,
} from './factories/agencies.factory.js';
import { residentsCsv, syntheticFamilies, syntheticFamilyWith } from './factories/registry.factory.js';
import { startStack, type Stack } from './support/stack.js';

// Two identity replicas sign with one key, as in production (each would otherwise make its own).
const SIGNING_KEY = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
  type: 'pkcs8',
  format: 'pem',
}) as string;
const ENV = { ...IDENTITY_TEST_ENV, JWT_PRIVATE_KEY: SIGNING_KEY, JWT_KEY_ID: 'verification-test' };

/** A NIK that is well-formed (known regency, real date) but in nobody's record. */
const UNKNOWN_NIK = '1602051212120999';
/** Well-formed, with a district code that no longer exists: valid for verification (DOMAIN.md). */
const OLD_DISTRICT_NIK = '1602990101900001';

describe('verification for agencies through the gateway', () => {
  let stack: Stack;
  let admin: string;
  const family = syntheticFamilyWith({ regencyCode: '16.02', members: 3, seed: 71 });
  const others = syntheticFamilies({ regencyCode: '16.02', families: 3, seed: 72 });
  const person = family.members[0];
  const relative = family.members[1];
  let bank: TestAgency;
  let bankToken: string;

  beforeAll(async () => {
    stack = await startStack({ env: ENV });
    admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
    expect((await importCsv(stack.url, admin, residentsCsv([family, ...others]))).status).toBe(200);
    bank = await createAgency(stack.url, admin, { name: 'BANK CONTOH TBK' });
    bankToken = await agencyToken(stack.url, bank);
  });

  afterAll(async () => {
    await stack?.close();
  });

  describe('agencies and tokens', () => {
    it('creates an agency with a secret shown once, and issues tokens for the client credentials', async () => {
      const created = await request(stack.url)
        .post('/api/v1/admin/agencies')
        .set('authorization', `Bearer ${admin}`)
        .send({ name: 'ASURANSI CONTOH', allowedFields: ['fullName', 'birthDate'], requestsPerMinute: 600 })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        clientId: expect.any(String),
        clientSecret: expect.stringMatching(/^.{32,}$/),
      });
      const { clientId, clientSecret } = created.body as TestAgency;

      const token = await request(stack.url)
        .post('/api/v1/auth/token')
        .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret })
        .expect(200);
      expect(token.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 900 });
      const me = await request(stack.url)
        .get('/api/v1/me')
        .set('authorization', `Bearer ${token.body.access_token}`)
        .expect(200);
      expect(me.body).toMatchObject({ id: created.body.id, role: 'AGENCY' });

      // As OAuth 2.0 clients send it: form-encoded, and with HTTP Basic credentials.
      await request(stack.url)
        .post('/api/v1/auth/token')
        .type('form')
        .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret })
        .expect(200);
      await request(stack.url)
        .post('/api/v1/auth/token')
        .auth(clientId, clientSecret)
        .type('form')
        .send({ grant_type: 'client_credentials' })
        .expect(200);

      // The suspend answer shows the agreement, never the secret.
      const suspended = await request(stack.url)
        .post(`/api/v1/admin/agencies/${created.body.id}/suspend`)
        .set('authorization', `Bearer ${admin}`)
        .expect(200);
      expect(JSON.stringify(suspended.body)).not.toContain(clientSecret);
      expect(suspended.body).toMatchObject({
        id: created.body.id,
        name: 'ASURANSI CONTOH',
        allowedFields: ['fullName', 'birthDate'],
        requestsPerMinute: 600,
        suspended: true,
      });
    });

    it('answers bad credentials with 401 and another grant type with 400', async () => {
      const wrong = await request(stack.url)
        .post('/api/v1/auth/token')
        .send({ grant_type: 'client_credentials', client_id: bank.clientId, client_secret: `${bank.clientSecret}x` });
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('AUTH.INVALID_CREDENTIALS');
      await request(stack.url)
        .post('/api/v1/auth/token')
        .send({ grant_type: 'client_credentials', client_id: 'agency-unknown', client_secret: bank.clientSecret })
        .expect(401);
      const grant = await request(stack.url)
        .post('/api/v1/auth/token')
        .send({ grant_type: 'password', client_id: bank.clientId, client_secret: bank.clientSecret });
      expect(grant.status).toBe(400);
      expect(grant.body.errors).toEqual([expect.objectContaining({ field: 'grant_type' })]);
      const missing = await request(stack.url).post('/api/v1/auth/token').send({ grant_type: 'client_credentials' });
      expect(missing.status).toBe(400);
    });

    it('refuses an agreement with an unknown field or no quota (400)', async () => {
      const response = await request(stack.url)
        .post('/api/v1/admin/agencies')
        .set('authorization', `Bearer ${admin}`)
        .send({ name: 'X', allowedFields: ['fullName', 'religion'], requestsPerMinute: 0 });
      expect(response.status).toBe(400);
      const fields = (response.body.errors as Array<{ field: string }>).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['allowedFields', 'requestsPerMinute']));
      await request(stack.url)
        .post('/api/v1/admin/agencies/6a1c4a52-5a0e-4d36-9a34-2b1b8fb1f1aa/suspend')
        .set('authorization', `Bearer ${admin}`)
        .expect(404);
    });
  });

  describe('POST /verifications', () => {
    it('compares each given field: names after normalisation with a score, birth date and sex exactly', async () => {
      const response = await verify(
        stack.url,
        bankToken,
        verification(person.nik, {
          fullName: `Hj. ${person.fullName.toLowerCase()}, S.Pd.`,
          birthDate: person.birthDate,
          birthPlace: person.birthPlace,
          sex: person.sex,
          motherName: person.motherName,
          address: family.address,
        }),
      ).expect(200);
      expect(response.body).toEqual({
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        nik: person.nik,
        found: true,
        status: 'ACTIVE',
        fields: {
          fullName: { match: true, score: 1 },
          birthDate: { match: true },
          birthPlace: { match: true, score: 1 },
          sex: { match: true },
          motherName: { match: true, score: 1 },
          address: { match: true, score: 1 },
        },
      });
    });

    it('reports mismatches, and never returns a value of the record', async () => {
      const response = await verify(
        stack.url,
        bankToken,
        verification(person.nik, {
          fullName: 'ZAINUDDIN MAULANA',
          birthDate: '1901-02-03',
          sex: person.sex === 'LAKI_LAKI' ? 'PEREMPUAN' : 'LAKI_LAKI',
        }),
      ).expect(200);
      expect(response.body.found).toBe(true);
      expect(response.body.fields.fullName.match).toBe(false);
      expect(response.body.fields.fullName.score).toBeLessThan(0.9);
      expect(response.body.fields.birthDate).toEqual({ match: false });
      expect(response.body.fields.sex).toEqual({ match: false });
      const text = JSON.stringify(response.body);
      for (const value of [person.fullName, person.birthDate, person.birthPlace, person.motherName, family.address]) {
        expect(text).not.toContain(value);
      }
    });

    it('answers found and status only when no field is given', async () => {
      const response = await verify(stack.url, bankToken, verification(relative.nik)).expect(200);
      expect(response.body).toEqual({
        requestId: expect.any(String),
        nik: relative.nik,
        found: true,
        status: 'ACTIVE',
        fields: {},
      });
    });

    it('answers found:false for a well-formed NIK not in the registry, old district codes included', async () => {
      for (const nik of [UNKNOWN_NIK, OLD_DISTRICT_NIK]) {
        const response = await verify(stack.url, bankToken, verification(nik, { fullName: 'SIAPA SAJA' })).expect(200);
        expect(response.body).toEqual({ requestId: expect.any(String), nik, found: false, fields: {} });
      }
    });

    it('refuses a malformed NIK or body with 400 naming the fields', async () => {
      for (const nik of [
        '160205410190000',
        '1602 0541 0190 0001',
        '1602053202900001',
        '9902054101900001',
        1602054101900001,
      ]) {
        const response = await verify(stack.url, bankToken, { nik, purpose: 'Uji' });
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([expect.objectContaining({ field: 'nik' })]);
      }
      const response = await verify(stack.url, bankToken, {
        nik: person.nik,
        birthDate: '31-12-1990',
        sex: 'L',
        religion: 'ISLAM',
      });
      expect(response.status).toBe(400);
      const fields = (response.body.errors as Array<{ field: string }>).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['purpose', 'birthDate', 'sex', 'religion']));
    });

    it('refuses with 403 a field outside the agreement, naming it', async () => {
      const limited = await createAgency(stack.url, admin, { allowedFields: ['fullName', 'birthDate'] });
      const token = await agencyToken(stack.url, limited);
      const response = await verify(
        stack.url,
        token,
        verification(person.nik, { fullName: person.fullName, motherName: person.motherName, address: 'X' }),
      );
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('AGENCY.FIELD_NOT_ALLOWED');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['motherName', 'address']);
      await verify(stack.url, token, verification(person.nik, { fullName: person.fullName })).expect(200);
    });
  });

  describe('POST /verifications/batch', () => {
    it('answers every item in order', async () => {
      const items = [
        verification(person.nik, { fullName: person.fullName }),
        verification(UNKNOWN_NIK, { fullName: 'SIAPA' }),
        verification(relative.nik, { birthDate: relative.birthDate }),
        verification(person.nik),
      ];
      const response = await verifyBatch(stack.url, bankToken, items).expect(200);
      expect(response.body.results).toHaveLength(4);
      expect(response.body.results.map((r: { nik: string }) => r.nik)).toEqual(items.map((i) => i.nik));
      expect(response.body.results.map((r: { found: boolean }) => r.found)).toEqual([true, false, true, true]);
      expect(response.body.results[0].fields).toEqual({ fullName: { match: true, score: 1 } });
      expect(response.body.results[2].fields).toEqual({ birthDate: { match: true } });
      expect(new Set(response.body.results.map((r: { requestId: string }) => r.requestId)).size).toBe(4);
    });

    it('compares an address in a batch, and reads it for a batch that asks none', async () => {
      const withAddress = await verifyBatch(stack.url, bankToken, [
        verification(person.nik, { fullName: person.fullName }),
        verification(relative.nik, { address: family.address }),
      ]).expect(200);
      expect(withAddress.body.results.map((r: { fields: unknown }) => r.fields)).toEqual([
        { fullName: { match: true, score: 1 } },
        { address: { match: true, score: 1 } },
      ]);
      const without = await verifyBatch(stack.url, bankToken, [
        verification(relative.nik, { fullName: relative.fullName }),
      ]).expect(200);
      expect(without.body.results[0]).toMatchObject({ found: true, fields: { fullName: { match: true, score: 1 } } });
    });

    it('takes up to 1000 items; more, none, or a bad item is 400 naming it', async () => {
      const thousand = Array.from({ length: 1000 }, (_, i) => verification(i % 2 === 0 ? person.nik : UNKNOWN_NIK));
      const ok = await verifyBatch(stack.url, bankToken, thousand).expect(200);
      expect(ok.body.results).toHaveLength(1000);
      await verifyBatch(stack.url, bankToken, [...thousand, verification(person.nik)]).expect(400);
      await verifyBatch(stack.url, bankToken, []).expect(400);
      const bad = await verifyBatch(stack.url, bankToken, [verification(person.nik), { nik: '12', purpose: 'x' }]);
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'items[1].nik' })]);
    });

    it('refuses a whole batch with 403 when an item asks a field outside the agreement', async () => {
      const limited = await createAgency(stack.url, admin, { allowedFields: ['fullName'] });
      const token = await agencyToken(stack.url, limited);
      const response = await verifyBatch(stack.url, token, [
        verification(person.nik, { fullName: person.fullName }),
        verification(relative.nik, { fullName: relative.fullName, sex: relative.sex }),
      ]);
      expect(response.status).toBe(403);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'items[1].sex' })]);
    });
  });

  describe('the batch body, relayed to identity unparsed', () => {
    function rawPost(path: string, body: string, headers: Record<string, string> = {}): request.Test {
      const post = request(stack.url)
        .post(`/api/v1/verifications${path}`)
        .set('authorization', `Bearer ${bankToken}`)
        .set('content-type', 'application/json');
      for (const [name, value] of Object.entries(headers)) post.set(name, value);
      return post.send(body);
    }

    it.each([
      ['not JSON', '{"items": ['],
      ['empty', ''],
      ['an array', '[]'],
      ['a string', '"items"'],
      ['only spaces', '   '],
      ['__proto__', `{"__proto__":{"admin":true},"items":[{"nik":"1602051212120999","purpose":"x"}]}`],
      ['__proto__ escaped', `{"\\u005f_proto__":{"admin":true},"items":[]}`],
      ['constructor.prototype', `{"constructor":{"prototype":{"admin":true}},"items":[]}`],
    ])('refuses a body that is %s exactly as the gateway refuses it on a parsed route', async (_, body) => {
      // POST /verifications is parsed by the gateway (Fastify); the batch is parsed by identity.
      const parsed = await rawPost('', body);
      const relayed = await rawPost('/batch', body);
      expect(parsed.status).toBe(400);
      expect(relayed.status).toBe(400);
      expect(relayed.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect({ code: relayed.body.code, detail: relayed.body.detail }).toEqual({
        code: parsed.body.code,
        detail: parsed.body.detail,
      });
    });

    it('puts in the principal of the token, whatever the body names', async () => {
      const other = { accountId: '00000000-0000-4000-8000-000000000000', role: 'ADMIN', regencyCode: '16.02' };
      const body = JSON.stringify({
        principal: other,
        items: [verification(person.nik, { fullName: person.fullName })],
      });
      const response = await rawPost('/batch', body).expect(200);
      expect(response.body.results[0]).toMatchObject({ nik: person.nik, found: true });
    });

    it('reads names written with \\u escapes, and takes a keyed retry through the parsed path alike', async () => {
      const escaped = person.fullName.replace(/[A-Z]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
      const body = `{"items":[{"nik":"${person.nik}","purpose":"Pembukaan rekening tabungan","fullName":"${escaped}"}]}`;
      const relayed = await rawPost('/batch', body).expect(200);
      const keyed = await rawPost('/batch', body, { 'idempotency-key': `relay-${Date.now()}` }).expect(200);
      expect(relayed.body.results[0].fields).toEqual({ fullName: { match: true, score: 1 } });
      expect(keyed.body.results[0].fields).toEqual(relayed.body.results[0].fields);
    });

    it('keeps the body limit (413), parses a large spaced-out body in the gateway, and never sends NATS an oversized message', async () => {
      const huge = JSON.stringify({ items: [verification(person.nik, { fullName: 'A'.repeat(3 * 1024 * 1024) })] });
      const overLimit = await rawPost('/batch', huge);
      expect(overLimit.status).toBe(413);
      expect(overLimit.body.code).toBe('REQUEST.TOO_LARGE');
      // Within the body limit, but as sent larger than a NATS message takes: parsed here, it fits.
      const item = JSON.stringify(verification(person.nik, { fullName: person.fullName }));
      const spaced = `{"items":[${item}${' '.repeat(1_000_000)}]}`;
      const relayed = await rawPost('/batch', spaced).expect(200);
      expect(relayed.body.results[0]).toMatchObject({ nik: person.nik, found: true });
      // Within the body limit and still too large for NATS once parsed: 413, not a 500.
      const dense = JSON.stringify({ items: [verification(person.nik, { fullName: 'A'.repeat(1_045_000) })] });
      const tooLargeForBus = await rawPost('/batch', dense);
      expect(tooLargeForBus.status).toBe(413);
      expect(tooLargeForBus.body.code).toBe('REQUEST.TOO_LARGE');
    });
  });

  describe('quota', () => {
    it('counts NIK checks per minute and answers 429 with Retry-After beyond it', async () => {
      await awayFromMinuteEnd(15);
      const small = await createAgency(stack.url, admin, { requestsPerMinute: 5 });
      const token = await agencyToken(stack.url, small);
      for (let i = 0; i < 3; i++) await verify(stack.url, token, verification(person.nik)).expect(200);
      // A batch of three does not fit into the two left: refused whole, and nothing is used up.
      const batch = await verifyBatch(
        stack.url,
        token,
        [1, 2, 3].map(() => verification(person.nik)),
      );
      expect(batch.status).toBe(429);
      await verifyBatch(
        stack.url,
        token,
        [1, 2].map(() => verification(person.nik)),
      ).expect(200);
      const refused = await verify(stack.url, token, verification(person.nik));
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('AGENCY.QUOTA_EXCEEDED');
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // Another agency's quota is its own.
      await verify(stack.url, bankToken, verification(person.nik)).expect(200);
    });

    it('shares one count between replicas of the identity service', async () => {
      const second: RunningService = await startIdentity(
        loadConfig('identity', IdentityConfig, {
          // The stack's configuration (its NATS key, token keys, database roles) for a second replica.
          ...stack.serviceEnv(ServiceName.IDENTITY),
          LOG_LEVEL: 'warn',
        }),
      );
      try {
        const limit = 40;
        const shared = await createAgency(stack.url, admin, { requestsPerMinute: limit });
        // A token per request (they differ by expiry): the gateway sends concurrent checks of one
        // token as one message, and 60 messages are what spreads them over both replicas.
        const tokens = await Promise.all(
          Array.from({ length: 60 }, (_, i) => stack.signToken({ sub: shared.id, role: 'AGENCY' }, 900 - i)),
        );
        // After the replica's start-up, whose length the machine decides: all 60 in one minute.
        await awayFromMinuteEnd(15);
        const responses = await Promise.all(tokens.map((token) => verify(stack.url, token, verification(person.nik))));
        const statuses = responses.map((r) => r.status);
        expect(statuses.filter((s) => s === 200)).toHaveLength(limit);
        expect(statuses.filter((s) => s === 429)).toHaveLength(60 - limit);
        // Both replicas answered some of them (NATS spreads a queue group's messages).
        expect((await second.metrics.render()).body).toMatch(/subject="identity\.verification\.verify"/);
      } finally {
        await second.close();
      }
    });
  });

  describe('suspension', () => {
    it('stops an agency at once: its token is refused on the very next request, and it gets no new one', async () => {
      const agency = await createAgency(stack.url, admin);
      const token = await agencyToken(stack.url, agency);
      await verify(stack.url, token, verification(person.nik)).expect(200);
      await request(stack.url)
        .post(`/api/v1/admin/agencies/${agency.id}/suspend`)
        .set('authorization', `Bearer ${admin}`)
        .expect(200);
      const refused = await verify(stack.url, token, verification(person.nik));
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('AGENCY.SUSPENDED');
      await verifyBatch(stack.url, token, [verification(person.nik)]).expect(401);
      const noToken = await request(stack.url)
        .post('/api/v1/auth/token')
        .send({ grant_type: 'client_credentials', client_id: agency.clientId, client_secret: agency.clientSecret });
      expect(noToken.status).toBe(401);
      expect(noToken.body.code).toBe('AGENCY.SUSPENDED');

      const resumed = await request(stack.url)
        .post(`/api/v1/admin/agencies/${agency.id}/resume`)
        .set('authorization', `Bearer ${admin}`)
        .expect(200);
      expect(resumed.body.suspended).toBe(false);
      await verify(stack.url, token, verification(person.nik)).expect(200);
    });
  });

  describe('the access log of the person checked', () => {
    it('shows every check: which agency, when, which fields and why', async () => {
      const subject = family.members[2];
      await registerResident(stack.url, {
        nik: subject.nik,
        familyCardNumber: family.familyCardNumber,
        birthDate: subject.birthDate,
      });
      const resident = await login(stack.url, subject.nik, RESIDENT_PASSWORD);
      const insurer = await createAgency(stack.url, admin, { name: 'ASURANSI JIWA CONTOH' });
      const token = await agencyToken(stack.url, insurer);
      const before = Date.now();
      await verify(stack.url, token, {
        nik: subject.nik,
        purpose: 'Klaim asuransi jiwa',
        fullName: subject.fullName,
        birthDate: subject.birthDate,
      }).expect(200);
      await verifyBatch(stack.url, token, [
        { nik: subject.nik, purpose: 'Pemutakhiran data nasabah', motherName: subject.motherName },
      ]).expect(200);

      const log = await request(stack.url)
        .get('/api/v1/me/access-log')
        .set('authorization', `Bearer ${resident}`)
        .expect(200);
      expect(log.body.total).toBe(2);
      expect(log.body.items).toEqual([
        {
          at: expect.any(String),
          actor: 'ASURANSI JIWA CONTOH',
          actorType: 'AGENCY',
          purpose: 'Pemutakhiran data nasabah',
          fields: ['motherName'],
        },
        {
          at: expect.any(String),
          actor: 'ASURANSI JIWA CONTOH',
          actorType: 'AGENCY',
          purpose: 'Klaim asuransi jiwa',
          fields: ['fullName', 'birthDate'],
        },
      ]);
      expect(Date.parse(log.body.items[1].at)).toBeGreaterThanOrEqual(before - 1000);
    });

    it('shows each check of a batch as a single check appears, one line per check of their NIK, paged', async () => {
      const subject = family.members[1];
      await registerResident(stack.url, {
        nik: subject.nik,
        familyCardNumber: family.familyCardNumber,
        birthDate: subject.birthDate,
      });
      const resident = await login(stack.url, subject.nik, RESIDENT_PASSWORD);
      const lender = await createAgency(stack.url, admin, { name: 'KOPERASI SIMPAN PINJAM CONTOH' });
      const token = await agencyToken(stack.url, lender);
      const page = async (query: string) =>
        (await request(stack.url).get(`/api/v1/me/access-log${query}`).set('authorization', `Bearer ${resident}`))
          .body as { items: Array<Record<string, unknown>>; total: number };
      const start = (await page('')).total;

      await verify(stack.url, token, { nik: subject.nik, purpose: 'Pengajuan pinjaman', sex: subject.sex }).expect(200);
      // Their NIK twice among others' (and an unknown NIK, which is not logged).
      await verifyBatch(stack.url, token, [
        verification(person.nik, { fullName: person.fullName }),
        {
          nik: subject.nik,
          purpose: 'Pemutakhiran data anggota',
          fullName: subject.fullName,
          birthDate: subject.birthDate,
        },
        verification(UNKNOWN_NIK),
        { nik: subject.nik, purpose: 'Penagihan' },
      ]).expect(200);
      await verify(stack.url, token, { nik: subject.nik, purpose: 'Pencairan pinjaman' }).expect(200);

      const log = await page('');
      expect(log.total).toBe(start + 4);
      const line = (purpose: string, fields: string[]) => ({
        at: expect.any(String),
        actor: 'KOPERASI SIMPAN PINJAM CONTOH',
        actorType: 'AGENCY',
        purpose,
        fields,
      });
      expect(log.items.slice(0, 4)).toEqual([
        line('Pencairan pinjaman', []),
        line('Penagihan', []),
        line('Pemutakhiran data anggota', ['fullName', 'birthDate']),
        line('Pengajuan pinjaman', ['sex']),
      ]);
      // Exactly the keys a single check's line has: nothing of the batch (its other NIKs) shows.
      for (const item of log.items)
        expect(Object.keys(item).sort()).toEqual(['actor', 'actorType', 'at', 'fields', 'purpose']);
      expect(log.items[1].at).toBe(log.items[2].at);
      // Paging cuts through the batch's two lines without losing or repeating one.
      const paged = [...(await page('?limit=1&offset=1')).items, ...(await page('?limit=2&offset=2')).items];
      expect(paged.map((item) => item.purpose)).toEqual([
        'Penagihan',
        'Pemutakhiran data anggota',
        'Pengajuan pinjaman',
      ]);

      // A batch whose checks all share one purpose and field list (stored once): still a line per check.
      const shared = { purpose: 'Penilaian kredit', fullName: 'NAMA SEMBARANG' };
      const sharedBatch = await verifyBatch(stack.url, token, [
        { nik: person.nik, ...shared },
        { nik: subject.nik, ...shared },
        { nik: subject.nik, ...shared },
      ]).expect(200);
      const ids = (sharedBatch.body as VerifyBatchReply).results.map((result) => result.requestId);
      expect(new Set(ids).size).toBe(3);
      const after = await page('');
      expect(after.total).toBe(start + 6);
      expect(after.items.slice(0, 3)).toEqual([
        line('Penilaian kredit', ['fullName']),
        line('Penilaian kredit', ['fullName']),
        line('Pencairan pinjaman', []),
      ]);
    });

    /** How many lines the resident holding `token` reads in their access log. */
    async function accessLogTotal(token: string): Promise<number> {
      const response = await request(stack.url).get('/api/v1/me/access-log').set('authorization', `Bearer ${token}`);
      return response.body.total as number;
    }

    it('logs nothing for a refused check or an unknown NIK', async () => {
      const subject = family.members[2];
      const resident = await login(stack.url, subject.nik, RESIDENT_PASSWORD);
      const total = (): Promise<number> => accessLogTotal(resident);
      const start = await total();
      const limited = await createAgency(stack.url, admin, { allowedFields: [] });
      const token = await agencyToken(stack.url, limited);
      await verify(stack.url, token, verification(subject.nik, { fullName: subject.fullName })).expect(403);
      await verify(stack.url, token, verification(UNKNOWN_NIK)).expect(200);
      expect(await total()).toBe(start);
      await verify(stack.url, token, verification(subject.nik)).expect(200);
      expect(await total()).toBe(start + 1);
    });

    it('refuses hidden characters in what the resident reads: an agency name, a purpose (400, nothing logged)', async () => {
      const subject = family.members[2];
      const resident = await login(stack.url, subject.nik, RESIDENT_PASSWORD);
      const total = (): Promise<number> => accessLogTotal(resident);
      const start = await total();
      const agencies = async (): Promise<number> =>
        (await request(stack.url).get('/api/v1/admin/agencies').set('authorization', `Bearer ${admin}`)).body
          .total as number;
      const before = await agencies();
      // A right-to-left override shows "BANK CONTOH" for what is stored as something else.
      for (const name of ['KNAB\u202e HOTNOC', 'BANK\u200bCONTOH', 'BANK\nCONTOH', '   ', 'BANK \ud800']) {
        const refused = await request(stack.url)
          .post('/api/v1/admin/agencies')
          .set('authorization', `Bearer ${admin}`)
          .send({ name, allowedFields: ['fullName'], requestsPerMinute: 60 });
        expect(refused.status).toBe(400);
        expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
      }
      expect(await agencies()).toBe(before);
      const hidden = 'Pembukaan rekening \u2067tabungan\u2069';
      const single = await verify(stack.url, bankToken, { ...verification(subject.nik), purpose: hidden });
      expect(single.status).toBe(400);
      expect(single.body.errors).toEqual([expect.objectContaining({ field: 'purpose' })]);
      const batch = await verifyBatch(stack.url, bankToken, [
        verification(subject.nik),
        { ...verification(subject.nik), purpose: 'Klaim\u202e' },
        { ...verification(subject.nik), purpose: 'Klaim\u001b[2J' },
      ]);
      // A bidirectional override is refused before validation, in any field (the first one met).
      expect(batch.status).toBe(400);
      expect(batch.body.errors).toEqual([
        {
          field: 'items[1].purpose',
          message:
            'tidak boleh memuat karakter pengubah arah teks (U+202A–U+202E, U+2066–U+2069): U+202E pada karakter ke-6',
        },
      ]);
      const controls = await verifyBatch(stack.url, bankToken, [
        verification(subject.nik),
        { ...verification(subject.nik), purpose: 'Klaim\u200b' },
        { ...verification(subject.nik), purpose: 'Klaim\u001b[2J' },
      ]);
      expect(controls.status).toBe(400);
      expect(controls.body.errors).toEqual([
        expect.objectContaining({ field: 'items[1].purpose' }),
        expect.objectContaining({ field: 'items[2].purpose' }),
      ]);
      expect(await total()).toBe(start);
      // Any visible punctuation is fine: it is escaped where it is shown.
      await verify(stack.url, bankToken, {
        ...verification(subject.nik),
        purpose: 'KYC <nasabah> & "prioritas"',
      }).expect(200);
      expect(await total()).toBe(start + 1);
    });
  });
});
