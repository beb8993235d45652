import { describe, expect, it } from '@jest/globals';
import { formatDeadLetters, type DeadLetter } from './dead-letters.js';

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

describe(formatDeadLetters.name, () => {
  it('shows no full NIK: not in the payload, the reason or the correlation id', () => {
    const shown = formatDeadLetters([
      letter({ reason: `PERSON.NOT_FOUND: ${NIK} is not in the registry`, correlationId: `x-${NIK}` }),
    ]);
    expect(shown).not.toContain(NIK);
    expect(shown).toContain('1602********0002');
    expect(shown).toContain('identity-applies-approvals  1           PERSON.NOT_FOUND');
  });

  it('masks before cutting a long payload, so a NIK is never half shown', () => {
    const payload = JSON.stringify({ details: 'x'.repeat(120), applicantNik: NIK });
    const shown = formatDeadLetters([letter({ payload })]);
    expect(shown).not.toMatch(/\d{9,15}…/);
    expect(shown).toContain('1602******…');
    expect(shown.endsWith('…\n')).toBe(true);
  });

  it('prints one aligned row per letter under a header, whatever the payload carries', () => {
    const shown = formatDeadLetters([
      letter({ id: 3 }),
      letter({ id: 12, payload: 'baris\nkedua\u001b[31m', reason: 'x\r\ny', durable: 'documents-issues' }),
    ]);
    const lines = shown.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^ID +AT +SUBJECT +FROM +CONSUMER +DELIVERIES +REASON +CORRELATION +PAYLOAD$/);
    expect(lines[2]).toMatch(/^#12 +2026-11-28T03:00:00\.000Z +applications\.application\.approved +/);
    // Aligned: every row's consumer starts where the header's does.
    const at = lines[0].indexOf('CONSUMER');
    expect(lines.slice(1).map((line) => line.slice(at).split(' ')[0])).toEqual([
      'identity-applies-approvals',
      'documents-issues',
    ]);
    // eslint-disable-next-line no-control-regex -- what must not reach the terminal
    expect(shown.slice(0, -1)).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('says so when there is none', () => {
    expect(formatDeadLetters([])).toBe('No dead letters.\n');
  });
});
