import { ApplicationType, regionLocalDate, todayIso } from '#lib/domain';
import { detailsWithoutType, type ApplicationTypeRules } from '../application-type-rules.js';
import { checkFamilyCardUpdate } from './family-card-update.rules.js';

export const familyCardUpdateRules: ApplicationTypeRules<typeof ApplicationType.FAMILY_CARD_UPDATE> = {
  type: ApplicationType.FAMILY_CARD_UPDATE,

  async judge(input, { applicantNik, registry }) {
    const [family, persons] = await Promise.all([
      registry.family(input.familyCardNumber),
      registry.persons((input.memberChanges ?? []).map((change) => change.nik)),
    ]);
    const today = family === undefined ? todayIso() : regionLocalDate(family.regencyCode);
    return checkFamilyCardUpdate(input, applicantNik, { family, persons, today });
  },

  toDetails: detailsWithoutType,
};
