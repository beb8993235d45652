import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { createUser } from '@nats-io/nkeys';
import { connect, headers as natsHeaders, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import { NatsRecordBuilder } from '@nestjs/microservices';
import { NatsRecordSerializer } from '@nestjs/microservices/serializers/nats-record.serializer.js';
import { SignJWT } from 'jose';
import pg from 'pg';
import request from 'supertest';
import { EventSubjects, IdentityPatterns, Streams } from '#lib/contracts';
import { ConfigError, loadConfig } from '#lib/platform/core';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '#lib/platform/rpc';
import { IdentityConfig } from '../apps/identity/src/config/identity.config.js';
import { IDENTITY_TEST_ENV, TEST_ADMIN, login } from './factories/accounts.factory.js';
import { startStack, type NatsUser, type Stack } from './support/stack.js';

/**
 * The attacks of issue #12, each tried against a stack secured as deployed (ADR 0005): every
 * test fails if its attack succeeds.
 */
describe('zero trust inside: nobody on the bus is anybody', () => {
  let stack: Stack;
  const connections: NatsConnection[] = [];
  const serializer = new NatsRecordSerializer();

  async function natsAs(user: NatsUser): Promise<NatsConnection> {
    const nc = await connect({ servers: stack.natsUrl, ...stack.natsAs(user) });
    connections.push(nc);
    return nc;
  }

  /** A Nest request packet, as RpcClient sends it; resolves with the decoded reply. */
  async function ask(
    nc: NatsConnection,
    subject: string,
    body: object,
    headers: Record<string, string> = {},
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

  beforeAll(async () => {
    stack = await startStack({ env: IDENTITY_TEST_ENV });
  });

  afterAll(async () => {
    for (const nc of connections) await nc.close().catch(() => undefined);
    await stack?.close();
  });

  it('refuses a NATS connection without credentials, or with a key it does not know', async () => {
    await expect(connect({ servers: stack.natsUrl, reconnect: false })).rejects.toThrow(/Authorization Violation/i);
    const stranger = createUser();
    await expect(
      connect({
        servers: stack.natsUrl,
        reconnect: false,
        authenticator: nkeyAuthenticator(stranger.getSeed()),
      }),
    ).rejects.toThrow(/Authorization Violation/i);
  });

  it('does not let the gateway publish an approval event', async () => {
    const observer = await natsAs('observer');
    const jsm = await jetstreamManager(observer);
    await jsm.streams
      .info(Streams.APPLICATIONS.name)
      .catch(() => jsm.streams.add({ name: Streams.APPLICATIONS.name, subjects: Streams.APPLICATIONS.subjects }));
    const before = (await jsm.streams.info(Streams.APPLICATIONS.name)).state.messages;

    const gateway = await natsAs('gateway');
    const forged = JSON.stringify({ applicationId: randomUUID(), type: 'BIRTH_REGISTRATION' });
    gateway.publish(EventSubjects.APPLICATION_APPROVED, forged);
    await expect(
      jetstream(gateway).publish(EventSubjects.APPLICATION_APPROVED, forged, { msgID: randomUUID() }),
    ).rejects.toThrow(/Permissions Violation|timeout|no responders/i);
    await gateway.flush().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect((await jsm.streams.info(Streams.APPLICATIONS.name)).state.messages).toBe(before);
  });

  it('does not let documents read the registry through identity.persons.get', async () => {
    const documents = await natsAs('documents');
    const asked = ask(
      documents,
      IdentityPatterns.PERSONS_GET,
      { niks: ['1602010101900001'] },
      stack.callerHeaders('documents', IdentityPatterns.PERSONS_GET),
    );
    await expect(asked).rejects.toThrow(/Permissions Violation|timeout|no responders/i);
  });

  it('does not believe a principal in a message body', async () => {
    const gateway = await natsAs('gateway');
    const admin = { accountId: randomUUID(), role: 'ADMIN', regencyCode: '16.02', username: 'intruder' };
    const staff = {
      principal: admin,
      username: 'planted.admin',
      password: 'planted-password-123',
      fullName: 'PENYUSUP',
      nip: '198001012010011001',
      role: 'ADMIN',
      regencyCode: '16.02',
    };
    // No access token: refused before anything runs.
    const bare = await ask(
      gateway,
      IdentityPatterns.STAFF_CREATE,
      staff,
      stack.callerHeaders('gateway', IdentityPatterns.STAFF_CREATE),
    );
    expect(bare.err?.code).toBe('AUTH.UNAUTHENTICATED');
    // A resident's real token, with an ADMIN principal written into the body: refused.
    const residentToken = await stack.signToken({ sub: randomUUID(), role: 'RESIDENT', nik: '1602010101900001' });
    const dressedUp = await ask(
      gateway,
      IdentityPatterns.STAFF_CREATE,
      staff,
      stack.callerHeaders('gateway', IdentityPatterns.STAFF_CREATE, residentToken),
    );
    expect(dressedUp.err?.code).toBe('AUTH.FORBIDDEN');
    // The gateway's NATS key without its signed caller assertion: refused too.
    const unsigned = await ask(gateway, IdentityPatterns.STAFF_CREATE, staff, {
      authorization: `Bearer ${residentToken}`,
    });
    expect(unsigned.err?.code).toBe('AUTH.UNAUTHENTICATED');
    // And the planted account does not exist.
    const planted = await request(stack.url)
      .post('/api/v1/auth/login')
      .send({ username: 'planted.admin', password: 'planted-password-123' });
    expect(planted.status).toBe(401);
  });

  it('makes the plainly subscribed verification subjects run the same caller checks', async () => {
    const gateway = await natsAs('gateway');
    const verify = IdentityPatterns.VERIFICATION_VERIFY;
    const agency = { accountId: randomUUID(), role: 'AGENCY' };
    const check = { principal: agency, nik: '1602054101900001', purpose: 'Uji serangan' };
    const agencyToken = await stack.signToken({ sub: agency.accountId, role: 'AGENCY' });
    // No assertion, no token; then a token without the assertion; then the assertion of another subject.
    expect((await ask(gateway, verify, check)).err?.code).toBe('AUTH.UNAUTHENTICATED');
    expect((await ask(gateway, verify, check, { authorization: `Bearer ${agencyToken}` })).err?.code).toBe(
      'AUTH.UNAUTHENTICATED',
    );
    const elsewhere = stack.callerHeaders('gateway', IdentityPatterns.VERIFICATION_VERIFY_BATCH, agencyToken);
    expect((await ask(gateway, verify, check, elsewhere)).err?.code).toBe('AUTH.UNAUTHENTICATED');
    // A real token of another agency than the body names: refused; without a token, a principal is never taken.
    const otherToken = await stack.signToken({ sub: randomUUID(), role: 'AGENCY' });
    const dressedUp = await ask(gateway, verify, check, stack.callerHeaders('gateway', verify, otherToken));
    expect(dressedUp.err?.code).toBe('AUTH.FORBIDDEN');
    const bare = await ask(gateway, verify, check, stack.callerHeaders('gateway', verify));
    expect(bare.err?.code).toBe('AUTH.UNAUTHENTICATED');
    // The caller checked, the body is still validated (same rules as the contract class).
    const invalid = await ask(
      gateway,
      verify,
      { ...check, nik: '123', extra: 1 },
      stack.callerHeaders('gateway', verify, agencyToken),
    );
    expect(invalid.err?.code).toBe('VALIDATION.FAILED');
    // Documents may not ask at all (NATS permissions), whatever it signs.
    const documents = await natsAs('documents');
    await expect(
      ask(documents, verify, check, stack.callerHeaders('documents', verify, agencyToken)),
    ).rejects.toThrow();
  });

  it('lets no impostor answer identity.keys.list, and takes no key from the bus', async () => {
    const impostor = await natsAs('documents');
    const received: unknown[] = [];
    const subscription = impostor.subscribe(IdentityPatterns.KEYS_LIST, {
      callback: (error, message) => {
        if (!error) {
          received.push(message.data);
          message.respond(JSON.stringify({ response: { keys: [] } }));
        }
      },
    });
    await impostor.flush().catch(() => undefined);
    const gateway = await natsAs('gateway');
    const reply = await ask(
      gateway,
      IdentityPatterns.KEYS_LIST,
      {},
      stack.callerHeaders('gateway', IdentityPatterns.KEYS_LIST),
    );
    expect(received).toHaveLength(0);
    expect((reply.response as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
    await expect(subscription.closed).resolves.toBeInstanceOf(Error);

    // A token signed by a key of the attacker's own, whatever kid it names, opens nothing.
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const forged = await new SignJWT({ role: 'ADMIN', regencyCode: '16.02', username: TEST_ADMIN.username })
      .setProtectedHeader({ alg: 'ES256', kid: 'impostor-1', typ: 'JWT' })
      .setSubject(randomUUID())
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const me = await request(stack.url).get('/api/v1/me').set('authorization', `Bearer ${forged}`);
    expect(me.status).toBe(401);
    // The real administrator still gets in.
    expect(await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password)).toEqual(expect.any(String));
  });

  it('does not let the identity runtime role edit, remove, truncate or unguard the access log', async () => {
    const db = new pg.Client({ connectionString: stack.runtimeDatabaseUrls.identity });
    await db.connect();
    try {
      const refused = /permission denied|must be owner/;
      await expect(
        db.query(`INSERT INTO access_log (id) SELECT id FROM access_log WHERE false`),
      ).resolves.toBeDefined();
      await expect(db.query(`UPDATE access_log SET purpose = 'x'`)).rejects.toThrow(refused);
      await expect(db.query(`DELETE FROM access_log`)).rejects.toThrow(refused);
      await expect(db.query(`TRUNCATE access_log`)).rejects.toThrow(refused);
      await expect(db.query(`ALTER TABLE access_log DISABLE TRIGGER ALL`)).rejects.toThrow(refused);
      await expect(db.query(`ALTER TABLE access_log DISABLE TRIGGER access_log_append_only`)).rejects.toThrow(refused);
      await expect(db.query(`CREATE TABLE planted (id int)`)).rejects.toThrow(refused);
      await expect(db.query(`SET session_replication_role = replica`)).rejects.toThrow(refused);
    } finally {
      await db.end();
    }
  });

  it('refuses to start identity in production with the published admin password', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://disduk_identity_app:s3cret-runtime-password@db:5432/disduk_identity',
      NATS_NKEY_SEED: stack.nats.seeds['identity'],
      NATS_PEERS: JSON.stringify(stack.nats.peers),
      JWT_PUBLIC_KEYS: '{"keys":[]}',
      JWT_PRIVATE_KEY: 'unused-here',
      JWT_KEY_ID: 'prod-2026-11',
      ADMIN_USERNAME: 'admin',
    };
    const attempt = (password: string) => () =>
      loadConfig('identity', IdentityConfig, { ...production, ADMIN_PASSWORD: password });
    expect(attempt('admin-dev-password')).toThrow(ConfigError);
    expect(attempt('admin-dev-password')).toThrow(/ADMIN_PASSWORD/);
    // The same settings with a secret of the operator's own are accepted.
    expect(attempt('a-long-secret-of-our-own-2026')).not.toThrow();
  });
});
