import type { LoggerService } from '@nestjs/common';
import { hostname } from 'node:os';
import { pino, type DestinationStream, type Logger } from 'pino';
import { currentCorrelationId } from '../context/request-context.js';
import { serializeError } from './error-serializer.js';
import { maskNiks } from './mask.js';

export type AppLogger = Logger;

export interface LoggerOptions {
  app: string;
  level?: string;
  instanceId?: string;
  destination?: DestinationStream;
}

/**
 * Structured JSON logs (one object a line) with the app, the replica and the request's
 * correlation id on every line. NIKs are masked on the way out, after serialisation, so nothing
 * logged anywhere can carry one in full; errors go through `serializeError`, which drops query
 * parameters, driver details and personal fields.
 */
export function createLogger(options: LoggerOptions): AppLogger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: options.app, instance: options.instanceId ?? `${hostname()}:${process.pid}` },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'msg',
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
      // Errors without the values that reached the database (parameters, detail, literals).
      serializers: { err: serializeError, error: serializeError },
      hooks: { streamWrite: maskNiks },
    },
    options.destination ?? pino.destination({ sync: false }),
  );
}

/** Lets Nest's own messages (bootstrap, routes, errors) go through the same JSON logger. */
export class NestLoggerAdapter implements LoggerService {
  constructor(private readonly logger: AppLogger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    rest: unknown[],
  ): void {
    // Nest passes the context (class name) last, and for errors a stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const stack = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    if (message instanceof Error) {
      this.logger[level]({ context, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, ...message });
    } else {
      this.logger[level]({ context, stack }, String(message));
    }
  }
}
