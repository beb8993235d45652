import { describe, expect, it } from '@jest/globals';
import { describeDeadLetter, type DeadLetter } from './dead-letters.js';

// Synthetic NIKs only.
const NIK = '1602054202920002';
const letter = (changes: Partial<DeadLetter>): DeadLetter => ({
  id: 3,
  stream: 'APPLICATIONS_EVENTS',
  subject: 'applications.application.approved',
  originalSeq: 12,
  durable: 'identity-applies-approvals',
  deliveries: 1,
  reason: 'AUTH.FORBIDDEN: Approval refused',
  at: '2026-11-28T03:00:00.000Z',
  payload: JSON.stringify({ applicationId: 'a', applicantNik: NIK }),
  ...changes,
});

describe(describeDeadLetter.name, () => {
  it('shows no full NIK: not in the payload, the reason or the correlation id', () => {
    const shown = describeDeadLetter(
      letter({ reason: `PERSON.NOT_FOUND: ${NIK} is not in the registry`, correlationId: `x-${NIK}` }),
    );
    expect(shown).not.toContain(NIK);
    expect(shown).toContain('1602********0002');
    expect(shown).toContain('identity-applies-approvals, 1 deliveries: PERSON.NOT_FOUND');
  });

  it('masks before cutting a long payload, so a NIK is never half shown', () => {
    const payload = JSON.stringify({ details: 'x'.repeat(120), applicantNik: NIK });
    const shown = describeDeadLetter(letter({ payload }));
    expect(shown).not.toMatch(/\d{9,15}…/);
    expect(shown).toContain('1602******…');
    expect(shown.endsWith('…')).toBe(true);
  });
});
