import type { ApplicationType } from '../enums/services.js';
import type { ApplicationTypeDefinition } from './application-type-definition.js';
import { birthRegistration } from './birth-registration/birth-registration.type.js';
import { familyCardNew } from './family-card-new/family-card-new.type.js';
import { familyCardReplacement } from './family-card-replacement/family-card-replacement.type.js';
import { familyCardUpdate } from './family-card-update/family-card-update.type.js';
import { deathRegistration } from './death-registration/death-registration.type.js';

/**
 * Every application type, one line each. A type added to `ApplicationType` without its line here
 * is a compile error naming it ("Property 'X' is missing"); so is a line whose definition
 * belongs to another type.
 */
export const APPLICATION_TYPES = {
  BIRTH_REGISTRATION: birthRegistration,
  FAMILY_CARD_NEW: familyCardNew,
  FAMILY_CARD_UPDATE: familyCardUpdate,
  FAMILY_CARD_REPLACEMENT: familyCardReplacement,
  DEATH_REGISTRATION: deathRegistration,
} as const satisfies { readonly [K in ApplicationType]: ApplicationTypeDefinition<K> };

export const APPLICATION_TYPE_LABELS = labelsOf((definition) => definition.label);
export const APPLICATION_TYPE_SHORT_LABELS = labelsOf((definition) => definition.shortLabel);

function labelsOf(pick: (definition: ApplicationTypeDefinition) => string): Readonly<Record<ApplicationType, string>> {
  return Object.fromEntries(
    Object.entries(APPLICATION_TYPES).map(([type, definition]) => [type, pick(definition)]),
  ) as Record<ApplicationType, string>;
}
