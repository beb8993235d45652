import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { IDENTITY_TEST_ENV, STAFF_PASSWORD, TEST_ADMIN, createStaff, login } from './factories/accounts.factory.js';
import { codeAt, wrongCode, wrongCodes } from './factories/totp.factory.js';
import { startStack, type Stack } from './support/stack.js';

const OKI = '16.02';
const OKU = '16.01';

/**
 * The second factor (API.md "Sessions and account security"): enrolment with a QR code and
 * recovery codes, sign-in in two steps, wrong codes throttled, a recovery code working once, the
 * roles of MFA_REQUIRED_ROLES held to enrolment until they have it, and the secret encrypted at rest.
 */
describe('second factor (TOTP)', () => {
  let stack: Stack;
  let admin: string;

  beforeAll(async () => {
    stack = await startStack({ env: { ...IDENTITY_TEST_ENV, MFA_REQUIRED_ROLES: 'OFFICIAL', TRUST_PROXY: 'true' } });
    admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const enrol = async (token: string): Promise<{ secret: string; recoveryCodes: string[] }> => {
    const started = await request(stack.url).post('/api/v1/me/mfa').set('authorization', `Bearer ${token}`);
    expect(started.status).toBe(200);
    const body = started.body as { secret: string; otpauthUri: string; qrCodeDataUrl: string; recoveryCodes: string[] };
    expect(body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Disdukcapil:.+\?.*secret=/);
    expect(body.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(body.qrCodeDataUrl.split(',')[1], 'base64').toString()).toContain('<svg');
    expect(body.recoveryCodes).toHaveLength(10);
    return body;
  };

  it('enrols a clerk, then signs in with a code; wrong codes are refused and throttled; a recovery code works once', async () => {
    await createStaff(stack.url, admin, { username: 'clerk.mfa', role: 'CLERK', regencyCode: OKI });
    const clerk = await login(stack.url, 'clerk.mfa', STAFF_PASSWORD);
    const { secret, recoveryCodes } = await enrol(clerk);

    // Nothing is on before a first code confirms it.
    const before = await request(stack.url)
      .post('/api/v1/auth/login')
      .send({ username: 'clerk.mfa', password: STAFF_PASSWORD });
    expect(before.body.accessToken).toEqual(expect.any(String));
    const wrongFirst = await request(stack.url)
      .post('/api/v1/me/mfa/confirm')
      .set('authorization', `Bearer ${clerk}`)
      .send({ code: await wrongCode(secret, Number(await codeAt(secret)) + 1) });
    expect(wrongFirst.status).toBe(422);
    expect(wrongFirst.body.code).toBe('MFA.INVALID_CODE');
    await request(stack.url)
      .post('/api/v1/me/mfa/confirm')
      .set('authorization', `Bearer ${clerk}`)
      .send({ code: await codeAt(secret) })
      .expect(204);
    // The session that enrolled goes on; a second enrolment is refused.
    const again = await request(stack.url).post('/api/v1/me/mfa').set('authorization', `Bearer ${clerk}`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('MFA.ALREADY_ENABLED');

    // The secret is stored encrypted, not as the base32 text.
    const db = new pg.Client({ connectionString: stack.databaseUrls.identity });
    await db.connect();
    const stored = await db.query<{ mfa_secret: string }>(
      `SELECT mfa_secret FROM account WHERE username = 'clerk.mfa'`,
    );
    await db.end();
    expect(stored.rows[0].mfa_secret).toMatch(/^v1\./);
    expect(stored.rows[0].mfa_secret).not.toContain(secret);

    // The password alone no longer gives tokens.
    const first = await request(stack.url)
      .post('/api/v1/auth/login')
      .send({ username: 'clerk.mfa', password: STAFF_PASSWORD });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ mfaRequired: true, mfaToken: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const mfaToken = first.body.mfaToken as string;
    const wrong = await request(stack.url)
      .post('/api/v1/auth/mfa')
      .send({ mfaToken, code: await wrongCode(secret) });
    expect(wrong.status).toBe(401);
    const signedIn = await request(stack.url)
      .post('/api/v1/auth/mfa')
      .send({ mfaToken, code: await codeAt(secret, 1) });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toEqual({
      accessToken: expect.any(String),
      expiresIn: 900,
      role: 'CLERK',
      refreshToken: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    await request(stack.url)
      .get('/api/v1/applications')
      .set('authorization', `Bearer ${signedIn.body.accessToken as string}`)
      .expect(200);
    // The challenge worked once; the same code does not work twice.
    await request(stack.url)
      .post('/api/v1/auth/mfa')
      .send({ mfaToken, code: await codeAt(secret, 1) })
      .expect(401);

    // A recovery code in place of a code, once.
    const viaRecovery = async (): Promise<number> => {
      const step1 = await request(stack.url)
        .post('/api/v1/auth/login')
        .send({ username: 'clerk.mfa', password: STAFF_PASSWORD });
      const step2 = await request(stack.url)
        .post('/api/v1/auth/mfa')
        .send({ mfaToken: step1.body.mfaToken as string, code: recoveryCodes[0].toUpperCase() });
      return step2.status;
    };
    expect(await viaRecovery()).toBe(200);
    expect(await viaRecovery()).toBe(401);

    // Wrong codes are throttled like passwords: 429 with Retry-After, even for a right code.
    const step1 = await request(stack.url)
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', '203.0.113.9')
      .send({ username: 'clerk.mfa', password: STAFF_PASSWORD });
    const challenge = step1.body.mfaToken as string;
    const statuses: number[] = [];
    for (const code of await wrongCodes(secret, 6, 100000)) {
      const guess = await request(stack.url)
        .post('/api/v1/auth/mfa')
        .set('x-forwarded-for', '203.0.113.9')
        .send({ mfaToken: challenge, code });
      statuses.push(guess.status);
    }
    // (the first failure counted above came from another address)
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    const held = await request(stack.url)
      .post('/api/v1/auth/mfa')
      .set('x-forwarded-for', '203.0.113.9')
      .send({ mfaToken: challenge, code: await codeAt(secret, 2) });
    expect(held.status).toBe(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('holds a role of MFA_REQUIRED_ROLES to enrolment until it has a second factor', async () => {
    await createStaff(stack.url, admin, { username: 'pejabat.mfa', role: 'OFFICIAL', regencyCode: OKI });
    const signIn = await request(stack.url)
      .post('/api/v1/auth/login')
      .send({ username: 'pejabat.mfa', password: STAFF_PASSWORD });
    const official = signIn.body as { accessToken: string; refreshToken: string };
    const blocked = await request(stack.url)
      .get('/api/v1/applications')
      .set('authorization', `Bearer ${official.accessToken}`);
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('AUTH.MFA_ENROLMENT_REQUIRED');
    await request(stack.url).get('/api/v1/me').set('authorization', `Bearer ${official.accessToken}`).expect(200);
    const { secret } = await enrol(official.accessToken);
    await request(stack.url)
      .post('/api/v1/me/mfa/confirm')
      .set('authorization', `Bearer ${official.accessToken}`)
      .send({ code: await codeAt(secret) })
      .expect(204);
    // A refresh gives this session a token without the restriction.
    const refreshed = await request(stack.url)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: official.refreshToken });
    expect(refreshed.status).toBe(200);
    await request(stack.url)
      .get('/api/v1/applications')
      .set('authorization', `Bearer ${refreshed.body.accessToken as string}`)
      .expect(200);
    // A clerk (not in MFA_REQUIRED_ROLES) was never held, and residents cannot enrol.
    const residentToken = await stack.signToken({
      sub: '00000000-0000-4000-8000-000000000001',
      role: 'RESIDENT',
      nik: '1602054101900001',
    });
    const resident = await request(stack.url).post('/api/v1/me/mfa').set('authorization', `Bearer ${residentToken}`);
    expect([401, 403]).toContain(resident.status);
  });

  const signIn = async (username: string, secret?: string, steps = 0): Promise<request.Response> => {
    const first = await request(stack.url).post('/api/v1/auth/login').send({ username, password: STAFF_PASSWORD });
    if (secret === undefined || first.body.mfaRequired !== true) return first;
    return request(stack.url)
      .post('/api/v1/auth/mfa')
      .send({ mfaToken: first.body.mfaToken as string, code: await codeAt(secret, steps) });
  };

  it('makes new recovery codes with a current code: the old ones stop working; wrong codes are refused', async () => {
    await createStaff(stack.url, admin, { username: 'clerk.codes', role: 'CLERK', regencyCode: OKI });
    const clerk = await login(stack.url, 'clerk.codes', STAFF_PASSWORD);
    const before = await request(stack.url)
      .post('/api/v1/me/mfa/recovery-codes')
      .set('authorization', `Bearer ${clerk}`)
      .send({ code: '123456' });
    expect(before.status).toBe(409);
    expect(before.body.code).toBe('MFA.NOT_ENABLED');
    const { secret, recoveryCodes: old } = await enrol(clerk);
    await request(stack.url)
      .post('/api/v1/me/mfa/confirm')
      .set('authorization', `Bearer ${clerk}`)
      .send({ code: await codeAt(secret) })
      .expect(204);

    const wrong = await request(stack.url)
      .post('/api/v1/me/mfa/recovery-codes')
      .set('authorization', `Bearer ${clerk}`)
      .send({ code: await wrongCode(secret) });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('MFA.INVALID_CODE');
    const malformed = await request(stack.url)
      .post('/api/v1/me/mfa/recovery-codes')
      .set('authorization', `Bearer ${clerk}`)
      .send({ code: old[0] });
    expect(malformed.status).toBe(400);
    const renewed = await request(stack.url)
      .post('/api/v1/me/mfa/recovery-codes')
      .set('authorization', `Bearer ${clerk}`)
      .send({ code: await codeAt(secret, 1) });
    expect(renewed.status).toBe(200);
    const fresh = (renewed.body as { recoveryCodes: string[] }).recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh.some((code) => old.includes(code))).toBe(false);

    const withRecovery = async (code: string): Promise<number> => {
      const first = await request(stack.url)
        .post('/api/v1/auth/login')
        .send({ username: 'clerk.codes', password: STAFF_PASSWORD });
      expect(first.body.mfaRequired).toBe(true);
      const second = await request(stack.url)
        .post('/api/v1/auth/mfa')
        .send({ mfaToken: first.body.mfaToken as string, code });
      return second.status;
    };
    expect(await withRecovery(old[1])).toBe(401);
    expect(await withRecovery(fresh[0])).toBe(200);
    // A resident has no second factor to renew.
    const residentToken = await stack.signToken({
      sub: '00000000-0000-4000-8000-000000000002',
      role: 'RESIDENT',
      nik: '1602054101900002',
    });
    const resident = await request(stack.url)
      .post('/api/v1/me/mfa/recovery-codes')
      .set('authorization', `Bearer ${residentToken}`)
      .send({ code: '123456' });
    expect([401, 403]).toContain(resident.status);
  });

  it('lets an ADMIN reset the second factor of an official who lost it, within its scope; old tokens die at once', async () => {
    const officialId = await createStaff(stack.url, admin, {
      username: 'pejabat.lost',
      role: 'OFFICIAL',
      regencyCode: OKI,
    });
    await createStaff(stack.url, admin, { username: 'admin.oku.mfa', role: 'ADMIN', regencyCode: OKU });
    await createStaff(stack.url, admin, { username: 'admin.oki.mfa', role: 'ADMIN', regencyCode: OKI });
    const okuAdmin = await login(stack.url, 'admin.oku.mfa', STAFF_PASSWORD);
    const okiAdmin = await login(stack.url, 'admin.oki.mfa', STAFF_PASSWORD);
    const adminId = (await request(stack.url).get('/api/v1/me').set('authorization', `Bearer ${admin}`)).body
      .id as string;

    // The official enrols and works with the second factor.
    const enrolling = await login(stack.url, 'pejabat.lost', STAFF_PASSWORD);
    const { secret, recoveryCodes } = await enrol(enrolling);
    await request(stack.url)
      .post('/api/v1/me/mfa/confirm')
      .set('authorization', `Bearer ${enrolling}`)
      .send({ code: await codeAt(secret) })
      .expect(204);
    const session = await signIn('pejabat.lost', secret, 1);
    expect(session.status).toBe(200);
    const oldToken = session.body.accessToken as string;
    const oldRefresh = session.body.refreshToken as string;
    await request(stack.url).get('/api/v1/applications').set('authorization', `Bearer ${oldToken}`).expect(200);

    // Phone and recovery codes lost. Not an ADMIN of another regency, not a non-ADMIN, not oneself;
    // the ADMIN of the official's own regency may.
    const resetBy = (token: string, id: string): request.Test =>
      request(stack.url).post(`/api/v1/admin/staff/${id}/reset-mfa`).set('authorization', `Bearer ${token}`);
    const elsewhere = await resetBy(okuAdmin, officialId);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('ADMIN.OUT_OF_SCOPE');
    expect((await resetBy(oldToken, officialId)).status).toBe(403);
    const self = await resetBy(admin, adminId);
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('STAFF.CANNOT_RESET_OWN_MFA');
    expect((await resetBy(admin, '00000000-0000-4000-8000-0000000000ff')).status).toBe(404);
    // Nothing changed by the refusals.
    await request(stack.url).get('/api/v1/applications').set('authorization', `Bearer ${oldToken}`).expect(200);

    const reset = await resetBy(okiAdmin, officialId);
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual(
      expect.objectContaining({ id: officialId, username: 'pejabat.lost', mfaEnabled: false, disabled: false }),
    );
    // Every token and refresh token of the account is refused at once.
    const refused = await request(stack.url).get('/api/v1/applications').set('authorization', `Bearer ${oldToken}`);
    expect(refused.status).toBe(401);
    expect((await request(stack.url).post('/api/v1/auth/refresh').send({ refreshToken: oldRefresh })).status).toBe(401);

    // The secret and the codes are gone from the database.
    const db = new pg.Client({ connectionString: stack.databaseUrls.identity });
    await db.connect();
    const stored = await db.query<{ mfa_secret: string | null; mfa_enabled_at: Date | null; codes: string }>(
      `SELECT mfa_secret, mfa_enabled_at, (SELECT count(*) FROM mfa_recovery_code WHERE account_id = a.id) AS codes
         FROM account a WHERE id = $1`,
      [officialId],
    );
    await db.end();
    expect(stored.rows[0]).toEqual({ mfa_secret: null, mfa_enabled_at: null, codes: '0' });

    // The next sign-in asks no code, and (MFA required for OFFICIAL) may only enrol again.
    const next = await request(stack.url)
      .post('/api/v1/auth/login')
      .send({ username: 'pejabat.lost', password: STAFF_PASSWORD });
    expect(next.status).toBe(200);
    expect(next.body.mfaRequired).toBeUndefined();
    const restricted = next.body.accessToken as string;
    const held = await request(stack.url).get('/api/v1/applications').set('authorization', `Bearer ${restricted}`);
    expect(held.status).toBe(403);
    expect(held.body.code).toBe('AUTH.MFA_ENROLMENT_REQUIRED');
    // An old recovery code is no way in either: there is no second step to use it on.
    const stale = await request(stack.url)
      .post('/api/v1/me/mfa/recovery-codes')
      .set('authorization', `Bearer ${restricted}`)
      .send({ code: '123456' });
    expect(stale.status).toBe(403);
    const again = await enrol(restricted);
    expect(again.secret).not.toBe(secret);
    expect(again.recoveryCodes.some((code) => recoveryCodes.includes(code))).toBe(false);
  });
});
