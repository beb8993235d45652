import type { ApplicationType } from '#lib/domain';
import { birthRegistrationChange } from './birth-registration/birth-registration.registry-change.js';
import { familyCardNewChange } from './family-card-new/family-card-new.registry-change.js';
import { familyCardReplacementChange } from './family-card-replacement/family-card-replacement.registry-change.js';
import { familyCardUpdateChange } from './family-card-update/family-card-update.registry-change.js';
import { deathRegistrationChange } from './death-registration/death-registration.registry-change.js';
import type { RegistryChangeType } from './registry-change-type.js';

/**
 * How each application type changes the registry, one line each. A type added to
 * `ApplicationType` without its line is a compile error naming it.
 */
export const REGISTRY_CHANGE_TYPES = {
  BIRTH_REGISTRATION: birthRegistrationChange,
  FAMILY_CARD_NEW: familyCardNewChange,
  FAMILY_CARD_UPDATE: familyCardUpdateChange,
  FAMILY_CARD_REPLACEMENT: familyCardReplacementChange,
  DEATH_REGISTRATION: deathRegistrationChange,
} as const satisfies { readonly [K in ApplicationType]: RegistryChangeType<K> };

/** The change of the type an input names (TypeScript cannot pair the two through a lookup). */
export function registryChangeFor<K extends ApplicationType>(type: K): RegistryChangeType<K> {
  return REGISTRY_CHANGE_TYPES[type] as unknown as RegistryChangeType<K>;
}
