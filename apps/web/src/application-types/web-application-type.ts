import type { ReactNode } from 'react';
import type { ApplicationDetailsOf, ApplicationType } from '../api/types';
import type { FormProps } from '../pages/resident/form-parts';

/** A row of the clerk's view of the details: label and value. */
export type DetailRow = readonly [string, ReactNode];

/**
 * The part of an application type the web pages own: the resident's form and the clerk's view
 * of its details. One per type in `application-types/<type>/`, registered in
 * `application-types.registry.ts`; its names and documents come from libs/domain.
 */
export interface WebApplicationType<K extends ApplicationType> {
  readonly type: K;
  /** The form's address: `/permohonan/baru/<slug>`. */
  readonly slug: string;
  /** One sentence for a resident choosing a service. */
  readonly description: string;
  /** The form, empty for a new application or filled with a returned one's details. */
  readonly Form: (props: FormProps<K>) => ReactNode;
  /** The details as the clerk and the official read them. */
  readonly detailRows: (details: ApplicationDetailsOf<K>) => DetailRow[];
  /**
   * What the registry panel beside the details shows: the KK the application is about, if any,
   * and the people it names with their part in it ("ayah", "ibu", ...), marked in the KK or
   * looked up one by one.
   */
  readonly registryView: (details: ApplicationDetailsOf<K>) => RegistryView;
}

export interface RegistryView {
  familyCardNumber?: string;
  /** NIK → the person's part in the application, as the tag beside their name says it. */
  named: ReadonlyMap<string, string>;
  /** People who must be members of that KK, and what the page says when one is not. */
  expectedMembers?: { niks: readonly string[]; warning: string };
}

/** The tag of a person the application names without a part of their own. */
export const NAMED = 'disebut dalam permohonan';

/** A value as shown, `—` when absent. */
export const shown = (value: string | number | undefined): string =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : '—';

/** A code by its label, `—` when absent. */
export const labelled = (labels: Readonly<Record<string, string>>, value: string | undefined): string =>
  typeof value === 'string' ? (labels[value] ?? value) : '—';
