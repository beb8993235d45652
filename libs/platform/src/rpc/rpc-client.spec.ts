import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Module } from '@nestjs/common';
import { ClientProxyFactory, Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IsInt, IsOptional, IsString, Max } from 'class-validator';
import { defineRpc, ServiceName } from '#lib/contracts';
import { DomainError } from '#lib/domain';
import { freePort, startNats } from '../../../../scripts/lib/infra.mjs';
import { startServiceApp, type RunningService } from '../bootstrap/service-app.js';
import { ServiceConfig } from '../config/base.config.js';
import { currentCorrelationId, runWithContext } from '../context/request-context.js';
import { createLogger } from '../logging/logger.js';
import { Metrics } from '../metrics/metrics.js';
import { PlatformModule, type PlatformParts } from '../platform.module.js';
import { natsClientOptions } from '../nats/nats-options.js';
import { RpcClient } from './rpc-client.js';
import { RpcHandler } from './rpc-handler.decorator.js';

// The one RPC client against a real NATS server (a private nats-server, no database) and a
// real service replica started the way every service starts (startServiceApp: validation
// pipe, RpcErrorFilter, correlation interceptor).

class EchoRequest {
  @IsString()
  text: string;

  @IsOptional()
  @IsInt()
  @Max(5000)
  delayMs?: number;
}

interface EchoReply {
  text: string;
  correlationId?: string;
  caller?: string;
}

/** Structurally an EchoRequest, but not the class the definition names. */
class LookAlikeEchoRequest {
  text: string;
}

const suffix = randomBytes(3).toString('hex');
const ECHO = defineRpc(`identity.rpc-test-${suffix}.echo`, EchoRequest).returns<EchoReply>();
const REFUSE = defineRpc(`identity.rpc-test-${suffix}.refuse`, EchoRequest).returns<EchoReply>();
const CRASH = defineRpc(`identity.rpc-test-${suffix}.crash`, EchoRequest).returns<EchoReply>();
const NOBODY = defineRpc(`documents.rpc-test-${suffix}.nobody`, EchoRequest).returns<EchoReply>();

@Controller()
class EchoHandler {
  @RpcHandler(ECHO)
  async echo(@Payload() request: EchoRequest, @Ctx() context: NatsContext): Promise<EchoReply> {
    if (request.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, request.delayMs));
    const headers = context.getHeaders() as { get(name: string): string } | undefined;
    return { text: request.text, correlationId: currentCorrelationId(), caller: headers?.get('x-test-caller') };
  }

  @RpcHandler(REFUSE)
  refuse(@Payload() request: EchoRequest): EchoReply {
    throw new DomainError('FAMILY.NOT_FOUND', `Tidak ada KK untuk ${request.text}`, {
      details: { asked: request.text },
    });
  }

  @RpcHandler(CRASH)
  crash(@Payload() _request: EchoRequest): EchoReply {
    throw new Error('a bug with private data 1602054101900001');
  }
}

@Module({})
class EchoModule {
  static register(parts: PlatformParts) {
    return { module: EchoModule, imports: [PlatformModule.forApp(parts)], controllers: [EchoHandler] };
  }
}

describe('RpcClient over a real NATS server', () => {
  let nats: ChildProcess | undefined;
  let natsUrl: string;
  let natsDir: string;
  let service: RunningService;
  let client: RpcClient;
  let metrics: Metrics;
  const logger = createLogger({ app: 'rpc-test', level: 'silent' });

  const clientOf = (url: string, timeoutMs = 2000): RpcClient =>
    new RpcClient(ClientProxyFactory.create(natsClientOptions(url, `rpc-test-${suffix}`)), {
      timeoutMs,
      logger,
      metrics,
      headerSource: { headersFor: (rpc) => ({ 'x-test-caller': `asserted-for:${rpc.subject}` }) },
    });

  const failureOf = async (pending: Promise<unknown>): Promise<DomainError> => {
    try {
      await pending;
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      return error as DomainError;
    }
    throw new Error('the call succeeded but was expected to fail');
  };

  beforeAll(async () => {
    const port = await freePort();
    natsUrl = `nats://127.0.0.1:${port}`;
    natsDir = path.join(tmpdir(), `disduk-rpc-test-${suffix}`);
    nats = await startNats({ port, dataDir: natsDir });
    process.once('exit', () => nats?.kill('SIGKILL'));
    const config = Object.assign(new ServiceConfig(), { NATS_URL: natsUrl, LOG_LEVEL: 'silent', HTTP_PORT: 0 });
    service = await startServiceApp({
      service: ServiceName.IDENTITY,
      config,
      logger,
      rootModule: (parts) => EchoModule.register(parts),
    });
    metrics = new Metrics('rpc-test');
    client = clientOf(natsUrl);
  });

  afterAll(async () => {
    await client?.onApplicationShutdown();
    await service?.close();
    nats?.kill('SIGTERM');
    rmSync(natsDir, { recursive: true, force: true });
  });

  it('returns the typed reply, carrying the correlation id and the header source’s headers', async () => {
    const reply = await runWithContext({ correlationId: 'corr-rpc-1' }, () => client.call(ECHO, { text: 'halo' }));
    expect(reply).toEqual({ text: 'halo', correlationId: 'corr-rpc-1', caller: `asserted-for:${ECHO.subject}` });
  });

  it('keeps the stable code, message and details of an error the service sent', async () => {
    const error = await failureOf(client.call(REFUSE, { text: '1602050101090001' }));
    expect(error.code).toBe('FAMILY.NOT_FOUND');
    expect(error.message).toBe('Tidak ada KK untuk 1602050101090001');
    expect(error.details).toEqual({ asked: '1602050101090001' });
  });

  it('relays the receiving service’s validation of the request class, field by field', async () => {
    const error = await failureOf(client.call(ECHO, { text: 42 } as unknown as EchoRequest));
    expect(error.code).toBe('VALIDATION.FAILED');
    expect(error.errors.map((e) => e.field)).toContain('text');
  });

  it('turns a refusal of its own question into INTERNAL unless the caller passes that code', async () => {
    expect((await failureOf(client.call(REFUSE, { text: 'x' }, { passCodes: [] }))).code).toBe('INTERNAL');
    expect((await failureOf(client.call(REFUSE, { text: 'x' }, { passCodes: ['FAMILY.NOT_FOUND'] }))).code).toBe(
      'FAMILY.NOT_FOUND',
    );
  });

  it('reports a bug in a handler as INTERNAL without its text', async () => {
    const error = await failureOf(client.call(CRASH, { text: 'x' }));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toContain('1602054101900001');
  });

  it('relays a reply as its JSON bytes (callRaw), with the same errors as call', async () => {
    const raw = await runWithContext({ correlationId: 'corr-rpc-raw' }, () => client.callRaw(ECHO, { text: 'mentah' }));
    expect(Buffer.isBuffer(raw)).toBe(true);
    expect(JSON.parse(raw.toString('utf8'))).toEqual({
      text: 'mentah',
      correlationId: 'corr-rpc-raw',
      caller: `asserted-for:${ECHO.subject}`,
    });
    const error = await failureOf(client.callRaw(REFUSE, { text: '1602050101090001' }));
    expect(error.code).toBe('FAMILY.NOT_FOUND');
    expect(error.details).toEqual({ asked: '1602050101090001' });
    expect((await failureOf(client.callRaw(CRASH, { text: 'x' }))).code).toBe('INTERNAL');
  });

  it('names the service that missed the deadline', async () => {
    const error = await failureOf(client.call(ECHO, { text: 'lambat', delayMs: 1000 }, { timeoutMs: 100 }));
    expect(error.code).toBe('SERVICE.UNAVAILABLE');
    expect(error.details).toEqual({ service: 'identity' });
    expect(error.message).toContain('tidak menjawab tepat waktu');
  });

  it('names a service with no replica subscribed at once, without waiting for the deadline', async () => {
    const started = performance.now();
    const error = await failureOf(client.call(NOBODY, { text: 'x' }, { timeoutMs: 10_000 }));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(error.code).toBe('SERVICE.UNAVAILABLE');
    expect(error.details).toEqual({ service: 'documents' });
    expect(error.message).toContain('sedang tidak berjalan');
  });

  it('counts calls by subject and outcome', async () => {
    const values = (await metrics.natsSent.get()).values.filter((v) => v.metricName?.endsWith('_count'));
    const outcomes = (subject: string) =>
      values.filter((v) => v.labels.subject === subject && v.value > 0).map((v) => v.labels.outcome);
    expect(outcomes(ECHO.subject)).toEqual(expect.arrayContaining(['ok', 'error', 'unavailable']));
    expect(outcomes(NOBODY.subject)).toEqual(['unavailable']);
  });

  it('refuses at start-up a handler whose request parameter is not the definition’s class', () => {
    expect(() => {
      class DriftedHandler {
        @RpcHandler(ECHO)
        echo(@Payload() request: LookAlikeEchoRequest): EchoReply {
          return { text: request.text };
        }
      }
      return DriftedHandler;
    }).toThrow(`DriftedHandler.echo handles ${ECHO.subject}, whose request class is EchoRequest`);
  });

  it('connects while the app starts, so that its first call does not wait for the connection', async () => {
    const transport = ClientProxyFactory.create(natsClientOptions(natsUrl, `rpc-test-${suffix}-boot`));
    let connections = 0;
    const connect = transport.connect.bind(transport);
    transport.connect = () =>
      connect().then((connection) => {
        connections += 1;
        return connection;
      });
    const booted = new RpcClient(transport, {
      timeoutMs: 2000,
      logger,
      metrics,
      headerSource: { headersFor: () => ({}) },
    });
    try {
      expect(connections).toBe(0);
      await booted.onApplicationBootstrap();
      // Up before any call was made (documents' first staff read used to pay for it: a 503 under load).
      expect(connections).toBe(1);
      expect((await booted.call(ECHO, { text: 'sudah tersambung' })).text).toBe('sudah tersambung');
    } finally {
      await booted.onApplicationShutdown();
    }
  });

  it('names NATS when there is no connection to it, and starts without one', async () => {
    nats?.kill('SIGTERM');
    await new Promise((resolve) => nats?.once('exit', resolve));
    nats = undefined;
    const warnings: string[] = [];
    const fresh = new RpcClient(ClientProxyFactory.create(natsClientOptions(natsUrl, `rpc-test-${suffix}-down`)), {
      timeoutMs: 300,
      logger: createLogger({
        app: 'rpc-test',
        level: 'warn',
        destination: { write: (line: string) => warnings.push(line) },
      }),
      metrics,
      headerSource: { headersFor: () => ({}) },
    });
    try {
      // The app still starts: the connection is tried again by the first call.
      await fresh.onApplicationBootstrap();
      expect(warnings.join('')).toContain('NATS connection for requests not made at start');
      const error = await failureOf(fresh.call(ECHO, { text: 'x' }));
      expect(error.code).toBe('SERVICE.UNAVAILABLE');
      expect(error.details).toEqual({ service: 'nats' });
      await expect(fresh.connected(500)).rejects.toThrow();
    } finally {
      await fresh.onApplicationShutdown();
    }
  });
});
