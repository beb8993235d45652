import { Injectable } from '@nestjs/common';
import { IdentityRpc, type FamilyView, type PersonRecord, type Principal } from '#lib/contracts';
import { DomainError } from '#lib/domain';
import { RpcClient } from '#lib/platform/rpc';

/** A staff account as the approval event prints it. */
export interface StaffProfile {
  accountId: string;
  fullName?: string;
  nip?: string;
}

/**
 * The applications service's questions to the population registry (identity), through the
 * app's one RpcClient (deadline, correlation id, metrics, error translation). A refusal of a
 * question this service built is its own bug, never the client's input, so only "not found"
 * (an answer here, not an error) and "unavailable" keep their codes; the rest is INTERNAL.
 */
@Injectable()
export class RegistryClient {
  constructor(private readonly rpc: RpcClient) {}

  /** People by NIK; unknown NIKs are simply missing from the map. */
  async persons(niks: readonly string[]): Promise<Map<string, PersonRecord>> {
    const unique = [...new Set(niks)];
    if (unique.length === 0) return new Map();
    const reply = await this.rpc.call(IdentityRpc.PERSONS_GET, { niks: unique }, { passCodes: [] });
    return new Map(reply.items.map((person) => [person.nik, person]));
  }

  /** A family with its current members, or `undefined` when there is no such KK. */
  family(familyCardNumber: string): Promise<FamilyView | undefined> {
    return this.orUndefined(
      this.rpc.call(IdentityRpc.FAMILY_GET, { familyCardNumber }, { passCodes: ['FAMILY.NOT_FOUND'] }),
    );
  }

  /** The current family of a person, or `undefined` when they belong to none. */
  familyOf(nik: string): Promise<FamilyView | undefined> {
    return this.orUndefined(
      this.rpc.call(IdentityRpc.FAMILY_FIND_BY_MEMBER, { nik }, { passCodes: ['FAMILY.NOT_FOUND'] }),
    );
  }

  /** Name and NIP of a staff member, printed on the documents of what they approve. */
  async staffProfile(principal: Principal): Promise<StaffProfile> {
    const account = await this.rpc.call(IdentityRpc.ACCOUNT_GET, { principal }, { passCodes: [] });
    const profile: StaffProfile = { accountId: account.id };
    if (account.fullName !== undefined) profile.fullName = account.fullName;
    if (account.nip !== undefined) profile.nip = account.nip;
    return profile;
  }

  private async orUndefined<T>(pending: Promise<T>): Promise<T | undefined> {
    try {
      return await pending;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'FAMILY.NOT_FOUND') return undefined;
      throw error;
    }
  }
}
