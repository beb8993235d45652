import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { NatsRecordBuilder } from '@nestjs/microservices';
import { NatsRecordSerializer } from '@nestjs/microservices/serializers/nats-record.serializer.js';
import request from 'supertest';
import { IdentityPatterns } from '#lib/contracts';
import { STAFF_PASSWORD, importCsv, login, syntheticNip } from './factories/accounts.factory.js';
import { agencyToken, createAgency, verification, verify, verifyBatch } from './factories/agencies.factory.js';
import {
  APPLICATIONS_TEST_ENV,
  OTHER_REGENCY,
  REGENCY,
  as,
  buildApplicationsWorld,
  familyCardReplacementBody,
  type ApplicationsWorld,
} from './factories/applications.factory.js';
import { csvLine, residentsCsv, rowOf, syntheticFamilies, CSV_COLUMNS } from './factories/registry.factory.js';
import { startStack, type Stack } from './support/stack.js';

/**
 * Administration scope and four-eyes between people (docs/security.md): a regency ADMIN acts
 * within its regency only (staff, import rows, revocation, registry reads), agencies are the
 * deployment ADMIN's; a NIP and a staff NIK name one account; a clerk or official is kept off
 * their own family's applications; the approver may not be the verifier as a person.
 */
describe('admin scope and four-eyes', () => {
  let stack: Stack;
  let world: ApplicationsWorld;
  /** The first ADMIN (ADMIN_USERNAME): deployment-wide. */
  let firstAdmin: string;
  let okiAdmin: string;
  let okuAdmin: string;
  let centralAdmin: string;

  async function createStaffAs(token: string, body: Record<string, unknown>): Promise<request.Response> {
    return request(stack.url)
      .post('/api/v1/admin/staff')
      .set('authorization', `Bearer ${token}`)
      .send({ password: STAFF_PASSWORD, fullName: 'PETUGAS UJI', nip: syntheticNip(), ...body });
  }

  async function staffToken(token: string, body: Record<string, unknown>): Promise<string> {
    const created = await createStaffAs(token, body);
    expect(created.status).toBe(201);
    return login(stack.url, body['username'] as string, STAFF_PASSWORD);
  }

  beforeAll(async () => {
    stack = await startStack({ env: APPLICATIONS_TEST_ENV });
    world = await buildApplicationsWorld(stack.url);
    firstAdmin = world.tokens.admin;
    okiAdmin = await staffToken(firstAdmin, { username: 'admin.oki', role: 'ADMIN', regencyCode: REGENCY });
    okuAdmin = await staffToken(firstAdmin, { username: 'admin.oku', role: 'ADMIN', regencyCode: OTHER_REGENCY });
    centralAdmin = await staffToken(firstAdmin, {
      username: 'admin.pusat',
      role: 'ADMIN',
      regencyCode: REGENCY,
      scope: 'DEPLOYMENT',
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  describe('staff accounts', () => {
    it('tells each ADMIN its scope: the first one and one created with scope DEPLOYMENT are deployment-wide', async () => {
      expect((await as(stack.url, firstAdmin).get('/me')).body.adminScope).toBe('DEPLOYMENT');
      expect((await as(stack.url, centralAdmin).get('/me')).body.adminScope).toBe('DEPLOYMENT');
      expect((await as(stack.url, okiAdmin).get('/me')).body).toMatchObject({
        adminScope: 'REGENCY',
        regencyCode: REGENCY,
      });
    });

    it('lets a regency ADMIN create staff in its own regency only; a deployment ADMIN anywhere', async () => {
      expect(
        (await createStaffAs(okiAdmin, { username: 'clerk.oki.new', role: 'CLERK', regencyCode: REGENCY })).status,
      ).toBe(201);
      const elsewhere = await createStaffAs(okiAdmin, {
        username: 'clerk.oku.planted',
        role: 'CLERK',
        regencyCode: OTHER_REGENCY,
      });
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.body.code).toBe('ADMIN.OUT_OF_SCOPE');
      expect(elsewhere.body.detail).toContain('di luar wilayahnya');
      // Nothing was created: the username is still free for the deployment ADMIN.
      const central = await createStaffAs(centralAdmin, {
        username: 'clerk.oku.planted',
        role: 'CLERK',
        regencyCode: OTHER_REGENCY,
      });
      expect(central.status).toBe(201);
    });

    it('lets only a deployment ADMIN create a deployment-wide ADMIN, and scope only for ADMIN accounts', async () => {
      const escalate = await createStaffAs(okiAdmin, {
        username: 'admin.oki.pusat',
        role: 'ADMIN',
        regencyCode: REGENCY,
        scope: 'DEPLOYMENT',
      });
      expect(escalate.status).toBe(403);
      expect(escalate.body.code).toBe('ADMIN.OUT_OF_SCOPE');
      // A regency ADMIN may still create a regency ADMIN of its own regency.
      const regencyAdmin = await createStaffAs(okiAdmin, {
        username: 'admin.oki.2',
        role: 'ADMIN',
        regencyCode: REGENCY,
      });
      expect(regencyAdmin.status).toBe(201);
      const clerkWithScope = await createStaffAs(centralAdmin, {
        username: 'clerk.scoped',
        role: 'CLERK',
        regencyCode: REGENCY,
        scope: 'DEPLOYMENT',
      });
      expect(clerkWithScope.status).toBe(400);
      const badScope = await createStaffAs(centralAdmin, {
        username: 'admin.bad',
        role: 'ADMIN',
        regencyCode: REGENCY,
        scope: 'EVERYWHERE',
      });
      expect(badScope.status).toBe(400);
    });

    it('takes the scope from the token only: a regency ADMIN claiming DEPLOYMENT in the message body is refused', async () => {
      // Straight onto the bus with the gateway's key and a correct caller assertion, as a
      // compromised gateway could: the body's principal says deployment-wide, the token does not.
      const me = (await as(stack.url, okiAdmin).get('/me')).body as { id: string };
      const nc: NatsConnection = await stack.connectAs('gateway');
      try {
        const h = natsHeaders();
        const sent = stack.callerHeaders('gateway', IdentityPatterns.STAFF_CREATE, okiAdmin);
        for (const [name, value] of Object.entries(sent)) h.set(name, value);
        const packet = new NatsRecordSerializer().serialize({
          pattern: IdentityPatterns.STAFF_CREATE,
          id: randomUUID(),
          data: new NatsRecordBuilder({
            principal: { accountId: me.id, role: 'ADMIN', regencyCode: OTHER_REGENCY, adminScope: 'DEPLOYMENT' },
            username: 'clerk.oku.forged',
            password: STAFF_PASSWORD,
            fullName: 'PETUGAS PALSU',
            nip: syntheticNip(),
            role: 'CLERK',
            regencyCode: OTHER_REGENCY,
          })
            .setHeaders(h)
            .build(),
        });
        const reply = await nc.request(IdentityPatterns.STAFF_CREATE, packet.data as string, {
          timeout: 5000,
          headers: packet.headers as never,
        });
        expect(reply.json<{ err?: { code: string } }>().err?.code).toBe('ADMIN.OUT_OF_SCOPE');
      } finally {
        await nc.close();
      }
      const forged = await request(stack.url)
        .post('/api/v1/auth/login')
        .send({ username: 'clerk.oku.forged', password: STAFF_PASSWORD });
      expect(forged.status).toBe(401);
    });

    it('lets a regency ADMIN list and manage the staff of its own regency only, never a deployment ADMIN', async () => {
      const listed = await request(stack.url)
        .get('/api/v1/admin/staff?limit=100')
        .set('authorization', `Bearer ${okiAdmin}`);
      expect(listed.status).toBe(200);
      const regencies = new Set((listed.body.items as Array<{ regencyCode: string }>).map((item) => item.regencyCode));
      expect([...regencies]).toEqual([REGENCY]);
      const everyone = await request(stack.url)
        .get('/api/v1/admin/staff?limit=100')
        .set('authorization', `Bearer ${centralAdmin}`);
      expect(everyone.body.total).toBeGreaterThan(listed.body.total);
      const idOf = (username: string): string =>
        (everyone.body.items as Array<{ id: string; username: string }>).find((item) => item.username === username)!.id;
      const act = (token: string, id: string, action: string): request.Test =>
        request(stack.url).post(`/api/v1/admin/staff/${id}/${action}`).set('authorization', `Bearer ${token}`);
      // A clerk of its own regency: yes. One of another regency, or the deployment ADMIN registered in its
      // own regency (taking over its password would hand over the whole deployment): no.
      await staffToken(firstAdmin, { username: 'clerk.oki.kelola', role: 'CLERK', regencyCode: REGENCY });
      await staffToken(firstAdmin, { username: 'clerk.oku.kelola', role: 'CLERK', regencyCode: OTHER_REGENCY });
      const refreshed = await request(stack.url)
        .get('/api/v1/admin/staff?limit=100')
        .set('authorization', `Bearer ${centralAdmin}`);
      const idIn = (username: string): string =>
        (refreshed.body.items as Array<{ id: string; username: string }>).find((item) => item.username === username)!
          .id;
      expect((await act(okiAdmin, idIn('clerk.oki.kelola'), 'reset-password')).status).toBe(200);
      const elsewhere = await act(okiAdmin, idIn('clerk.oku.kelola'), 'disable');
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.body.code).toBe('ADMIN.OUT_OF_SCOPE');
      const takeover = await act(okiAdmin, idOf('admin.pusat'), 'reset-password');
      expect(takeover.status).toBe(403);
      expect(takeover.body.code).toBe('ADMIN.OUT_OF_SCOPE');
    });

    it('keeps one staff account per person: a NIP or a NIK already used is 409 with a clear detail', async () => {
      const nip = syntheticNip();
      const nik = world.strangerFamily.members[0].nik;
      expect(
        (await createStaffAs(firstAdmin, { username: 'clerk.once', role: 'CLERK', regencyCode: REGENCY, nip, nik }))
          .status,
      ).toBe(201);
      const sameNip = await createStaffAs(firstAdmin, {
        username: 'official.twice',
        role: 'OFFICIAL',
        regencyCode: REGENCY,
        nip,
      });
      expect(sameNip.status).toBe(409);
      expect(sameNip.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(sameNip.body.code).toBe('STAFF.NIP_TAKEN');
      expect(sameNip.body.detail).toContain('NIP ini sudah dipakai');
      const sameNik = await createStaffAs(firstAdmin, {
        username: 'official.thrice',
        role: 'OFFICIAL',
        regencyCode: REGENCY,
        nik,
      });
      expect(sameNik.status).toBe(409);
      expect(sameNik.body.code).toBe('STAFF.NIK_TAKEN');
      // The NIK must be a NIK.
      const badNik = await createStaffAs(firstAdmin, {
        username: 'official.badnik',
        role: 'OFFICIAL',
        regencyCode: REGENCY,
        nik: '1602 0141 0190 0001',
      });
      expect(badNik.status).toBe(400);
      expect((badNik.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain('nik');
    });
  });

  describe('registry', () => {
    it('rejects, row by row, what a regency ADMIN imports outside its regency; the rest lands', async () => {
      const [okiFamily] = syntheticFamilies({ regencyCode: REGENCY, families: 1, seed: 301 });
      const [okuFamily] = syntheticFamilies({ regencyCode: OTHER_REGENCY, families: 1, seed: 302 });
      // A person the registry has in the other regency, written into an OKI family: a move the
      // OKI ADMIN may not make.
      const okuPerson = world.otherRegencyFamily.members[0];
      const okiHead = okiFamily.members[0];
      const lines = [
        CSV_COLUMNS.join(','),
        ...okiFamily.members.map((m) => csvLine(rowOf(m, okiFamily))),
        ...okuFamily.members.map((m) => csvLine(rowOf(m, okuFamily))),
        csvLine({ ...rowOf(okuPerson, okiFamily), relationship: 'FAMILI_LAIN' }),
      ];
      const response = await importCsv(stack.url, okiAdmin, `${lines.join('\n')}\n`);
      expect(response.status).toBe(200);
      expect(response.body.imported).toBe(okiFamily.members.length);
      const outside = okuFamily.members.map((_, i) => 2 + okiFamily.members.length + i);
      const moved = 2 + okiFamily.members.length + okuFamily.members.length;
      const rejected = response.body.rejected as Array<{
        line: number;
        errors: Array<{ field: string; message: string }>;
      }>;
      expect(rejected.map((r) => r.line).sort((a, b) => a - b)).toEqual([...outside, moved]);
      for (const line of outside) {
        const row = rejected.find((r) => r.line === line)!;
        expect(row.errors).toEqual([expect.objectContaining({ field: 'villageCode' })]);
        expect(row.errors[0].message).toContain('di luar wilayah administrator');
      }
      expect(rejected.find((r) => r.line === moved)!.errors).toEqual([
        expect.objectContaining({ field: 'nik', message: expect.stringContaining('kabupaten/kota lain') }),
      ]);
      // The OKI ADMIN reads its own residents, not the other regency's (not found, as for anyone).
      await as(stack.url, okiAdmin).get(`/residents/${okiHead.nik}`).expect(200);
      await as(stack.url, okiAdmin).get(`/residents/${okuPerson.nik}`).expect(404);
      await as(stack.url, okuAdmin).get(`/residents/${okiHead.nik}`).expect(404);
      await as(stack.url, okiAdmin).get(`/families/${world.otherRegencyFamily.familyCardNumber}`).expect(404);

      // The deployment ADMIN imports the other regency's rows and reads anywhere.
      const central = await importCsv(stack.url, centralAdmin, residentsCsv([okuFamily]));
      expect(central.body).toMatchObject({ imported: okuFamily.members.length, rejected: [] });
      await as(stack.url, centralAdmin).get(`/residents/${okuPerson.nik}`).expect(200);
      await as(stack.url, centralAdmin).get(`/residents/${okiHead.nik}`).expect(200);
    });
  });

  describe('agencies', () => {
    it('are managed by deployment ADMINs only, and GET /admin/agencies shows the checks of today', async () => {
      const refused = await request(stack.url)
        .post('/api/v1/admin/agencies')
        .set('authorization', `Bearer ${okiAdmin}`)
        .send({ name: 'BANK DAERAH', allowedFields: ['fullName'], requestsPerMinute: 100 });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('ADMIN.OUT_OF_SCOPE');
      expect((await as(stack.url, okiAdmin).get('/admin/agencies')).status).toBe(403);

      const busy = await createAgency(stack.url, centralAdmin, { name: 'BANK UJI SIBUK', allowedFields: ['fullName'] });
      const idle = await createAgency(stack.url, firstAdmin, { name: 'ASURANSI UJI DIAM' });
      expect((await as(stack.url, okiAdmin).post(`/admin/agencies/${idle.id}/suspend`)).status).toBe(403);
      await as(stack.url, centralAdmin).post(`/admin/agencies/${idle.id}/suspend`).expect(200);

      const token = await agencyToken(stack.url, busy);
      const people = world.birthFamily.members;
      await verify(stack.url, token, verification(people[0].nik, { fullName: people[0].fullName })).expect(200);
      await verifyBatch(stack.url, token, [verification(people[1].nik), verification(people[2].nik)]).expect(200);
      // Refused before counting: asking for a field the agreement does not allow.
      await verify(stack.url, token, verification(people[0].nik, { birthDate: people[0].birthDate })).expect(403);

      const list = await as(stack.url, centralAdmin).get('/admin/agencies?limit=10');
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(2);
      expect(list.body.items.map((a: { name: string }) => a.name)).toEqual(['ASURANSI UJI DIAM', 'BANK UJI SIBUK']);
      expect(list.body.items[1]).toEqual(
        expect.objectContaining({
          id: busy.id,
          clientId: busy.clientId,
          allowedFields: ['fullName'],
          requestsPerMinute: 10_000,
          suspended: false,
          checksToday: 3,
        }),
      );
      expect(list.body.items[0]).toMatchObject({ id: idle.id, suspended: true, checksToday: 0 });
      expect(JSON.stringify(list.body)).not.toContain(busy.clientSecret);
      const page = await as(stack.url, firstAdmin).get('/admin/agencies?limit=1&offset=1');
      expect(page.body).toMatchObject({ total: 2, items: [{ id: busy.id }] });
      expect((await as(stack.url, centralAdmin).get('/admin/agencies?limit=101')).status).toBe(400);
    });
  });

  describe('applications: own family and four-eyes', () => {
    let applicationId: string;
    let verifierNip: string;

    it('keeps a clerk off their own family’s application (403) and marks it in the queue', async () => {
      // The clerk is the mother of the family (NIK on the staff account); the father applies.
      const familyClerk = await staffToken(firstAdmin, {
        username: 'clerk.keluarga',
        role: 'CLERK',
        regencyCode: REGENCY,
        nik: world.mother.nik,
      });
      const created = await as(stack.url, world.tokens.father).post('/applications', familyCardReplacementBody(world));
      expect(created.status).toBe(201);
      applicationId = created.body.id as string;

      const seen = await as(stack.url, familyClerk).get(`/applications/${applicationId}`);
      expect(seen.status).toBe(200);
      expect(seen.body.ownFamily).toBe(true);
      expect(seen.body.allowedActions).toEqual([]);
      const queue = await as(stack.url, familyClerk).get('/applications?status=SUBMITTED');
      expect(queue.body.items.find((a: { id: string }) => a.id === applicationId)?.ownFamily).toBe(true);

      for (const [action, body] of [
        ['verify', {}],
        ['return', { reason: 'Lengkapi surat kehilangan' }],
        ['reject', { reason: 'Tidak memenuhi syarat' }],
      ] as const) {
        const refused = await as(stack.url, familyClerk).post(`/applications/${applicationId}/${action}`, body);
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe('APPLICATION.OWN_FAMILY');
        expect(refused.body.detail).toContain('keluarganya sendiri');
      }
      // Another clerk sees no mark and verifies it, with its NIP recorded from its token.
      verifierNip = syntheticNip();
      const clerk = await staffToken(firstAdmin, {
        username: 'clerk.lain',
        role: 'CLERK',
        regencyCode: REGENCY,
        nip: verifierNip,
      });
      const other = await as(stack.url, clerk).get(`/applications/${applicationId}`);
      expect(other.body.ownFamily).toBeUndefined();
      expect(other.body.allowedActions).toContain('verify');
      expect((await as(stack.url, clerk).post(`/applications/${applicationId}/verify`)).status).toBe(200);
    });

    it('keeps an official off their own family’s application, and the verifier’s person off approving', async () => {
      const familyOfficial = await staffToken(firstAdmin, {
        username: 'official.keluarga',
        role: 'OFFICIAL',
        regencyCode: REGENCY,
        nik: world.father.nik,
      });
      const refused = await as(stack.url, familyOfficial).post(`/applications/${applicationId}/approve`);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('APPLICATION.OWN_FAMILY');

      // The verifier as an OFFICIAL under another account (the same NIP, as a token identity
      // signed for a second account of the same person would carry it): not the approver.
      // A real account (the gateway checks every account's state with identity), whose token
      // carries the verifier's NIP.
      const twinToken = await staffToken(firstAdmin, {
        username: 'official.kembar',
        role: 'OFFICIAL',
        regencyCode: REGENCY,
        nip: syntheticNip(),
      });
      const twinId = (JSON.parse(Buffer.from(twinToken.split('.')[1] ?? '', 'base64url').toString()) as { sub: string })
        .sub;
      const samePerson = await stack.signToken({
        sub: twinId,
        role: 'OFFICIAL',
        regencyCode: REGENCY,
        username: 'official.kembar',
        nip: verifierNip,
      });
      const view = await as(stack.url, samePerson).get(`/applications/${applicationId}`);
      expect(view.body.allowedActions).not.toContain('approve');
      const twin = await as(stack.url, samePerson).post(`/applications/${applicationId}/approve`);
      expect(twin.status).toBe(403);
      expect(twin.body.code).toBe('APPLICATION.FOUR_EYES');
    });

    it('lets another official approve; only an ADMIN in scope revokes the document issued', async () => {
      expect((await as(stack.url, world.tokens.official).post(`/applications/${applicationId}/approve`)).status).toBe(
        202,
      );
      let documents: Array<{ id: string }> = [];
      for (let i = 0; i < 60 && documents.length === 0; i++) {
        const view = await as(stack.url, world.tokens.father).get(`/applications/${applicationId}`);
        if (view.body.status === 'ISSUED') documents = view.body.documents;
        else await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(documents.length).toBeGreaterThan(0);
      const [document] = documents;
      const reason = { reason: 'Diterbitkan berdasarkan data yang keliru' };

      const elsewhere = await as(stack.url, okuAdmin).post(`/admin/documents/${document.id}/revoke`, reason);
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.body.code).toBe('ADMIN.OUT_OF_SCOPE');
      await as(stack.url, okuAdmin).get(`/documents/${document.id}`).expect(404);
      await as(stack.url, okiAdmin).get(`/documents/${document.id}`).expect(200);
      expect((await as(stack.url, world.tokens.father).get(`/documents/${document.id}`)).body.status).toBe('VALID');

      const revoked = await as(stack.url, centralAdmin).post(`/admin/documents/${document.id}/revoke`, reason);
      expect(revoked.status).toBe(200);
      expect(revoked.body.status).toBe('REVOKED');
      // In scope too, the regency ADMIN gets the state conflict, not a scope refusal.
      const again = await as(stack.url, okiAdmin).post(`/admin/documents/${document.id}/revoke`, reason);
      expect(again.status).toBe(409);
    });
  });
});
