import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type NatsConnection } from '@nats-io/transport-node';
import request from 'supertest';
import { IdentityBroadcasts } from '#lib/contracts';
import { RESIDENT_PASSWORD, STAFF_PASSWORD, createStaff, importCsv, login } from './factories/accounts.factory.js';
import { CSV_COLUMNS, csvLine, rowOf, syntheticFamilyWith } from './factories/registry.factory.js';
import { claimsOf, me, signIn, startSessionsStack, type SignedIn } from './factories/sessions.factory.js';
import type { Stack } from './support/stack.js';

const OKI = '16.02';

/**
 * Sessions and revocation (API.md "Sessions and account security"): short access tokens with a
 * rotating refresh token; sign-out, a password change, a disabled account or a reset refuse the
 * old tokens from the next request on — on a second gateway replica too, which had the account's
 * state cached; and throttling that slows a guesser without locking the owner out.
 */
describe('sessions: refresh, sign-out, password change, staff administration, throttling', () => {
  let stack: Stack;
  let replica: { url: string; close(): Promise<void> };
  let admin: string;
  const family = syntheticFamilyWith({ regencyCode: OKI, members: 3, seed: 41 });
  const [head, spouse] = family.members;

  beforeAll(async () => {
    ({ stack, replica, admin } = await startSessionsStack(family, [head, spouse]));
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('signs in with a 15-minute access token and a refresh token; "bearer" in any case is accepted', async () => {
    const session = await signIn(stack.url, head.nik, RESIDENT_PASSWORD);
    expect(session).toEqual({
      accessToken: expect.any(String),
      expiresIn: 900,
      role: 'RESIDENT',
      refreshToken: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const claims = claimsOf(session.accessToken);
    expect(claims['sid']).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect((claims['exp'] as number) - (claims['iat'] as number)).toBeLessThanOrEqual(900);
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const response = await request(stack.url)
        .get('/api/v1/me')
        .set('authorization', `${scheme} ${session.accessToken}`);
      expect(response.status).toBe(200);
    }
    await request(stack.url).get('/api/v1/me').set('authorization', `Basic ${session.accessToken}`).expect(401);
  });

  it('signs out: the token is refused at once by this gateway and by another replica that had it cached', async () => {
    const session = await signIn(stack.url, head.nik, RESIDENT_PASSWORD);
    await me(stack.url, session.accessToken).expect(200);
    await me(replica.url, session.accessToken).expect(200);
    await request(stack.url)
      .post('/api/v1/auth/logout')
      .set('authorization', `bearer ${session.accessToken}`)
      .send({ refreshToken: session.refreshToken })
      .expect(204);
    const onReplica = await me(replica.url, session.accessToken);
    expect(onReplica.status).toBe(401);
    expect(onReplica.body.code).toBe('AUTH.UNAUTHENTICATED');
    await me(stack.url, session.accessToken).expect(401);
    await request(stack.url).post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    // Another session of the same person goes on.
    const other = await signIn(stack.url, head.nik, RESIDENT_PASSWORD);
    await me(replica.url, other.accessToken).expect(200);
  });

  it('rotates the refresh token on every use; a spent one presented again ends the whole session', async () => {
    const first = await signIn(stack.url, spouse.nik, RESIDENT_PASSWORD);
    const refreshed = await request(stack.url).post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toEqual({
      accessToken: expect.any(String),
      expiresIn: 900,
      role: 'RESIDENT',
      refreshToken: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const second = refreshed.body as SignedIn;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await me(replica.url, second.accessToken).expect(200);
    // The thief replays the first refresh token: refused, and the session ends for everyone.
    const replayed = await request(stack.url).post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(replayed.status).toBe(401);
    await request(stack.url).post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
    await me(replica.url, second.accessToken).expect(401);
    await me(stack.url, first.accessToken).expect(401);
    // Malformed refresh tokens are a 400, an unknown one a 401.
    await request(stack.url).post('/api/v1/auth/refresh').send({ refreshToken: 'x' }).expect(400);
    await request(stack.url)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: 'a'.repeat(64) })
      .expect(401);
  });

  it('changes the password: every earlier token is refused at once, on every replica; the new password works', async () => {
    const session = await signIn(stack.url, spouse.nik, RESIDENT_PASSWORD);
    const elsewhere = await signIn(stack.url, spouse.nik, RESIDENT_PASSWORD);
    await me(replica.url, elsewhere.accessToken).expect(200);
    const wrong = await request(stack.url)
      .post('/api/v1/me/password')
      .set('authorization', `Bearer ${session.accessToken}`)
      .send({ currentPassword: 'not-the-password', newPassword: 'kata-sandi-baru-123' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('ACCOUNT.CURRENT_PASSWORD_WRONG');
    await request(stack.url)
      .post('/api/v1/me/password')
      .set('authorization', `Bearer ${session.accessToken}`)
      .send({ currentPassword: RESIDENT_PASSWORD, newPassword: 'kata-sandi-baru-123' })
      .expect(204);
    await me(replica.url, elsewhere.accessToken).expect(401);
    await me(stack.url, session.accessToken).expect(401);
    await request(stack.url).post('/api/v1/auth/refresh').send({ refreshToken: elsewhere.refreshToken }).expect(401);
    await request(stack.url)
      .post('/api/v1/auth/login')
      .send({ username: spouse.nik, password: RESIDENT_PASSWORD })
      .expect(401);
    const fresh = await signIn(stack.url, spouse.nik, 'kata-sandi-baru-123');
    await me(replica.url, fresh.accessToken).expect(200);
  });

  describe('staff administration', () => {
    let clerkId: string;

    beforeAll(async () => {
      clerkId = await createStaff(stack.url, admin, { username: 'clerk.sesi', role: 'CLERK', regencyCode: OKI });
    });

    it('lists staff accounts with their state, paginated', async () => {
      const page = await request(stack.url)
        .get('/api/v1/admin/staff?limit=1&offset=0')
        .set('authorization', `Bearer ${admin}`)
        .expect(200);
      expect(page.body.items).toHaveLength(1);
      expect(page.body.total).toBeGreaterThanOrEqual(2);
      const all = await request(stack.url)
        .get('/api/v1/admin/staff')
        .set('authorization', `Bearer ${admin}`)
        .expect(200);
      const clerk = (all.body.items as Array<Record<string, unknown>>).find((item) => item['id'] === clerkId);
      expect(clerk).toMatchObject({
        username: 'clerk.sesi',
        role: 'CLERK',
        regencyCode: OKI,
        disabled: false,
        mfaEnabled: false,
        passwordChangeRequired: false,
      });
      const adminRow = (all.body.items as Array<Record<string, unknown>>).find((item) => item['username'] === 'admin');
      expect(adminRow?.['lastLoginAt']).toEqual(expect.any(String));
      const clerkToken = await login(stack.url, 'clerk.sesi', STAFF_PASSWORD);
      await request(stack.url).get('/api/v1/admin/staff').set('authorization', `Bearer ${clerkToken}`).expect(403);
    });

    it('disables a staff account: its tokens are refused at once everywhere, it cannot sign in; enable restores', async () => {
      const clerk = await signIn(stack.url, 'clerk.sesi', STAFF_PASSWORD);
      await request(replica.url)
        .get('/api/v1/applications')
        .set('authorization', `Bearer ${clerk.accessToken}`)
        .expect(200);
      const disabled = await request(stack.url)
        .post(`/api/v1/admin/staff/${clerkId}/disable`)
        .set('authorization', `Bearer ${admin}`)
        .expect(200);
      expect(disabled.body).toMatchObject({ id: clerkId, disabled: true });
      await request(replica.url)
        .get('/api/v1/applications')
        .set('authorization', `Bearer ${clerk.accessToken}`)
        .expect(401);
      await request(stack.url).post('/api/v1/auth/refresh').send({ refreshToken: clerk.refreshToken }).expect(401);
      await request(stack.url)
        .post('/api/v1/auth/login')
        .send({ username: 'clerk.sesi', password: STAFF_PASSWORD })
        .expect(401);
      const enabled = await request(stack.url)
        .post(`/api/v1/admin/staff/${clerkId}/enable`)
        .set('authorization', `Bearer ${admin}`)
        .expect(200);
      expect(enabled.body.disabled).toBe(false);
      await signIn(stack.url, 'clerk.sesi', STAFF_PASSWORD);
    });

    it('an ADMIN cannot disable itself; unknown or non-staff ids are 404', async () => {
      const self = await request(stack.url).get('/api/v1/me').set('authorization', `Bearer ${admin}`).expect(200);
      const refused = await request(stack.url)
        .post(`/api/v1/admin/staff/${self.body.id as string}/disable`)
        .set('authorization', `Bearer ${admin}`);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('STAFF.CANNOT_DISABLE_SELF');
      const resident = await signIn(stack.url, head.nik, RESIDENT_PASSWORD);
      const residentId = (await me(stack.url, resident.accessToken).expect(200)).body.id as string;
      const notStaff = await request(stack.url)
        .post(`/api/v1/admin/staff/${residentId}/disable`)
        .set('authorization', `Bearer ${admin}`);
      expect(notStaff.status).toBe(404);
      await request(stack.url)
        .post('/api/v1/admin/staff/not-a-uuid/disable')
        .set('authorization', `Bearer ${admin}`)
        .expect(400);
    });

    it('resets a password: old tokens refused, the temporary one only lets the account set a new password', async () => {
      const before = await signIn(stack.url, 'clerk.sesi', STAFF_PASSWORD);
      await me(replica.url, before.accessToken).expect(200);
      const reset = await request(stack.url)
        .post(`/api/v1/admin/staff/${clerkId}/reset-password`)
        .set('authorization', `Bearer ${admin}`)
        .expect(200);
      const temporary = reset.body.temporaryPassword as string;
      expect(temporary).toMatch(/^[A-Za-z0-9]{16}$/);
      await me(replica.url, before.accessToken).expect(401);
      await request(stack.url)
        .post('/api/v1/auth/login')
        .send({ username: 'clerk.sesi', password: STAFF_PASSWORD })
        .expect(401);
      const restricted = await signIn(stack.url, 'clerk.sesi', temporary);
      const claims = claimsOf(restricted.accessToken);
      expect(claims['pwdChange']).toBe(true);
      const blocked = await request(stack.url)
        .get('/api/v1/applications')
        .set('authorization', `Bearer ${restricted.accessToken}`);
      expect(blocked.status).toBe(403);
      expect(blocked.body.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
      await me(stack.url, restricted.accessToken).expect(200);
      await request(stack.url)
        .post('/api/v1/me/password')
        .set('authorization', `Bearer ${restricted.accessToken}`)
        .send({ currentPassword: temporary, newPassword: 'kata-sandi-petugas-baru' })
        .expect(204);
      const after = await signIn(stack.url, 'clerk.sesi', 'kata-sandi-petugas-baru');
      await request(stack.url)
        .get('/api/v1/applications')
        .set('authorization', `Bearer ${after.accessToken}`)
        .expect(200);
      const listed = await request(stack.url).get('/api/v1/admin/staff').set('authorization', `Bearer ${admin}`);
      const row = (listed.body.items as Array<Record<string, unknown>>).find((item) => item['id'] === clerkId);
      expect(row?.['passwordChangeRequired']).toBe(false);
    });
  });

  describe('throttling', () => {
    it('slows the guesser down without locking the owner out, and the delay ends by itself', async () => {
      await createStaff(stack.url, admin, { username: 'clerk.target', role: 'CLERK', regencyCode: OKI });
      const attacker = '203.0.113.66';
      const statuses: number[] = [];
      let retryAfter = 0;
      for (let i = 0; i < 7; i++) {
        const response = await request(stack.url)
          .post('/api/v1/auth/login')
          .set('x-forwarded-for', attacker)
          .send({ username: 'clerk.target', password: 'guess-number-' + i });
        statuses.push(response.status);
        if (response.status === 429) retryAfter = Number(response.headers['retry-after']);
      }
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(10);
      // Even the right password waits from the guesser's address while the delay lasts...
      const during = await request(stack.url)
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', attacker)
        .send({ username: 'clerk.target', password: STAFF_PASSWORD });
      expect(during.status).toBe(429);
      // ...but the owner, from their own address, signs in at once.
      await signIn(stack.url, 'clerk.target', STAFF_PASSWORD, { from: '198.51.100.7' });
      // And when the delay is over the right password works from there too (a delay, not a lock).
      await new Promise((resolve) => setTimeout(resolve, (retryAfter + 1) * 1000));
      await signIn(stack.url, 'clerk.target', STAFF_PASSWORD, { from: attacker });
      const failures = stack
        .logLines()
        .filter((line) => line['msg'] === 'Failed login attempt' && line['account'] === 'clerk.target');
      expect(failures.length).toBeGreaterThanOrEqual(5);
      expect(JSON.stringify(failures)).not.toContain('guess-number');
    }, 60_000);

    it('throttles registration guesses per NIK and per address: 429 with Retry-After', async () => {
      const target = family.members[2];
      const guesses = ['1970-01-01', '1971-02-02', '1972-03-03', '1973-04-04', '1974-05-05', '1975-06-06'];
      const perNik: number[] = [];
      let retryAfter: string | undefined;
      for (const [i, birthDate] of guesses.entries()) {
        const response = await request(stack.url)
          .post('/api/v1/auth/register')
          .set('x-forwarded-for', `192.0.2.${10 + i}`)
          .send({ nik: target.nik, familyCardNumber: family.familyCardNumber, birthDate, password: RESIDENT_PASSWORD });
        perNik.push(response.status);
        if (response.status === 429) retryAfter = response.headers['retry-after'];
      }
      expect(perNik).toEqual([422, 422, 422, 422, 422, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      // Even the right facts wait for this NIK while the delay lasts.
      const right = await request(stack.url).post('/api/v1/auth/register').set('x-forwarded-for', '192.0.2.99').send({
        nik: target.nik,
        familyCardNumber: family.familyCardNumber,
        birthDate: target.birthDate,
        password: RESIDENT_PASSWORD,
      });
      expect(right.status).toBe(429);

      // One address trying many NIKs.
      const perAddress: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await request(stack.url)
          .post('/api/v1/auth/register')
          .set('x-forwarded-for', '192.0.2.200')
          .send({
            nik: `16020501017009${String(10 + i)}`,
            familyCardNumber: family.familyCardNumber,
            birthDate: '1970-01-01',
            password: RESIDENT_PASSWORD,
          });
        perAddress.push(response.status);
        if (i === 5) expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      }
      expect(perAddress).toEqual([422, 422, 422, 422, 422, 429]);
    });
  });

  it('lets only identity announce session changes, and only gateways hear them (a forged "all clear" cannot be sent)', async () => {
    const connections: NatsConnection[] = [];
    const as = async (user: 'gateway' | 'identity' | 'applications' | 'documents'): Promise<NatsConnection> => {
      const nc = await stack.connectAs(user);
      connections.push(nc);
      return nc;
    };
    try {
      const gateway = await as('gateway');
      const heard: string[] = [];
      gateway.subscribe(IdentityBroadcasts.ACCOUNT_SESSIONS_CHANGED, {
        callback: (error, message) => {
          if (error === null) heard.push(message.string());
        },
      });
      await gateway.flush();
      // Another app (or the gateway itself) publishing: dropped by the server.
      for (const user of ['applications', 'documents', 'gateway'] as const) {
        const intruder = user === 'gateway' ? gateway : await as(user);
        intruder.publish(IdentityBroadcasts.ACCOUNT_SESSIONS_CHANGED, JSON.stringify({ accountId: user }));
        await intruder.flush().catch(() => undefined);
      }
      // Identity publishing: heard (the positive control).
      const identity = await as('identity');
      identity.publish(IdentityBroadcasts.ACCOUNT_SESSIONS_CHANGED, JSON.stringify({ accountId: 'identity' }));
      await identity.flush();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heard.map((text) => (JSON.parse(text) as { accountId: string }).accountId)).toEqual(['identity']);
      // Applications may not even listen.
      const applications = await as('applications');
      const overheard: unknown[] = [];
      applications.subscribe(IdentityBroadcasts.ACCOUNT_SESSIONS_CHANGED, {
        callback: (error, message) => {
          if (error === null) overheard.push(message.data);
        },
      });
      await applications.flush().catch(() => undefined);
      identity.publish(IdentityBroadcasts.ACCOUNT_SESSIONS_CHANGED, JSON.stringify({ accountId: 'again' }));
      await identity.flush();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(overheard).toEqual([]);
    } finally {
      for (const nc of connections) await nc.close().catch(() => undefined);
    }
  });

  it('a resident recorded as deceased can neither sign in nor refresh (401)', async () => {
    const session = await signIn(stack.url, head.nik, RESIDENT_PASSWORD);
    const deceased = csvLine({ ...rowOf(head, family), status: 'DECEASED' }, CSV_COLUMNS);
    const imported = await importCsv(stack.url, admin, `${CSV_COLUMNS.join(',')}\n${deceased}\n`);
    expect(imported.body).toMatchObject({ updated: 1, rejected: [] });
    const refused = await request(stack.url)
      .post('/api/v1/auth/login')
      .send({ username: head.nik, password: RESIDENT_PASSWORD });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('AUTH.INVALID_CREDENTIALS');
    await request(stack.url).post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
  });
});
