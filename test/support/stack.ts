import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { createUser } from '@nats-io/nkeys';
import { connect, nkeyAuthenticator, type Authenticator, type NatsConnection } from '@nats-io/transport-node';
import { exportJWK, SignJWT } from 'jose';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ServiceName } from '#lib/contracts';
import { createLogger, loadConfig, type AppLogger } from '#lib/platform/core';
import { withDatabase } from '#lib/platform/db';
import { type RunningService } from '#lib/platform/bootstrap';
import { CallerSigner, TOKEN_AUDIENCE, TOKEN_ISSUER, tokenHash } from '#lib/platform/rpc';
import { ApplicationsConfig } from '../../apps/applications/src/config/applications.config.js';
import { startApplications } from '../../apps/applications/src/applications.app.js';
import { DocumentsConfig } from '../../apps/documents/src/config/documents.config.js';
import { startDocuments } from '../../apps/documents/src/documents.app.js';
import { GatewayConfig } from '../../apps/gateway/src/config/gateway.config.js';
import { startGateway, type RunningGateway } from '../../apps/gateway/src/gateway.app.js';
import { IdentityConfig } from '../../apps/identity/src/config/identity.config.js';
import { startIdentity } from '../../apps/identity/src/identity.app.js';
import { freePort, startNats } from '../../scripts/lib/infra.mjs';
import { dropServiceDatabase, provisionServiceDatabase } from '../../scripts/lib/db-roles.mjs';
import { writeNatsSetup, type NatsSetup } from '../../scripts/nats-config.mjs';

/** The apps' NATS identities, the operator's, and a test-only observer that may only read JetStream. */
export type NatsUser = 'gateway' | 'identity' | 'applications' | 'documents' | 'operator' | 'observer';

/** What a nats.js connection needs to act as `user` on a stack's NATS. */
export interface NatsCredentials {
  authenticator: Authenticator;
  inboxPrefix: string;
}

export interface TokenClaims {
  sub: string;
  role: string;
  regencyCode?: string;
  nik?: string;
  username?: string;
  adminScope?: string;
  nip?: string;
  staffNik?: string;
}

/**
 * The whole system for one test file: a private NATS server (real, over TCP on loopback) and
 * fresh PostgreSQL databases of its own, the three services and the gateway, each a real Nest
 * app. Private parts keep test files from answering each other's requests, so files can run in
 * parallel, and let a test stop and start NATS or a service. Secured as deployed (ADR 0005):
 * the NATS server runs the generated configuration (an nkey per app, subject permissions),
 * each app connects with its own key, tokens are verified with configured keys, and each
 * service works as its runtime database role.
 */
export interface Stack {
  url: string;
  /** The gateway's internal port: `/metrics` and the detailed `/health`. */
  metricsUrl: string;
  natsUrl: string;
  /** Superuser connections to the services' databases (for inspection and tampering). */
  databaseUrls: Record<ServiceName, string>;
  /** The services' runtime roles (what the services connect as). */
  runtimeDatabaseUrls: Record<ServiceName, string>;
  nats: NatsSetup;
  /** Connect options to act as `user` on this stack's NATS. */
  natsAs(user: NatsUser): NatsCredentials;
  /**
   * A connection to this stack's NATS as `user`, tried up to three times. A clean-clone CI run
   * lost a test to a first connection that timed out while dialling; the likely cause is the
   * apps running in the test's own process: while they keep its event loop busy, the client can
   * miss the server's authentication window (2 s) and the handshake fails.
   */
  connectAs(user: NatsUser): Promise<NatsConnection>;
  /** An access token signed with this stack's identity key (as identity would sign it). */
  signToken(claims: TokenClaims, ttlSeconds?: number): Promise<string>;
  /** The environment a service of this stack was started with (to start another replica). */
  serviceEnv(name: ServiceName): NodeJS.ProcessEnv;
  /** Headers of a request sent by `app` to `subject`, optionally on behalf of `token`'s holder. */
  callerHeaders(
    app: Exclude<NatsUser, 'observer' | 'operator'>,
    subject: string,
    token?: string,
  ): Record<string, string>;
  /** Another gateway replica on the same NATS and services (closed with the stack). */
  startGatewayReplica(): Promise<{ url: string; close(): Promise<void> }>;
  /** Every JSON log line written by the apps so far. */
  logLines(): Array<Record<string, unknown>>;
  stopService(name: ServiceName): Promise<void>;
  startService(name: ServiceName): Promise<void>;
  stopNats(): Promise<void>;
  startNats(): Promise<void>;
  close(): Promise<void>;
}

const SERVICES = [ServiceName.IDENTITY, ServiceName.APPLICATIONS, ServiceName.DOCUMENTS] as const;

export interface StackOptions {
  /** Extra environment for every app (e.g. ADMIN_PASSWORD). */
  env?: Record<string, string>;
  /** Log level of every app (default TEST_LOG_LEVEL or info); lines are kept in memory. */
  logLevel?: string;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const baseUrl = process.env['TEST_DATABASE_URL'];
  if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test`');
  // 48 random bits: with 3 bytes, two of a run's ~35 stacks shared their databases (which
  // provisioning quietly reuses) about once in 30,000 runs. The longest name made of it,
  // disduk_test_<run>_<id>_applications_owner, stays within PostgreSQL's 63 characters.
  const id = `${process.env['TEST_RUN_ID'] ?? 'local'}_${randomBytes(6).toString('hex')}`;
  const scratch = path.join(tmpdir(), `disduk-test-${id}`);
  mkdirSync(scratch, { recursive: true });

  // One nkey per app, the test observer, and the generated server configuration.
  const observer = createUser();
  const observerSeed = new TextDecoder().decode(observer.getSeed());
  const natsSetup = writeNatsSetup({
    dir: path.join(scratch, 'nats-auth'),
    extraUsers: {
      observer: {
        nkey: observer.getPublicKey(),
        permissions: { publish: { allow: ['$JS.API.>'] }, subscribe: { allow: ['_INBOX_observer.>'] } },
      },
    },
  });
  const seeds: Record<NatsUser, string> = {
    ...(natsSetup.seeds as Record<Exclude<NatsUser, 'observer'>, string>),
    observer: observerSeed,
  };
  const natsAs = (user: NatsUser): NatsCredentials => ({
    authenticator: nkeyAuthenticator(new TextEncoder().encode(seeds[user])),
    inboxPrefix: `_INBOX_${user}`,
  });
  // The token signing key, and its public half as the apps' configured verification key.
  // A test's own JWT_PRIVATE_KEY / JWT_KEY_ID (options.env) is used when given.
  const givenKey = options.env?.['JWT_PRIVATE_KEY'];
  const kid = options.env?.['JWT_KEY_ID'] ?? `test-${randomBytes(3).toString('hex')}`;
  const privateKey =
    givenKey === undefined ? generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey : createPrivateKey(givenKey);
  const publicKey = createPublicKey(privateKey);
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const signToken = (claims: TokenClaims, ttlSeconds = 900): Promise<string> =>
    sign(privateKey, kid, claims, ttlSeconds);

  const natsPort = await freePort();
  // Known before the services start: documents prints it in every QR code.
  const gatewayPort = await freePort();
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  const natsUrl = `nats://127.0.0.1:${natsPort}`;
  const natsOptions = { port: natsPort, dataDir: path.join(scratch, 'nats'), configFile: natsSetup.configFile };
  let nats: ChildProcess | undefined = await startNats(natsOptions);
  // A test file that dies before closing its stack must not leave its NATS server behind.
  process.once('exit', () => nats?.kill('SIGKILL'));

  const databaseUrls = Object.fromEntries(
    SERVICES.map((s) => [s, withDatabase(baseUrl, `disduk_test_${id}_${s}`)]),
  ) as Record<ServiceName, string>;
  // Each service's database with its migration (owner) and runtime roles, as deployed.
  const provisioned = Object.fromEntries(
    await Promise.all(
      SERVICES.map(async (s) => [
        s,
        await provisionServiceDatabase({ adminUrl: baseUrl, database: `disduk_test_${id}_${s}`, service: s }),
      ]),
    ),
  ) as Record<ServiceName, { ownerUrl: string; runtimeUrl: string }>;
  const runtimeDatabaseUrls = Object.fromEntries(SERVICES.map((s) => [s, provisioned[s].runtimeUrl])) as Record<
    ServiceName,
    string
  >;
  const database = (s: ServiceName): Record<string, string> => ({
    DATABASE_URL: provisioned[s].runtimeUrl,
    DATABASE_MIGRATION_URL: provisioned[s].ownerUrl,
  });

  const lines: Array<Record<string, unknown>> = [];
  const sink = {
    write(chunk: string): void {
      for (const line of chunk.split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  };
  const loggerOf = (app: string): AppLogger =>
    createLogger({ app, level: options.logLevel ?? process.env['TEST_LOG_LEVEL'] ?? 'info', destination: sink });

  const env = (app: Exclude<NatsUser, 'observer' | 'operator'>, extra: Record<string, string>): NodeJS.ProcessEnv => ({
    NODE_ENV: 'test',
    NATS_URL: natsUrl,
    NATS_TIMEOUT_MS: '5000',
    NATS_NKEY_SEED: seeds[app],
    NATS_PEERS: JSON.stringify(natsSetup.peers),
    JWT_PUBLIC_KEYS: JSON.stringify({ keys: [publicJwk] }),
    ...options.env,
    ...extra,
  });

  const running = new Map<ServiceName, RunningService>();
  const serviceEnvs: Record<ServiceName, NodeJS.ProcessEnv> = {
    [ServiceName.IDENTITY]: env('identity', {
      ...database(ServiceName.IDENTITY),
      JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      JWT_KEY_ID: kid,
    }),
    [ServiceName.APPLICATIONS]: env('applications', database(ServiceName.APPLICATIONS)),
    [ServiceName.DOCUMENTS]: env('documents', {
      ...database(ServiceName.DOCUMENTS),
      PUBLIC_BASE_URL: gatewayUrl,
      SIGNING_P12_PATH: path.join(scratch, 'signing-certificate.p12'),
    }),
  };
  const starters: Record<ServiceName, () => Promise<RunningService>> = {
    [ServiceName.IDENTITY]: () =>
      startIdentity(loadConfig('identity', IdentityConfig, serviceEnvs.identity), loggerOf('identity')),
    [ServiceName.APPLICATIONS]: () =>
      startApplications(
        loadConfig('applications', ApplicationsConfig, serviceEnvs.applications),
        loggerOf('applications'),
      ),
    [ServiceName.DOCUMENTS]: () =>
      startDocuments(loadConfig('documents', DocumentsConfig, serviceEnvs.documents), loggerOf('documents')),
  };
  const startService = async (name: ServiceName): Promise<void> => {
    if (!running.has(name)) running.set(name, await starters[name]());
  };
  const stopService = async (name: ServiceName): Promise<void> => {
    await running.get(name)?.close();
    running.delete(name);
  };

  await Promise.all(SERVICES.map(startService));
  const replicas: RunningGateway[] = [];
  const gateway: RunningGateway = await startGateway(
    loadConfig(
      'gateway',
      GatewayConfig,
      env('gateway', {
        PORT: String(gatewayPort),
        HOST: '127.0.0.1',
        METRICS_PORT: '0',
        HEALTH_TIMEOUT_MS: '3000',
      }),
    ),
    { logger: loggerOf('gateway') },
  );

  return {
    url: gateway.url,
    metricsUrl: gateway.metricsUrl,
    natsUrl,
    databaseUrls,
    runtimeDatabaseUrls,
    nats: natsSetup,
    natsAs,
    async connectAs(user) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await connect({ servers: natsUrl, timeout: 15_000, ...natsAs(user) });
        } catch (error) {
          // A refusal is an answer (a test may expect it): only a failed dial or handshake is tried again.
          if (attempt === 3 || /authorization violation|permissions violation/i.test(String(error))) throw error;
        }
      }
    },
    signToken,
    serviceEnv: (name) => ({ ...serviceEnvs[name] }),
    callerHeaders(app, subject, token) {
      const service = subject.split('.')[0];
      const headers: Record<string, string> = {
        'x-caller': new CallerSigner(app, seeds[app]).sign({
          aud: service,
          sub: subject,
          ...(token === undefined ? {} : { ath: tokenHash(token) }),
        }),
      };
      if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
      return headers;
    },
    async startGatewayReplica() {
      const replica = await startGateway(
        loadConfig(
          'gateway',
          GatewayConfig,
          env('gateway', { PORT: '0', HOST: '127.0.0.1', HEALTH_TIMEOUT_MS: '3000' }),
        ),
        { logger: loggerOf('gateway') },
      );
      replicas.push(replica);
      return {
        url: replica.url,
        close: async () => {
          replicas.splice(replicas.indexOf(replica), 1);
          await replica.close();
        },
      };
    },
    logLines: () => lines,
    startService,
    stopService,
    async stopNats() {
      const child = nats;
      nats = undefined;
      if (!child) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
    async startNats() {
      if (nats) return;
      nats = await startNats(natsOptions);
    },
    async close() {
      for (const replica of replicas.splice(0)) await replica.close();
      await gateway.close();
      await Promise.all([...running.keys()].map(stopService));
      nats?.kill('SIGTERM');
      for (const s of SERVICES) await dropServiceDatabase({ adminUrl: baseUrl, database: `disduk_test_${id}_${s}` });
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

function sign(key: KeyObject, kid: string, claims: TokenClaims, ttlSeconds: number): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}
