import { describe, expect, it } from '@jest/globals';
import {
  ClosedConnectionError,
  ConnectionError,
  DrainingConnectionError,
  NoRespondersError,
  RequestError,
  TimeoutError,
} from '@nats-io/transport-node';
import { NO_MESSAGE_HANDLER } from '@nestjs/microservices/constants.js';
import { defineRpc, HealthCheckRequest } from '#lib/contracts';
import { createLogger } from '../logging/logger.js';
import { translateRpcFailure, type RpcFailure } from './rpc-errors.js';

// The translation alone, for the failures a test server cannot easily produce (a connection
// closed under a request, a reply that is no Nest packet); rpc-client.spec.ts drives the rest
// through a real NATS server.
const rpc = defineRpc('applications.health.check', HealthCheckRequest).returns<unknown>();
const logger = createLogger({ app: 'rpc-errors-test', level: 'silent' });
const translate = (failure: RpcFailure, passCodes?: Parameters<typeof translateRpcFailure>[3]) =>
  translateRpcFailure(failure, rpc, logger, passCodes);

describe('translateRpcFailure', () => {
  it.each([
    ['a deadline', new TimeoutError(), 'applications'],
    ['a deadline inside a request error', new RequestError('timeout', { cause: new TimeoutError() }), 'applications'],
    ['no responders', new RequestError('no responders', { cause: new NoRespondersError(rpc.subject) }), 'applications'],
    ['no responders, bare', new NoRespondersError(rpc.subject), 'applications'],
    ['a closed connection', new ClosedConnectionError(), 'nats'],
    ['a draining connection', new DrainingConnectionError(), 'nats'],
    ['a connection error', new ConnectionError('connection refused'), 'nats'],
  ])('makes %s SERVICE.UNAVAILABLE naming %s', (_name, cause, service) => {
    const error = translate({ stage: 'request', cause });
    expect(error.code).toBe('SERVICE.UNAVAILABLE');
    expect(error.details).toEqual({ service });
  });

  it('makes a message too large for NATS 413 for the caller, INTERNAL for a service asking on its own behalf', () => {
    const failure: RpcFailure = { stage: 'too-large', bytes: 2_000_000, maxPayload: 1_048_576 };
    expect(translate(failure).code).toBe('REQUEST.TOO_LARGE');
    expect(translate(failure, { passCodes: ['APPLICATION.NOT_FOUND'] }).code).toBe('INTERNAL');
  });

  it('names NATS when no connection could be had', () => {
    expect(translate({ stage: 'connect', cause: new Error('ECONNREFUSED') }).details).toEqual({ service: 'nats' });
  });

  it('treats an unknown request failure, whatever its text, as INTERNAL', () => {
    expect(translate({ stage: 'request', cause: new Error('connection timeout closed') }).code).toBe('INTERNAL');
  });

  it('keeps a sent error’s code, fields and details', () => {
    const error = translate({
      stage: 'remote',
      err: { code: 'VALIDATION.FAILED', message: 'tidak valid', errors: [{ field: 'nik', message: 'salah' }] },
    });
    expect(error.code).toBe('VALIDATION.FAILED');
    expect(error.errors).toEqual([{ field: 'nik', message: 'salah' }]);
  });

  it('lets SERVICE.UNAVAILABLE through whatever codes the caller passes', () => {
    const err = { code: 'SERVICE.UNAVAILABLE', message: 'x', details: { service: 'identity' } };
    expect(translate({ stage: 'remote', err }, { passCodes: [] }).code).toBe('SERVICE.UNAVAILABLE');
    expect(translate({ stage: 'remote', err: { code: 'NIK.INVALID', message: 'x' } }, { passCodes: [] }).code).toBe(
      'INTERNAL',
    );
  });

  it('makes a replica without a handler for the subject SERVICE.UNAVAILABLE', () => {
    const error = translate({ stage: 'remote', err: NO_MESSAGE_HANDLER });
    expect(error.code).toBe('SERVICE.UNAVAILABLE');
    expect(error.message).toContain('belum mendukung');
  });

  it.each([
    ['an unknown code', { code: 'NOT.A.CODE', message: 'x' }],
    ['a string', 'something broke'],
    ['no message', { code: 'INTERNAL' }],
  ])('treats %s as INTERNAL', (_name, err) => {
    expect(translate({ stage: 'remote', err }).code).toBe('INTERNAL');
  });

  it('treats a reply that is no Nest packet as INTERNAL', () => {
    expect(translate({ stage: 'reply', cause: new SyntaxError('Unexpected token') }).code).toBe('INTERNAL');
  });
});
