import { Transport, type NatsOptions } from '@nestjs/microservices';

/**
 * Connection settings shared by every NATS connection: never give up reconnecting (a NATS
 * restart must heal without restarting apps), and retry quickly so health turns green soon.
 */
function connectionOptions(url: string, name: string) {
  return {
    servers: url.split(',').map((s) => s.trim()),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    pingInterval: 10_000,
  };
}

/** A service replica: subscribes in its queue group and waits for NATS if it is not up yet. */
export function natsServerOptions(url: string, name: string, queue: string): NatsOptions {
  return {
    transport: Transport.NATS,
    options: {
      ...connectionOptions(url, name),
      queue,
      waitOnFirstConnect: true,
      gracefulShutdown: true,
      gracePeriod: 1000,
    },
  };
}

/** A requester (the gateway, or a service calling another one). */
export function natsClientOptions(url: string, name: string): NatsOptions {
  return { transport: Transport.NATS, options: connectionOptions(url, name) };
}
