import type { ReactNode } from 'react';
import type { Application, ApplicationDetailsOf, ApplicationType } from '../api/types';
import type { FormProps } from '../pages/resident/form-parts';
import { birthRegistrationWeb } from './birth-registration/birth-registration.web';
import { familyCardNewWeb } from './family-card-new/family-card-new.web';
import { familyCardReplacementWeb } from './family-card-replacement/family-card-replacement.web';
import { familyCardUpdateWeb } from './family-card-update/family-card-update.web';
import { deathRegistrationWeb } from './death-registration/death-registration.web';
import type { DetailRow, RegistryView, WebApplicationType } from './web-application-type';

/**
 * The web part of every application type, one line each, in the order residents see them. A
 * type added to `ApplicationType` (libs/domain) without its line is a compile error naming it.
 */
export const WEB_APPLICATION_TYPES = {
  BIRTH_REGISTRATION: birthRegistrationWeb,
  FAMILY_CARD_NEW: familyCardNewWeb,
  FAMILY_CARD_UPDATE: familyCardUpdateWeb,
  FAMILY_CARD_REPLACEMENT: familyCardReplacementWeb,
  DEATH_REGISTRATION: deathRegistrationWeb,
} as const satisfies { readonly [K in ApplicationType]: WebApplicationType<K> };

/** The web part of a type (TypeScript cannot pair the two through a lookup). */
function webTypeOf<K extends ApplicationType>(type: K): WebApplicationType<K> {
  return WEB_APPLICATION_TYPES[type] as unknown as WebApplicationType<K>;
}

/** The type a form address names: `/permohonan/baru/kelahiran`. */
export function typeOfSlug(slug: string): ApplicationType | undefined {
  return Object.values(WEB_APPLICATION_TYPES).find((web) => web.slug === slug)?.type;
}

/** The form of a type. */
export function formOf<K extends ApplicationType>(type: K): (props: FormProps<K>) => ReactNode {
  return webTypeOf(type).Form;
}

/** The clerk's rows of an application's details. */
export function detailRowsOf<K extends ApplicationType>(
  application: Application & ApplicationDetailsPair<K>,
): DetailRow[] {
  return webTypeOf(application.type).detailRows(application.details);
}

/** What the registry panel beside an application shows. */
export function registryViewOf<K extends ApplicationType>(
  application: Application & ApplicationDetailsPair<K>,
): RegistryView {
  return webTypeOf(application.type).registryView(application.details);
}

interface ApplicationDetailsPair<K extends ApplicationType> {
  type: K;
  details: ApplicationDetailsOf<K>;
}
