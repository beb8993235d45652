import type { DeathRegistrationInput, FamilyView, PersonRecord } from '#lib/contracts';
import { checkDeathRegistration, regionLocalDate, todayIso, type DeathRuleOutcome } from '#lib/domain';

/** What the rules of a death report ask the registry and the other applications. */
export interface DeathRegistrationSources {
  family(familyCardNumber: string): Promise<FamilyView | undefined>;
  persons(niks: readonly string[]): Promise<ReadonlyMap<string, PersonRecord>>;
  /** The deceased named by the family's other open death reports. */
  reportedDeaths(familyCardNumber: string): Promise<readonly string[]>;
}

/**
 * DEATH_REGISTRATION: asks what the domain's `checkDeathRegistration` needs — the family, the
 * witnesses, the family's other open reports, today in the family's regency — and judges.
 */
export async function judgeDeathRegistration(
  input: DeathRegistrationInput,
  applicantNik: string,
  sources: DeathRegistrationSources,
): Promise<DeathRuleOutcome> {
  const [family, witnesses, reported] = await Promise.all([
    sources.family(input.familyCardNumber),
    sources.persons(input.witnessNiks ?? []),
    sources.reportedDeaths(input.familyCardNumber),
  ]);
  const today = family === undefined ? todayIso() : regionLocalDate(family.regencyCode);
  return checkDeathRegistration(input, applicantNik, { family, witnesses, today, reportedDeaths: new Set(reported) });
}
