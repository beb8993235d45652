import { ApplicationType } from '#lib/domain';
import type { RegistryChangeType } from '../registry-change-type.js';

/** A lost or damaged card: the registry does not change; the card is printed again. */
export const familyCardReplacementChange: RegistryChangeType<typeof ApplicationType.FAMILY_CARD_REPLACEMENT> = {
  type: ApplicationType.FAMILY_CARD_REPLACEMENT,

  async apply(input, context) {
    await context.requireFamily(input.familyCardNumber);
    return context.applyOnce(() => Promise.resolve({ familyCardNumbers: [input.familyCardNumber] }));
  },

  documents: (_input, applied, context) => context.familyCards(applied.familyCardNumbers),
};
