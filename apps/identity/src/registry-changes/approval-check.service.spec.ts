import { describe, expect, it } from '@jest/globals';
import type { ApplicationApprovedEvent } from '#lib/contracts';
import { DomainError } from '#lib/domain';
import type { AccountRepository } from '../accounts/account.repository.js';
import type { Account } from '../accounts/account.rows.js';
import { ApprovalCheckService } from './approval-check.service.js';

// Synthetic accounts only.
const OFFICIAL: Account = {
  id: '00000000-0000-4000-8000-000000000020',
  role: 'OFFICIAL',
  username: 'hendra.wijaya',
  nik: null,
  passwordHash: null,
  fullName: 'IR. HENDRA WIJAYA',
  nip: '197805122005011003',
  regencyCode: '16.02',
  adminScope: null,
  staffNik: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  disabledAt: null,
  tokensValidAfter: null,
  passwordChangeRequired: false,
  lastLoginAt: null,
  mfaEnabled: false,
};
const CLERK: Account = {
  ...OFFICIAL,
  id: '00000000-0000-4000-8000-000000000010',
  role: 'CLERK',
  nip: '198501012010011001',
};
const ELSEWHERE: Account = { ...OFFICIAL, id: '00000000-0000-4000-8000-000000000030', regencyCode: '16.01' };

/** Enabled accounts by id, as AccountRepository.findById finds them (disabled ones are not). */
const sut = new ApprovalCheckService({
  findById: (id: string) => Promise.resolve([OFFICIAL, CLERK, ELSEWHERE].find((a) => a.id === id) ?? null),
} as unknown as AccountRepository);

const approval = (changes: Partial<ApplicationApprovedEvent> = {}): ApplicationApprovedEvent => ({
  applicationId: '00000000-0000-4000-8000-000000000001',
  number: '1602-20261128-00001',
  status: 'APPROVED',
  verifiedBy: CLERK.id,
  type: 'FAMILY_CARD_REPLACEMENT',
  regencyCode: '16.02',
  applicantNik: '1602050101900001',
  details: { familyCardNumber: '1602051201150003', reason: 'HILANG' },
  approvedAt: '2026-11-28T03:00:00.000Z',
  official: { accountId: OFFICIAL.id, fullName: OFFICIAL.fullName!, nip: OFFICIAL.nip!, role: 'OFFICIAL' },
  ...changes,
});

const refusal = async (event: ApplicationApprovedEvent): Promise<string> => {
  const error = await sut.assertAcceptable(event).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('AUTH.FORBIDDEN');
  return (error as DomainError).message;
};

describe(ApprovalCheckService.name, () => {
  it('accepts an approval by an enabled OFFICIAL of the regency, with their NIP, not the verifier', async () => {
    await expect(sut.assertAcceptable(approval())).resolves.toBeUndefined();
  });

  it.each([
    ['a status other than APPROVED', approval({ status: 'VERIFIED' }), /is VERIFIED, not APPROVED/],
    ['the verifier as the official', approval({ verifiedBy: OFFICIAL.id }), /four-eyes/],
    [
      'a role other than OFFICIAL named',
      approval({ official: { ...approval().official, role: 'ADMIN' } }),
      /names a ADMIN, not an OFFICIAL/,
    ],
    [
      'an account that does not exist (or is disabled)',
      approval({ official: { ...approval().official, accountId: '00000000-0000-4000-8000-000000000099' } }),
      /no enabled account/,
    ],
    [
      'a CLERK named as the official',
      approval({
        verifiedBy: '00000000-0000-4000-8000-000000000011',
        official: { accountId: CLERK.id, fullName: 'X', nip: CLERK.nip!, role: 'OFFICIAL' },
      }),
      /is a CLERK, not an OFFICIAL/,
    ],
    [
      'an official of another regency',
      approval({ official: { ...approval().official, accountId: ELSEWHERE.id } }),
      /of regency 16\.01 may not approve/,
    ],
    [
      'a NIP not the official’s',
      approval({ official: { ...approval().official, nip: '197001012000011999' } }),
      /NIP named .* is not theirs/,
    ],
  ])('refuses %s', async (_case, event, reason) => {
    const message = await refusal(event);
    expect(message).toMatch(reason);
    expect(message).not.toContain(event.applicantNik);
  });
});
