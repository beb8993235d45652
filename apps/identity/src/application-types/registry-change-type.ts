import type {
  ApplicationInputOf,
  AssignFamilyCardNumberRequest,
  AssignNikRequest,
  DocumentToIssue,
  KartuKeluargaToIssue,
} from '#lib/contracts';
import type { ApplicationType } from '#lib/domain';
import type { PersonRow } from '../registry/registry.rows.js';
import type { AppliedChange, ChangeResult, RegistryWriter } from '../registry-changes/registry-change.repository.js';

/**
 * The part of an application type the identity service owns: how its approval changes the
 * population registry, and which documents must then be issued. One implementation per type in
 * `application-types/<type>/`, registered in `registry-change-types.registry.ts`.
 */
export interface RegistryChangeType<K extends ApplicationType> {
  readonly type: K;
  /**
   * Applies the approved application, once: reserve any new identifier first
   * (`context.reserve`, outside the transaction, so a retry reuses it), then make every write
   * inside `context.applyOnce`, which records the application as applied in the same transaction.
   */
  apply(input: ApplicationInputOf<K>, context: RegistryChangeContext): Promise<AppliedChange>;
  /** The documents the applied change calls for, with the facts they print. */
  documents(
    input: ApplicationInputOf<K>,
    applied: AppliedChange,
    context: DocumentsContext,
  ): Promise<DocumentToIssue[]>;
}

export interface RegistryChangeContext {
  applicationId: string;
  /** The family on record, or `FAMILY.NOT_FOUND`. */
  requireFamily(familyCardNumber: string): Promise<{ villageCode: string }>;
  /** The NIK or No. KK reserved for this application and purpose, assigned the first time. */
  reserve(purpose: string, assign: () => Promise<string>): Promise<string>;
  /** A new NIK (for `reserve`). */
  assignNik(request: AssignNikRequest): Promise<string>;
  /** A new No. KK (for `reserve`). */
  assignFamilyCardNumber(request: AssignFamilyCardNumberRequest): Promise<string>;
  /** Runs the writes in one transaction that also records the application as applied. */
  applyOnce(write: (writer: RegistryWriter) => Promise<ChangeResult>): Promise<AppliedChange>;
}

export interface DocumentsContext {
  /** A Kartu Keluarga for each family named that still has members, as it stands now. */
  familyCards(familyCardNumbers: readonly string[]): Promise<KartuKeluargaToIssue[]>;
  findPerson(nik: string): Promise<PersonRow | undefined>;
}

/** `16.02.05.2001` → `16.02.05`: the district a new NIK or No. KK is numbered in. */
export function districtOf(villageCode: string): string {
  return villageCode.split('.').slice(0, 3).join('.');
}
