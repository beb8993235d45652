import type { ApplicationType } from '#lib/domain';
import { BirthRegistrationInput } from './birth-registration/birth-registration.input.js';
import { FamilyCardNewInput } from './family-card-new/family-card-new.input.js';
import { FamilyCardReplacementInput } from './family-card-replacement/family-card-replacement.input.js';
import { FamilyCardUpdateInput } from './family-card-update/family-card-update.input.js';
import { DeathRegistrationInput } from './death-registration/death-registration.input.js';

/**
 * The body of `POST /applications` and `PUT /applications/{id}` is `{ type, ...details }`: one
 * input class per type, here one line each. The same classes travel inside NATS messages and the
 * approval event, so every service validates what the gateway validated (STYLE.md rule 2). A
 * type added to `ApplicationType` without its class here is a compile error naming it.
 */
export const APPLICATION_INPUT_CLASSES = {
  BIRTH_REGISTRATION: BirthRegistrationInput,
  FAMILY_CARD_NEW: FamilyCardNewInput,
  FAMILY_CARD_UPDATE: FamilyCardUpdateInput,
  FAMILY_CARD_REPLACEMENT: FamilyCardReplacementInput,
  DEATH_REGISTRATION: DeathRegistrationInput,
} as const satisfies { readonly [K in ApplicationType]: new () => { type: K } };

/** The validated body of one type: `{ type, ...details }`. */
export type ApplicationInputOf<K extends ApplicationType> = InstanceType<(typeof APPLICATION_INPUT_CLASSES)[K]>;

/** Any type's body, discriminated on `type`. */
export type ApplicationInput = { [K in ApplicationType]: ApplicationInputOf<K> }[ApplicationType];

/** The details of one type as stored and shown: the body without its `type`. */
export type ApplicationDetailsOf<K extends ApplicationType> = Omit<ApplicationInputOf<K>, 'type'>;

/**
 * A type with its details, discriminated on `type`: what the application row, the view, the
 * approval event and the web carry (API.md keeps `type` beside `details`, not inside it).
 * `if (a.type === 'BIRTH_REGISTRATION') a.details.child` type-checks; a `switch` over `type`
 * missing a case does not pass lint (`switch-exhaustiveness-check`).
 */
export type ApplicationDetails = {
  [K in ApplicationType]: { type: K; details: ApplicationDetailsOf<K> };
}[ApplicationType];

/** The details of any type (without saying which). */
export type AnyApplicationDetails = ApplicationDetails['details'];

/** For `@Type(..., { discriminator })` where an input travels nested in a message. */
export const APPLICATION_INPUT_DISCRIMINATOR = {
  property: 'type',
  subTypes: Object.entries(APPLICATION_INPUT_CLASSES).map(([name, value]) => ({ name, value })),
};

/** Pairs a type with details read back from storage or the wire (validated when they were written). */
export function typedDetails(type: ApplicationType, details: object): ApplicationDetails {
  return { type, details } as ApplicationDetails;
}
