import type { ApplicationType } from '#lib/domain';
import type { ApplicationTypeRules } from './application-type-rules.js';
import { birthRegistrationRules } from './birth-registration/birth-registration.application-type.js';
import { familyCardNewRules } from './family-card-new/family-card-new.application-type.js';
import { familyCardReplacementRules } from './family-card-replacement/family-card-replacement.application-type.js';
import { familyCardUpdateRules } from './family-card-update/family-card-update.application-type.js';
import { deathRegistrationRules } from './death-registration/death-registration.application-type.js';

/**
 * The rules of every application type, one line each. A type added to `ApplicationType`
 * without its line is a compile error naming it.
 */
export const APPLICATION_TYPE_RULES = {
  BIRTH_REGISTRATION: birthRegistrationRules,
  FAMILY_CARD_NEW: familyCardNewRules,
  FAMILY_CARD_UPDATE: familyCardUpdateRules,
  FAMILY_CARD_REPLACEMENT: familyCardReplacementRules,
  DEATH_REGISTRATION: deathRegistrationRules,
} as const satisfies { readonly [K in ApplicationType]: ApplicationTypeRules<K> };

/** The rules of the type an input names (TypeScript cannot pair the two through a lookup). */
export function rulesFor<K extends ApplicationType>(type: K): ApplicationTypeRules<K> {
  return APPLICATION_TYPE_RULES[type] as unknown as ApplicationTypeRules<K>;
}
