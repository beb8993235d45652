import type { FamilyView } from '#lib/contracts';
import { ApplicationType, regionDirectory, regionLocalDate, todayIso } from '#lib/domain';
import { detailsWithoutType, type ApplicationTypeRules } from '../application-type-rules.js';
import { checkFamilyCardNew } from './family-card-new.rules.js';

export const familyCardNewRules: ApplicationTypeRules<typeof ApplicationType.FAMILY_CARD_NEW> = {
  type: ApplicationType.FAMILY_CARD_NEW,

  async judge(input, { applicantNik, registry }) {
    // The applicant's own record too: who is in the applicant's family decides what a refusal may say.
    const persons = await registry.persons([applicantNik, input.headNik, ...input.members.map((m) => m.nik)]);
    // The families they leave: a head may leave only with everyone else.
    const named = new Set([input.headNik, ...input.members.map((m) => m.nik)]);
    const numbers = new Set(
      [...persons.values()]
        .filter((p) => named.has(p.nik))
        .flatMap((p) => (p.familyCardNumber === undefined ? [] : [p.familyCardNumber])),
    );
    const found = await Promise.all([...numbers].map((number) => registry.family(number)));
    const families = new Map<string, FamilyView>(
      found.flatMap((family) => (family === undefined ? [] : [[family.familyCardNumber, family] as const])),
    );
    const regency = regionDirectory().regencyOf(input.villageCode)?.code;
    const today = regency === undefined ? todayIso() : regionLocalDate(regency);
    return checkFamilyCardNew(input, applicantNik, { persons, families, today });
  },

  toDetails: detailsWithoutType,
};
