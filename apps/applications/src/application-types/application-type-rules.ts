import type { ApplicationDetailsOf, ApplicationInputOf, FamilyView, PersonRecord } from '#lib/contracts';
import type { ApplicationType, ExpectedEvidence, FieldError } from '#lib/domain';

/**
 * The part of an application type the applications service owns: what the registry must be
 * asked before judging, the rules themselves (pure functions in the type's folder), and the
 * details as stored. One implementation per type in `application-types/<type>/`, registered in
 * `application-types.registry.ts`.
 */
export interface ApplicationTypeRules<K extends ApplicationType> {
  readonly type: K;
  /** Asks what the rules need (through `context`) and judges the application with it. */
  judge(input: ApplicationInputOf<K>, context: RuleContext): Promise<RuleOutcome>;
  /** The details as stored and shown: the body without its `type`, with defaults written out. */
  toDetails(input: ApplicationInputOf<K>): ApplicationDetailsOf<K>;
}

/** Judging one application: who applies, and the questions the rules may ask. */
export interface RuleContext {
  applicantNik: string;
  /** On resubmission: the application being corrected, which is not a rival of itself. */
  applicationId?: string;
  registry: RegistryFacts;
  applications: ApplicationFacts;
}

/** The population registry (identity over NATS), as the rules ask it. */
export interface RegistryFacts {
  /** People by NIK; unknown NIKs are missing from the map. */
  persons(niks: readonly string[]): Promise<Map<string, PersonRecord>>;
  /** A family with its current members, or `undefined` when there is no such KK. */
  family(familyCardNumber: string): Promise<FamilyView | undefined>;
}

/** Other applications, as the rules ask about them (duplicates, pending changes). */
export interface ApplicationFacts {
  /**
   * The details of this type's applications about this KK that are still open (submitted,
   * verified, returned or approved), leaving out `excludeId`.
   */
  openDetails<K extends ApplicationType>(
    type: K,
    familyCardNumber: string,
    excludeId?: string,
  ): Promise<ApplicationDetailsOf<K>[]>;
}

export interface RuleOutcome {
  violations: FieldError[];
  /** The regency whose staff handle it: where the family concerned lives. */
  regencyCode?: string;
  /** The KK the application is about (none yet for a new family). */
  familyCardNumber?: string;
  /** The evidence the clerk must see for this application, as the rules decided it. */
  evidence?: ExpectedEvidence[];
}

/** The details of most types: the body as validated, without its `type`. */
export function detailsWithoutType<T extends { type: ApplicationType }>(input: T): Omit<T, 'type'> {
  // A JSON copy: what is stored is plain data, never a class instance with its prototype.
  const { type: _type, ...details } = JSON.parse(JSON.stringify(input)) as T;
  return details;
}
