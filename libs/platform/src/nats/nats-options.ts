import { Transport, type NatsOptions } from '@nestjs/microservices';
import { nkeyAuthenticator, type Authenticator } from '@nats-io/transport-node';
import type { BaseConfig } from '../config/base.config.js';
import { valueOrFile } from './nats-identity.js';

/** How an app proves who it is to NATS (and keeps its replies to itself). */
export interface NatsAuth {
  authenticator?: Authenticator;
  /** Replies come back on `_INBOX_<app>.…`: the only inbox the app may subscribe to. */
  inboxPrefix?: string;
  tls?: { caFile: string };
}

/** The app's NATS credentials from configuration (NATS_NKEY_SEED[_FILE], NATS_TLS_CA_FILE). */
export function natsAuthOf(config: BaseConfig, app: string): NatsAuth {
  const seed = valueOrFile(config.NATS_NKEY_SEED, config.NATS_NKEY_SEED_FILE);
  const auth: NatsAuth = {};
  if (seed !== undefined) {
    auth.authenticator = nkeyAuthenticator(new TextEncoder().encode(seed.trim()));
    auth.inboxPrefix = `_INBOX_${app}`;
  }
  if (config.NATS_TLS_CA_FILE !== undefined && config.NATS_TLS_CA_FILE !== '') {
    auth.tls = { caFile: config.NATS_TLS_CA_FILE };
  }
  return auth;
}

/**
 * Connection settings shared by every NATS connection: never give up reconnecting (a NATS
 * restart must heal without restarting apps), and retry quickly so health turns green soon.
 */
export function natsConnectionOptions(url: string, name: string, auth: NatsAuth = {}) {
  return {
    servers: url.split(',').map((s) => s.trim()),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    pingInterval: 10_000,
    // nats.js otherwise makes an Error per request, for a stack trace a failed request would
    // show: a tenth of the gateway's time under load (docs/benchmarks.md). Failures are
    // translated by their class (rpc-errors.ts), never by that trace.
    noAsyncTraces: true,
    ...auth,
  };
}

/** A service replica: subscribes in its queue group and waits for NATS if it is not up yet. */
export function natsServerOptions(url: string, name: string, queue: string, auth: NatsAuth = {}): NatsOptions {
  return {
    transport: Transport.NATS,
    options: {
      ...natsConnectionOptions(url, name, auth),
      queue,
      waitOnFirstConnect: true,
      gracefulShutdown: true,
      gracePeriod: 1000,
    },
  };
}

/** A requester (the gateway, or a service calling another one). */
export function natsClientOptions(url: string, name: string, auth: NatsAuth = {}): NatsOptions {
  return { transport: Transport.NATS, options: natsConnectionOptions(url, name, auth) };
}
