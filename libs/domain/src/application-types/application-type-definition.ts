import type { ApplicationType, AttachmentKind, DocumentKind } from '../enums/services.js';

/**
 * What every app knows of an application type without asking any service: its names and the
 * documents its approval may issue. Each type declares one in `<type>/`, and
 * `application-types.registry.ts` lists them all, checked by the compiler against
 * `ApplicationType`.
 */
export interface ApplicationTypeDefinition<K extends ApplicationType = ApplicationType> {
  readonly type: K;
  /** The official name, in capitals, as documents and the staff console print it. */
  readonly label: string;
  /** The name residents read in lists and buttons. */
  readonly shortLabel: string;
  /**
   * The kinds of document its approval may issue. The registry change names the exact set (a
   * new family may reissue the KKs its members left); the documents service refuses any other.
   */
  readonly documents: readonly DocumentKind[];
  /**
   * The evidence the office expects with this type, in the order the form lists it. Never
   * required by the system (the clerk judges), but the form names it and asks before sending
   * without any of it, and the clerk sees the same list: a missing paper caught before sending
   * spares a return and a second trip.
   */
  readonly expectedEvidence: readonly TypeEvidence[];
}

/** One piece of evidence the office expects: its kind and, in plain words, when it applies. */
export interface TypeEvidence {
  readonly kind: AttachmentKind;
  readonly description: string;
}
