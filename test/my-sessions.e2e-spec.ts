import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { RESIDENT_PASSWORD, STAFF_PASSWORD, createStaff } from './factories/accounts.factory.js';
import { agencyToken, createAgency } from './factories/agencies.factory.js';
import { syntheticFamilyWith } from './factories/registry.factory.js';
import { bearer, me, sessionIdOf, signIn, startSessionsStack } from './factories/sessions.factory.js';
import type { Stack } from './support/stack.js';

const OKI = '16.02';
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
const WINDOWS_FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0';
/** A client at address `from` on a phone or on a laptop. */
const onAndroid = (from: string) => ({ from, userAgent: ANDROID_CHROME });
const onWindows = (from: string) => ({ from, userAgent: WINDOWS_FIREFOX });

interface SessionItem {
  id: string;
  startedAt: string;
  lastUsedAt: string;
  device?: string;
  clientAddress?: string;
  current: boolean;
}

/**
 * A person's own sessions (an extension of API.md "Sessions and account security"): they see
 * where they are signed in, end one device or every other one; the ended tokens are refused at
 * once by every gateway replica, and nobody can see or end another account's sessions.
 */
describe('my sessions: list, end one, end all others', () => {
  let stack: Stack;
  let replica: { url: string; close(): Promise<void> };
  let admin: string;
  const family = syntheticFamilyWith({ regencyCode: OKI, members: 3, seed: 77 });
  const [owner, stranger] = family.members;

  const sessionsOf = async (token: string, url = stack.url): Promise<SessionItem[]> => {
    const response = await request(url).get('/api/v1/me/sessions').set(bearer(token));
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(response.body.items.length);
    return response.body.items as SessionItem[];
  };

  beforeAll(async () => {
    ({ stack, replica, admin } = await startSessionsStack(family, [owner, stranger]));
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('lists the open sessions with device, address and times, marks the current one, and shows no token', async () => {
    const phone = await signIn(stack.url, owner.nik, RESIDENT_PASSWORD, onAndroid('203.0.113.10'));
    const laptop = await signIn(stack.url, owner.nik, RESIDENT_PASSWORD, onWindows('198.51.100.20'));
    const response = await request(stack.url).get('/api/v1/me/sessions').set(bearer(laptop.accessToken)).expect(200);
    const items = response.body.items as SessionItem[];
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get(sessionIdOf(phone.accessToken))).toEqual({
      id: sessionIdOf(phone.accessToken),
      startedAt: expect.stringMatching(/Z$/),
      lastUsedAt: expect.stringMatching(/Z$/),
      device: 'Chrome di Android',
      clientAddress: '203.0.113.10',
      current: false,
    });
    expect(byId.get(sessionIdOf(laptop.accessToken))).toMatchObject({
      device: 'Firefox di Windows',
      clientAddress: '198.51.100.20',
      current: true,
    });
    expect(items.filter((item) => item.current)).toHaveLength(1);
    // Most recently used first; neither a token nor its digest anywhere in the answer.
    expect(items[0].id).toBe(sessionIdOf(laptop.accessToken));
    const text = JSON.stringify(response.body);
    for (const secret of [phone.refreshToken, laptop.refreshToken, phone.accessToken]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/[0-9a-f]{64}/);
    // Paginated as every list.
    const page = await request(stack.url).get('/api/v1/me/sessions?limit=1&offset=1').set(bearer(laptop.accessToken));
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBe(items.length);
    await request(stack.url).get('/api/v1/me/sessions?limit=0').set(bearer(laptop.accessToken)).expect(400);
  });

  it('a refresh moves "last used" and the address on; the device stays the sign-in’s', async () => {
    const phone = await signIn(stack.url, owner.nik, RESIDENT_PASSWORD, onAndroid('203.0.113.11'));
    const before = (await sessionsOf(phone.accessToken)).find((item) => item.current);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const refreshed = await request(stack.url)
      .post('/api/v1/auth/refresh')
      .set('x-forwarded-for', '203.0.113.99')
      .set('user-agent', WINDOWS_FIREFOX)
      .send({ refreshToken: phone.refreshToken })
      .expect(200);
    const after = (await sessionsOf(refreshed.body.accessToken as string)).find((item) => item.current);
    expect(after?.id).toBe(before?.id);
    expect(after?.clientAddress).toBe('203.0.113.99');
    expect(after?.device).toBe('Chrome di Android');
    expect(Date.parse(after?.lastUsedAt ?? '')).toBeGreaterThan(Date.parse(before?.lastUsedAt ?? ''));
    expect(after?.startedAt).toBe(before?.startedAt);
  });

  it('ends one session: its token is refused at once on a replica that had it cached, its refresh token too', async () => {
    const lost = await signIn(stack.url, owner.nik, RESIDENT_PASSWORD, onAndroid('203.0.113.12'));
    const kept = await signIn(stack.url, owner.nik, RESIDENT_PASSWORD, onWindows('198.51.100.21'));
    // Both replicas have the lost phone's session state cached as open.
    await me(stack.url, lost.accessToken).expect(200);
    await me(replica.url, lost.accessToken).expect(200);
    await request(stack.url)
      .delete(`/api/v1/me/sessions/${sessionIdOf(lost.accessToken)}`)
      .set(bearer(kept.accessToken))
      .expect(204);
    const onReplica = await me(replica.url, lost.accessToken);
    expect(onReplica.status).toBe(401);
    expect(onReplica.body.code).toBe('AUTH.UNAUTHENTICATED');
    await me(stack.url, lost.accessToken).expect(401);
    await request(stack.url).post('/api/v1/auth/refresh').send({ refreshToken: lost.refreshToken }).expect(401);
    expect((await sessionsOf(kept.accessToken)).map((item) => item.id)).not.toContain(sessionIdOf(lost.accessToken));
    await me(replica.url, kept.accessToken).expect(200);
    // Ended already: the same answer as an unknown one.
    const again = await request(stack.url)
      .delete(`/api/v1/me/sessions/${sessionIdOf(lost.accessToken)}`)
      .set(bearer(kept.accessToken));
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('SESSION.NOT_FOUND');
  });

  it('ending the current session is signing out', async () => {
    const session = await signIn(stack.url, owner.nik, RESIDENT_PASSWORD, onAndroid('203.0.113.13'));
    await me(replica.url, session.accessToken).expect(200);
    await request(stack.url)
      .delete(`/api/v1/me/sessions/${sessionIdOf(session.accessToken)}`)
      .set(bearer(session.accessToken))
      .expect(204);
    await me(replica.url, session.accessToken).expect(401);
  });

  it('ends every other session at once, on every replica; this one goes on', async () => {
    const others = [
      await signIn(stack.url, owner.nik, RESIDENT_PASSWORD, onAndroid('203.0.113.14')),
      await signIn(stack.url, owner.nik, RESIDENT_PASSWORD, onWindows('203.0.113.15')),
    ];
    const here = await signIn(stack.url, owner.nik, RESIDENT_PASSWORD, onWindows('198.51.100.22'));
    const strangers = await signIn(stack.url, stranger.nik, RESIDENT_PASSWORD, onAndroid('192.0.2.5'));
    for (const other of others) await me(replica.url, other.accessToken).expect(200);
    const ended = await request(replica.url).post('/api/v1/me/sessions/revoke-others').set(bearer(here.accessToken));
    expect(ended.status).toBe(200);
    expect(ended.body.ended).toBeGreaterThanOrEqual(2);
    for (const other of others) {
      await me(replica.url, other.accessToken).expect(401);
      await me(stack.url, other.accessToken).expect(401);
      await request(stack.url).post('/api/v1/auth/refresh').send({ refreshToken: other.refreshToken }).expect(401);
    }
    await me(stack.url, here.accessToken).expect(200);
    expect(await sessionsOf(here.accessToken)).toEqual([expect.objectContaining({ current: true })]);
    // Another person's sessions are untouched.
    await me(replica.url, strangers.accessToken).expect(200);
    const none = await request(stack.url).post('/api/v1/me/sessions/revoke-others').set(bearer(here.accessToken));
    expect(none.body).toEqual({ ended: 0 });
  });

  describe('attacks', () => {
    it('cannot see another account’s sessions, nor end one (404 as if unknown), and the victim goes on', async () => {
      const victim = await signIn(stack.url, stranger.nik, RESIDENT_PASSWORD, onAndroid('192.0.2.6'));
      const attacker = await signIn(stack.url, owner.nik, RESIDENT_PASSWORD, onWindows('203.0.113.66'));
      const seen = await sessionsOf(attacker.accessToken);
      expect(seen.map((item) => item.id)).not.toContain(sessionIdOf(victim.accessToken));
      const victimSession = sessionIdOf(victim.accessToken);
      const tried = await request(stack.url)
        .delete(`/api/v1/me/sessions/${victimSession}`)
        .set(bearer(attacker.accessToken));
      const unknown = await request(stack.url)
        .delete('/api/v1/me/sessions/3f2b8c1e-5d4a-4e6b-9c7d-8e9f0a1b2c3d')
        .set(bearer(attacker.accessToken));
      expect(tried.status).toBe(404);
      expect(unknown.status).toBe(404);
      // The same answer whether the session exists for someone else or not at all.
      expect({ ...tried.body, correlationId: undefined, instance: undefined }).toEqual({
        ...unknown.body,
        correlationId: undefined,
        instance: undefined,
      });
      await me(replica.url, victim.accessToken).expect(200);
      await request(stack.url).post('/api/v1/auth/refresh').send({ refreshToken: victim.refreshToken }).expect(200);
    });

    it('refuses a malformed id (400), no token (401), and an agency, which has no sessions (403)', async () => {
      const session = await signIn(stack.url, owner.nik, RESIDENT_PASSWORD, onAndroid('203.0.113.16'));
      await request(stack.url).delete('/api/v1/me/sessions/not-a-uuid').set(bearer(session.accessToken)).expect(400);
      await request(stack.url).get('/api/v1/me/sessions').expect(401);
      await request(stack.url)
        .delete(`/api/v1/me/sessions/${sessionIdOf(session.accessToken)}`)
        .expect(401);
      await request(stack.url).post('/api/v1/me/sessions/revoke-others').expect(401);
      const agency = await agencyToken(stack.url, await createAgency(stack.url, admin, {}));
      await request(stack.url).get('/api/v1/me/sessions').set(bearer(agency)).expect(403);
      await request(stack.url).post('/api/v1/me/sessions/revoke-others').set(bearer(agency)).expect(403);
    });

    it('a revoked session’s access token cannot end the sessions of its account', async () => {
      const stolen = await signIn(stack.url, owner.nik, RESIDENT_PASSWORD, onAndroid('203.0.113.17'));
      const rightful = await signIn(stack.url, owner.nik, RESIDENT_PASSWORD, onWindows('198.51.100.23'));
      await request(stack.url).post('/api/v1/me/sessions/revoke-others').set(bearer(rightful.accessToken)).expect(200);
      await request(replica.url).post('/api/v1/me/sessions/revoke-others').set(bearer(stolen.accessToken)).expect(401);
      await request(replica.url)
        .delete(`/api/v1/me/sessions/${sessionIdOf(rightful.accessToken)}`)
        .set(bearer(stolen.accessToken))
        .expect(401);
      await me(replica.url, rightful.accessToken).expect(200);
    });
  });

  it('staff see and end their sessions the same way', async () => {
    await createStaff(stack.url, admin, { username: 'clerk.perangkat', role: 'CLERK', regencyCode: OKI });
    const first = await signIn(stack.url, 'clerk.perangkat', STAFF_PASSWORD, onAndroid('203.0.113.30'));
    const second = await signIn(stack.url, 'clerk.perangkat', STAFF_PASSWORD, onWindows('203.0.113.31'));
    expect((await sessionsOf(second.accessToken)).map((item) => item.device).sort()).toEqual([
      'Chrome di Android',
      'Firefox di Windows',
    ]);
    await request(stack.url)
      .delete(`/api/v1/me/sessions/${sessionIdOf(first.accessToken)}`)
      .set(bearer(second.accessToken))
      .expect(204);
    await me(replica.url, first.accessToken).expect(401);
  });
});
