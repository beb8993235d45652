import { describe, expect, it } from '@jest/globals';
import { Role } from '../enums/services.js';
import { DomainError } from '../errors/index.js';
import {
  type ActorRole,
  allowedActions,
  type ApplicationAction,
  ApplicationStatus,
  applyAction,
  assertFourEyes,
  canApplyAction,
  isFinalStatus,
  rolesThatMay,
  SYSTEM_ACTOR,
} from './application-status-machine.js';

const { SUBMITTED, VERIFIED, APPROVED, ISSUED, REVISION_REQUESTED, REJECTED, CANCELLED } = ApplicationStatus;

function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('application status machine', () => {
  // Every allowed step of DOMAIN.md, written out independently of the table.
  const allowed: [ApplicationStatus | null, ApplicationAction, ActorRole, ApplicationStatus][] = [
    [null, 'submit', Role.RESIDENT, SUBMITTED],
    [REVISION_REQUESTED, 'resubmit', Role.RESIDENT, SUBMITTED],
    [SUBMITTED, 'cancel', Role.RESIDENT, CANCELLED],
    [SUBMITTED, 'verify', Role.CLERK, VERIFIED],
    [SUBMITTED, 'return', Role.CLERK, REVISION_REQUESTED],
    [VERIFIED, 'return', Role.CLERK, REVISION_REQUESTED],
    [SUBMITTED, 'reject', Role.CLERK, REJECTED],
    [VERIFIED, 'reject', Role.CLERK, REJECTED],
    [SUBMITTED, 'return', Role.OFFICIAL, REVISION_REQUESTED],
    [VERIFIED, 'return', Role.OFFICIAL, REVISION_REQUESTED],
    [SUBMITTED, 'reject', Role.OFFICIAL, REJECTED],
    [VERIFIED, 'reject', Role.OFFICIAL, REJECTED],
    [VERIFIED, 'approve', Role.OFFICIAL, APPROVED],
    [APPROVED, 'issue', SYSTEM_ACTOR, ISSUED],
  ];

  it.each(allowed)('from %s, %s by %s leads to %s', (from, action, role, to) => {
    expect(applyAction(from, action, role)).toBe(to);
    expect(canApplyAction(from, action, role)).toBe(true);
  });

  it('allows nothing else', () => {
    const statuses = [null, ...Object.values(ApplicationStatus)];
    const actions: ApplicationAction[] = [
      'submit',
      'resubmit',
      'cancel',
      'verify',
      'return',
      'reject',
      'approve',
      'issue',
    ];
    const roles: ActorRole[] = [...Object.values(Role), SYSTEM_ACTOR];
    for (const from of statuses) {
      for (const action of actions) {
        for (const role of roles) {
          const expected = allowed.some(([f, a, r]) => f === from && a === action && r === role);
          expect([from, action, role, canApplyAction(from, action, role)]).toEqual([from, action, role, expected]);
          if (!expected) expect(() => applyAction(from, action, role)).toThrow(DomainError);
        }
      }
    }
  });

  it('answers a role that may never take the action with ROLE_NOT_ALLOWED', () => {
    const error = failure(() => applyAction(VERIFIED, 'approve', Role.CLERK));
    expect(error.code).toBe('APPLICATION.ROLE_NOT_ALLOWED');
    expect(error.kind).toBe('FORBIDDEN');
    expect(error.message).toBe('Permohonan tidak dapat disetujui oleh OPERATOR/VERIFIKATOR');
    expect(failure(() => applyAction(SUBMITTED, 'verify', Role.AGENCY)).code).toBe('APPLICATION.ROLE_NOT_ALLOWED');
    expect(failure(() => applyAction(SUBMITTED, 'fly' as ApplicationAction, Role.ADMIN)).code).toBe(
      'APPLICATION.ROLE_NOT_ALLOWED',
    );
    expect(failure(() => applyAction(SUBMITTED, 'fly' as ApplicationAction, Role.ADMIN)).message).toBe(
      'Tindakan ini tidak dapat dilakukan oleh ADMINISTRATOR',
    );
    expect(canApplyAction(SUBMITTED, 'fly' as ApplicationAction, Role.ADMIN)).toBe(false);
  });

  it('answers a step not allowed now with INVALID_TRANSITION naming what is allowed', () => {
    const twice = failure(() => applyAction(APPROVED, 'approve', Role.OFFICIAL));
    expect(twice.code).toBe('APPLICATION.INVALID_TRANSITION');
    expect(twice.kind).toBe('CONFLICT');
    expect(twice.details).toEqual({ status: APPROVED, action: 'approve', allowedActions: [] });
    expect(twice.message).toBe(
      'Permohonan dengan status DISETUJUI tidak dapat disetujui (saat ini tidak ada tindakan yang dapat dilakukan)',
    );

    const early = failure(() => applyAction(SUBMITTED, 'approve', Role.OFFICIAL));
    expect(early.details.allowedActions).toEqual(['return', 'reject']);
    expect(early.message).toContain('tindakan yang dapat dilakukan sekarang: pengembalian untuk perbaikan, penolakan');

    expect(failure(() => applyAction(null, 'cancel', Role.RESIDENT)).message).toContain('belum diajukan');
  });

  it.each([
    [SUBMITTED, Role.RESIDENT, ['cancel']],
    [REVISION_REQUESTED, Role.RESIDENT, ['resubmit']],
    [SUBMITTED, Role.CLERK, ['verify', 'return', 'reject']],
    [VERIFIED, Role.CLERK, ['return', 'reject']],
    [VERIFIED, Role.OFFICIAL, ['return', 'reject', 'approve']],
    [APPROVED, SYSTEM_ACTOR, ['issue']],
    [ISSUED, Role.OFFICIAL, []],
    [VERIFIED, Role.ADMIN, []],
  ] as const)('offers %s to %s: %p', (status, role, actions) => {
    expect(allowedActions(status, role)).toEqual(actions);
  });

  it('applies the four-eyes rule', () => {
    const clerk = { accountId: 'clerk-1', nip: '198501012010012001', nik: '1602014101900001' };
    expect(failure(() => assertFourEyes(clerk, { accountId: 'clerk-1' })).code).toBe('APPLICATION.FOUR_EYES');
    expect(failure(() => assertFourEyes(clerk, clerk)).message).toContain('petugas yang memverifikasinya');
    expect(() => assertFourEyes(clerk, { accountId: 'official-1', nip: '197001012000011001' })).not.toThrow();
    expect(() => assertFourEyes(null, { accountId: 'official-1' })).not.toThrow();
    expect(() => assertFourEyes(undefined, { accountId: 'official-1' })).not.toThrow();
    // The same person under a second account: the same NIP, or the same NIK.
    const sameNip = { accountId: 'official-2', nip: clerk.nip };
    const sameNik = { accountId: 'official-3', nik: clerk.nik, nip: '197001012000011001' };
    expect(failure(() => assertFourEyes(clerk, sameNip)).code).toBe('APPLICATION.FOUR_EYES');
    expect(failure(() => assertFourEyes(clerk, sameNik)).code).toBe('APPLICATION.FOUR_EYES');
  });

  it('names the account roles a route of each action admits, never the system', () => {
    expect(rolesThatMay('verify')).toEqual([Role.CLERK]);
    expect(rolesThatMay('return')).toEqual([Role.CLERK, Role.OFFICIAL]);
    expect(rolesThatMay('approve')).toEqual([Role.OFFICIAL]);
    expect(rolesThatMay('submit')).toEqual([Role.RESIDENT]);
    expect(rolesThatMay('issue')).toEqual([]);
    expect(rolesThatMay('unknown' as ApplicationAction)).toEqual([]);
  });

  it('knows the final statuses', () => {
    expect([ISSUED, REJECTED, CANCELLED].every(isFinalStatus)).toBe(true);
    expect([SUBMITTED, VERIFIED, APPROVED, REVISION_REQUESTED].some(isFinalStatus)).toBe(false);
  });
});
