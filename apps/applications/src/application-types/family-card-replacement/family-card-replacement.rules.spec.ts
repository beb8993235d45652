import { describe, expect, it } from '@jest/globals';
import type { FamilyCardReplacementInput } from '#lib/contracts';
import { family, father, fields, KK, mother } from '../testing/registry-fixtures.js';
import { checkFamilyCardReplacement } from './family-card-replacement.rules.js';

describe('family card replacement rules', () => {
  const input: FamilyCardReplacementInput = { type: 'FAMILY_CARD_REPLACEMENT', familyCardNumber: KK, reason: 'HILANG' };

  it('lets a member of the KK ask for a new print', () => {
    expect(checkFamilyCardReplacement(input, mother.nik, { family: family([father, mother]) })).toEqual({
      violations: [],
      regencyCode: '16.02',
      familyCardNumber: KK,
    });
  });

  it('refuses an unknown KK and an applicant outside it', () => {
    expect(fields(checkFamilyCardReplacement(input, father.nik, { family: undefined }))).toEqual(['familyCardNumber']);
    expect(fields(checkFamilyCardReplacement(input, mother.nik, { family: family([father]) }))).toEqual([
      'familyCardNumber',
    ]);
  });
});
