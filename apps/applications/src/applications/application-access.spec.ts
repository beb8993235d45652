import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Principal } from '#lib/contracts';
import { actionsFor, maySee } from './application-access.js';

const official = (accountId = randomUUID(), regencyCode = '16.02'): Principal => ({
  accountId,
  role: 'OFFICIAL',
  regencyCode,
  username: 'pejabat.oki',
});

describe('actionsFor', () => {
  const facts = { applicantAccountId: randomUUID(), regencyCode: '16.02', status: 'VERIFIED' };

  it('offers an official of the regency approve, return and reject on a verified application', () => {
    expect(actionsFor(official(), { ...facts, verifiedBy: randomUUID() }).sort()).toEqual([
      'approve',
      'reject',
      'return',
    ]);
  });

  it('never offers approve to the person who verified it (four-eyes rule)', () => {
    const me = official();
    expect(actionsFor(me, { ...facts, verifiedBy: me.accountId })).not.toContain('approve');
  });

  it('offers nothing to staff of another regency, who may not even see it', () => {
    const other = official(randomUUID(), '16.01');
    expect(maySee(other, facts)).toBe(false);
    expect(actionsFor(other, facts)).toEqual([]);
  });

  it('lets the applicant cancel while submitted, and nobody else', () => {
    const resident: Principal = { accountId: facts.applicantAccountId, role: 'RESIDENT', nik: '1602051203900001' };
    expect(actionsFor(resident, { ...facts, status: 'SUBMITTED' })).toEqual(['cancel']);
    expect(actionsFor({ ...resident, accountId: randomUUID() }, { ...facts, status: 'SUBMITTED' })).toEqual([]);
  });
});
