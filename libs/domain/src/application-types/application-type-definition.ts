import type { ApplicationType, DocumentKind } from '../enums/services.js';

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
}
