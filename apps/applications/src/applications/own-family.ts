import { Injectable } from '@nestjs/common';
import type { Principal } from '#lib/contracts';
import { DomainError, Role } from '#lib/domain';
import { RegistryClient } from '../registry/registry.client.js';

/** The family of the person behind a staff account, as the registry has it now. */
export interface StaffFamily {
  staffNik: string;
  /** Their current KK, when they belong to one. */
  familyCardNumber?: string;
  /** Everyone currently in that KK (the staff member included). */
  memberNiks: ReadonlySet<string>;
}

/** What the rule needs to know of an application. */
export interface FamilyFacts {
  applicantNik: string;
  familyCardNumber: string | null;
}

/**
 * A clerk or official may not act on an application of their own family: one they applied for
 * themselves, one about the KK they belong to, or one a member of their KK applied for.
 */
export function isOwnFamily(family: StaffFamily | undefined, application: FamilyFacts): boolean {
  if (family === undefined) return false;
  if (application.applicantNik === family.staffNik) return true;
  if (family.memberNiks.has(application.applicantNik)) return true;
  return (
    family.familyCardNumber !== undefined &&
    application.familyCardNumber !== null &&
    application.familyCardNumber === family.familyCardNumber
  );
}

export function ownFamilyRefused(): DomainError {
  return new DomainError(
    'APPLICATION.OWN_FAMILY',
    'Petugas tidak boleh memproses permohonan keluarganya sendiri (pemohon atau KK-nya memuat NIK petugas); serahkan kepada petugas lain',
  );
}

const ACTING_STAFF: readonly string[] = [Role.CLERK, Role.OFFICIAL];
/** How long a family read for display (queue marks, offered actions) is reused. */
const DISPLAY_CACHE_MS = 30_000;
const DISPLAY_CACHE_SIZE = 1_000;

/**
 * Learns the staff member's family without trusting any message body: the NIK comes from the
 * verified principal (identity's token claim `staffNik`), the family from identity's registry.
 */
@Injectable()
export class OwnFamilyService {
  /**
   * Families read for display only, for a few seconds: a staff member pages through the queue
   * and opens applications many times a minute. An action never uses it (`of` reads afresh).
   */
  private readonly shown = new Map<string, { family: StaffFamily; until: number }>();

  constructor(private readonly registry: RegistryClient) {}

  /**
   * For what is shown (the `ownFamily` mark, the actions offered): may be up to 30 s old. What
   * the API then refuses or allows is decided by `of`, read at the time of the action.
   */
  async forDisplay(principal: Principal): Promise<StaffFamily | undefined> {
    if (!ACTING_STAFF.includes(principal.role) || principal.staffNik === undefined) return undefined;
    const known = this.shown.get(principal.staffNik);
    if (known !== undefined && known.until > Date.now()) return known.family;
    const family = await this.of(principal);
    if (family === undefined) return undefined;
    if (this.shown.size >= DISPLAY_CACHE_SIZE) this.shown.delete(this.shown.keys().next().value as string);
    this.shown.set(principal.staffNik, { family, until: Date.now() + DISPLAY_CACHE_MS });
    return family;
  }

  /** `undefined` when the caller is no clerk or official, or their account records no NIK. */
  async of(principal: Principal): Promise<StaffFamily | undefined> {
    if (!ACTING_STAFF.includes(principal.role) || principal.staffNik === undefined) return undefined;
    const family = await this.registry.familyOf(principal.staffNik);
    if (family === undefined) return { staffNik: principal.staffNik, memberNiks: new Set([principal.staffNik]) };
    return {
      staffNik: principal.staffNik,
      familyCardNumber: family.familyCardNumber,
      memberNiks: new Set([principal.staffNik, ...family.members.map((member) => member.nik)]),
    };
  }
}
