import { ApplicationType, checkDeathRegistration, regionLocalDate, todayIso } from '#lib/domain';
import { detailsWithoutType, type ApplicationTypeRules } from '../application-type-rules.js';

/**
 * DEATH_REGISTRATION: asks what the domain's `checkDeathRegistration` needs — the family, the
 * witnesses, the family's other open death reports, and today in the family's regency (a death
 * "today" in Jayapura is not in the future on a server in UTC) — and judges with it.
 */
export const deathRegistrationRules: ApplicationTypeRules<typeof ApplicationType.DEATH_REGISTRATION> = {
  type: ApplicationType.DEATH_REGISTRATION,

  async judge(input, { applicantNik, applicationId, registry, applications }) {
    const [family, witnesses, open] = await Promise.all([
      registry.family(input.familyCardNumber),
      registry.persons(input.witnessNiks ?? []),
      applications.openDetails(ApplicationType.DEATH_REGISTRATION, input.familyCardNumber, applicationId),
    ]);
    return checkDeathRegistration(input, applicantNik, {
      family,
      witnesses,
      today: family === undefined ? todayIso() : regionLocalDate(family.regencyCode),
      reportedDeaths: new Set(open.map((details) => details.deceasedNik)),
    });
  },

  toDetails: detailsWithoutType,
};
