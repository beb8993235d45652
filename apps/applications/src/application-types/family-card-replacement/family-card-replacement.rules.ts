import type { FamilyCardReplacementInput, FamilyView } from '#lib/contracts';
import type { RuleOutcome } from '../application-type-rules.js';
import { isMember, Violations } from '../rule-helpers.js';

export interface FamilyReplacementFacts {
  family: FamilyView | undefined;
}

/** FAMILY_CARD_REPLACEMENT: the KK exists and the applicant is in it. */
export function checkFamilyCardReplacement(
  input: FamilyCardReplacementInput,
  applicantNik: string,
  facts: FamilyReplacementFacts,
): RuleOutcome {
  const v = new Violations();
  if (facts.family === undefined) {
    v.add('familyCardNumber', 'Nomor KK tidak terdaftar');
    return { violations: v.list };
  }
  if (!isMember(facts.family, applicantNik)) v.add('familyCardNumber', 'Pemohon bukan anggota KK ini');
  return {
    violations: v.list,
    regencyCode: facts.family.regencyCode,
    familyCardNumber: facts.family.familyCardNumber,
  };
}
