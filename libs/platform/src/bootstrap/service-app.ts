import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/transport-node';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { queueGroupOf, type ServiceName } from '#lib/contracts';
import type { ServiceConfig } from '../config/base.config.js';
import { registerMetricsRoute } from '../http/metrics-route.js';
import { createLogger, NestLoggerAdapter, type AppLogger } from '../logging/logger.js';
import { Metrics } from '../metrics/metrics.js';
import { natsAuthOf, natsServerOptions } from '../nats/nats-options.js';
import { IncomingCallerCheck } from '../rpc/caller-assertion.js';
import { RpcContextInterceptor } from '../nats/rpc-context.interceptor.js';
import { RpcErrorFilter } from '../nats/rpc-exception.filter.js';
import { PlainRpcServer, type PlainRpcRoute } from '../rpc/plain-rpc.js';
import type { PlatformParts } from '../platform.module.js';
import { installIdnAreaRegions } from '../regions/idn-area-regions.js';
import { createValidationPipe } from './validation-pipe.js';

export interface ServiceAppOptions<C extends ServiceConfig> {
  service: ServiceName;
  config: C;
  rootModule: (parts: PlatformParts & { config: C }) => DynamicModule;
  logger?: AppLogger;
  /**
   * Hot subjects served by a plain queue subscription (PlainRpcServer) instead of Nest's
   * pipeline, with the same caller check, validation rules and error format. Their handlers
   * must not also be `@RpcHandler`s.
   */
  plainRpc?: (app: NestFastifyApplication) => PlainRpcRoute[];
}

export interface RunningService {
  app: NestFastifyApplication;
  logger: AppLogger;
  metrics: Metrics;
  /** Where `/metrics` and `/live` answer. */
  httpUrl: string;
  close(): Promise<void>;
}

/**
 * Starts one replica of a service: its database (migrated), its NATS subscriptions in the
 * service's queue group (so replicas share the load), and a small HTTP port for `/metrics`.
 * Messages are validated on receipt with the same pipe as the gateway's.
 */
export async function startServiceApp<C extends ServiceConfig>(options: ServiceAppOptions<C>): Promise<RunningService> {
  const { service, config } = options;
  installIdnAreaRegions();
  const logger =
    options.logger ?? createLogger({ app: service, level: config.LOG_LEVEL, instanceId: config.INSTANCE_ID });
  const metrics = new Metrics(service);
  const app = await NestFactory.create<NestFastifyApplication>(
    options.rootModule({ config, logger, metrics }),
    new FastifyAdapter(),
    { logger: new NestLoggerAdapter(logger), abortOnError: false },
  );
  const pipe = createValidationPipe();
  const callers = IncomingCallerCheck.fromConfig(config, service);
  app.useGlobalPipes(pipe);
  app.useGlobalFilters(new RpcErrorFilter(logger, metrics));
  app.useGlobalInterceptors(new RpcContextInterceptor(metrics, logger, callers));
  app.connectMicroservice<MicroserviceOptions>(
    natsServerOptions(
      config.NATS_URL,
      `${service}:${config.INSTANCE_ID ?? process.pid}`,
      queueGroupOf(service),
      natsAuthOf(config, service),
    ),
    { inheritAppConfig: true },
  );
  const fastify = app.getHttpAdapter().getInstance();
  registerMetricsRoute(fastify, metrics);
  fastify.get('/live', (_request, reply) => reply.send({ status: 'up' }));

  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  await app.startAllMicroservices();
  let plain: PlainRpcServer | undefined;
  if (options.plainRpc !== undefined) {
    // On the connection of the service's Nest NATS server: same identity, same permissions.
    const nats = app.getMicroservices()[0].unwrap<NatsConnection>();
    plain = new PlainRpcServer(nats, {
      queue: queueGroupOf(service),
      callers,
      pipe,
      logger,
      metrics,
    });
    plain.serve(options.plainRpc(app));
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.HTTP_PORT;
  logger.info({ port }, `${service} service started`);
  return {
    app,
    logger,
    metrics,
    httpUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await plain?.close();
      await app.close();
    },
  };
}
