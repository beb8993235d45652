import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorKind, isErrorCode, kindOf } from './index.js';

describe('DomainError', () => {
  it('carries its code, kind and payload', () => {
    const error = new DomainError('APPLICATION.INVALID_TRANSITION', 'Tidak dapat diproses', {
      details: { allowedActions: ['verify'] },
    });
    expect(error.kind).toBe(ErrorKind.CONFLICT);
    expect(error.toPayload()).toEqual({
      code: 'APPLICATION.INVALID_TRANSITION',
      message: 'Tidak dapat diproses',
      details: { allowedActions: ['verify'] },
    });
  });

  it('lists field errors and leaves out empty parts', () => {
    const error = new DomainError('VALIDATION.FAILED', 'Invalid', { errors: [{ field: 'nik', message: 'bad' }] });
    expect(error.toPayload()).toEqual({
      code: 'VALIDATION.FAILED',
      message: 'Invalid',
      errors: [{ field: 'nik', message: 'bad' }],
    });
    expect(new DomainError('INTERNAL', 'x').toPayload()).toEqual({ code: 'INTERNAL', message: 'x' });
  });

  it('knows its codes', () => {
    expect(isErrorCode('NIK.FORMAT')).toBe(true);
    expect(isErrorCode('NOPE')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
    expect(kindOf('SERVICE.UNAVAILABLE')).toBe(ErrorKind.UNAVAILABLE);
  });
});
