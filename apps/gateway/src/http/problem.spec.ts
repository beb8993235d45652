import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCodes, type ErrorCode } from '#lib/domain';
import { fromHttpStatus, problemOf, STATUS_BY_KIND } from './problem.js';

describe('problemOf', () => {
  it.each<[ErrorCode, number]>([
    ['VALIDATION.FAILED', 400],
    ['NIK.FORMAT', 400],
    ['AUTH.UNAUTHENTICATED', 401],
    ['AUTH.FORBIDDEN', 403],
    ['RESIDENT.NOT_FOUND', 404],
    ['APPLICATION.INVALID_TRANSITION', 409],
    ['REQUEST.TOO_LARGE', 413],
    ['REQUEST.UNSUPPORTED_MEDIA_TYPE', 415],
    ['APPLICATION.RULE_VIOLATION', 422],
    ['AUTH.TOO_MANY_ATTEMPTS', 429],
    ['SERVICE.UNAVAILABLE', 503],
    ['INTERNAL', 500],
  ])('maps %s to %i', (code, status) => {
    expect(problemOf(new DomainError(code, 'x')).status).toBe(status);
  });

  it('gives every known code a status', () => {
    for (const code of Object.keys(ErrorCodes) as ErrorCode[]) {
      expect(STATUS_BY_KIND[new DomainError(code, '').kind]).toBeGreaterThanOrEqual(400);
    }
  });

  it('builds RFC 9457 problem details with the field errors, details and correlation id', () => {
    const error = new DomainError('APPLICATION.INVALID_TRANSITION', 'Permohonan sudah disetujui', {
      details: { allowedActions: [] },
    });
    expect(problemOf(error, 'c-1')).toEqual({
      type: 'urn:disdukcapil:problem:application.invalid_transition',
      title: 'Tidak sesuai dengan status saat ini',
      status: 409,
      detail: 'Permohonan sudah disetujui',
      code: 'APPLICATION.INVALID_TRANSITION',
      errors: [],
      allowedActions: [],
      correlationId: 'c-1',
    });
  });

  it('never lets details overwrite the standard members', () => {
    const error = new DomainError('VALIDATION.FAILED', 'bad', { details: { status: 200, type: 'x' } });
    expect(problemOf(error)).toMatchObject({ status: 400, type: 'urn:disdukcapil:problem:validation.failed' });
  });
});

describe('fromHttpStatus', () => {
  it.each([
    [404, 'ROUTE.NOT_FOUND'],
    [405, 'METHOD.NOT_ALLOWED'],
    [413, 'REQUEST.TOO_LARGE'],
    [415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE'],
    [401, 'AUTH.UNAUTHENTICATED'],
    [403, 'AUTH.FORBIDDEN'],
    [400, 'REQUEST.MALFORMED'],
  ])('maps %i to %s', (status, code) => {
    expect(fromHttpStatus(status, undefined).code).toBe(code);
  });

  it('says why a body could not be read', () => {
    expect(fromHttpStatus(400, 'Unexpected token in JSON at position 3').message).toBe(
      'Isi permintaan bukan JSON yang sah',
    );
    expect(fromHttpStatus(400, "Body cannot be empty when content-type is set to 'application/json'").message).toBe(
      'Isi permintaan kosong',
    );
    expect(fromHttpStatus(400, 'other').message).toBe('Permintaan tidak dapat dibaca');
  });
});
