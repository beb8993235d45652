import type { FamilyCardReplacementInput, FamilyView } from '#lib/contracts';
import { NOT_APPLICANTS_FAMILY } from '#lib/domain';
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
  // A KK the applicant is not in, or no KK of that number: the same one sentence (API.md).
  if (facts.family === undefined || !isMember(facts.family, applicantNik)) {
    v.add('familyCardNumber', NOT_APPLICANTS_FAMILY);
    return { violations: v.list };
  }
  return {
    violations: v.list,
    regencyCode: facts.family.regencyCode,
    familyCardNumber: facts.family.familyCardNumber,
  };
}
