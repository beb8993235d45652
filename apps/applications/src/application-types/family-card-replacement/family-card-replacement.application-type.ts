import { ApplicationType } from '#lib/domain';
import { detailsWithoutType, type ApplicationTypeRules } from '../application-type-rules.js';
import { checkFamilyCardReplacement } from './family-card-replacement.rules.js';

export const familyCardReplacementRules: ApplicationTypeRules<typeof ApplicationType.FAMILY_CARD_REPLACEMENT> = {
  type: ApplicationType.FAMILY_CARD_REPLACEMENT,

  async judge(input, { applicantNik, registry }) {
    const family = await registry.family(input.familyCardNumber);
    return checkFamilyCardReplacement(input, applicantNik, { family });
  },

  toDetails: detailsWithoutType,
};
