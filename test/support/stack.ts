import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ServiceName } from '#lib/contracts';
import { createLogger, loadConfig, type AppLogger } from '#lib/platform/core';
import { dropTestDatabase, withDatabase } from '#lib/platform/db';
import { type RunningService } from '#lib/platform/bootstrap';
import { ApplicationsConfig } from '../../apps/applications/src/config/applications.config.js';
import { startApplications } from '../../apps/applications/src/applications.app.js';
import { DocumentsConfig } from '../../apps/documents/src/config/documents.config.js';
import { startDocuments } from '../../apps/documents/src/documents.app.js';
import { GatewayConfig } from '../../apps/gateway/src/config/gateway.config.js';
import { startGateway, type RunningGateway } from '../../apps/gateway/src/gateway.app.js';
import { IdentityConfig } from '../../apps/identity/src/config/identity.config.js';
import { startIdentity } from '../../apps/identity/src/identity.app.js';
import { freePort, startNats } from '../../scripts/lib/infra.mjs';

/**
 * The whole system for one test file: a private NATS server (real, over TCP on loopback) and
 * fresh PostgreSQL databases of its own, the three services and the gateway, each a real Nest
 * app. Private parts keep test files from answering each other's requests, so files can run in
 * parallel, and let a test stop and start NATS or a service.
 */
export interface Stack {
  url: string;
  natsUrl: string;
  databaseUrls: Record<ServiceName, string>;
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
  const id = `${process.env['TEST_RUN_ID'] ?? 'local'}_${randomBytes(3).toString('hex')}`;
  const scratch = path.join(tmpdir(), `disduk-test-${id}`);
  mkdirSync(scratch, { recursive: true });

  const natsPort = await freePort();
  // Known before the services start: documents prints it in every QR code.
  const gatewayPort = await freePort();
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  const natsUrl = `nats://127.0.0.1:${natsPort}`;
  let nats: ChildProcess | undefined = await startNats({ port: natsPort, dataDir: path.join(scratch, 'nats') });
  // A test file that dies before closing its stack must not leave its NATS server behind.
  process.once('exit', () => nats?.kill('SIGKILL'));

  const databaseUrls = Object.fromEntries(
    SERVICES.map((s) => [s, withDatabase(baseUrl, `disduk_test_${id}_${s}`)]),
  ) as Record<ServiceName, string>;

  const lines: Array<Record<string, unknown>> = [];
  const sink = {
    write(chunk: string): void {
      for (const line of chunk.split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  };
  const loggerOf = (app: string): AppLogger =>
    createLogger({ app, level: options.logLevel ?? process.env['TEST_LOG_LEVEL'] ?? 'info', destination: sink });

  const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
    NODE_ENV: 'test',
    NATS_URL: natsUrl,
    NATS_TIMEOUT_MS: '5000',
    ...options.env,
    ...extra,
  });

  const running = new Map<ServiceName, RunningService>();
  const starters: Record<ServiceName, () => Promise<RunningService>> = {
    [ServiceName.IDENTITY]: () =>
      startIdentity(
        loadConfig('identity', IdentityConfig, env({ DATABASE_URL: databaseUrls.identity })),
        loggerOf('identity'),
      ),
    [ServiceName.APPLICATIONS]: () =>
      startApplications(
        loadConfig('applications', ApplicationsConfig, env({ DATABASE_URL: databaseUrls.applications })),
        loggerOf('applications'),
      ),
    [ServiceName.DOCUMENTS]: () =>
      startDocuments(
        loadConfig(
          'documents',
          DocumentsConfig,
          env({
            DATABASE_URL: databaseUrls.documents,
            PUBLIC_BASE_URL: gatewayUrl,
            SIGNING_P12_PATH: path.join(scratch, 'signing-certificate.p12'),
          }),
        ),
        loggerOf('documents'),
      ),
  };
  const startService = async (name: ServiceName): Promise<void> => {
    if (!running.has(name)) running.set(name, await starters[name]());
  };
  const stopService = async (name: ServiceName): Promise<void> => {
    await running.get(name)?.close();
    running.delete(name);
  };

  await Promise.all(SERVICES.map(startService));
  const gateway: RunningGateway = await startGateway(
    loadConfig(
      'gateway',
      GatewayConfig,
      env({ PORT: String(gatewayPort), HOST: '127.0.0.1', HEALTH_TIMEOUT_MS: '3000' }),
    ),
    { logger: loggerOf('gateway') },
  );

  return {
    url: gateway.url,
    natsUrl,
    databaseUrls,
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
      nats = await startNats({ port: natsPort, dataDir: path.join(scratch, 'nats') });
    },
    async close() {
      await gateway.close();
      await Promise.all([...running.keys()].map(stopService));
      nats?.kill('SIGTERM');
      for (const url of Object.values(databaseUrls)) await dropTestDatabase(url);
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
