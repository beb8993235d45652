import { Injectable } from '@nestjs/common';
import type { ApplicationApprovedEvent } from '#lib/contracts';
import { ApplicationStatus, DomainError, Role } from '#lib/domain';
import { AccountRepository } from '../accounts/account.repository.js';

/**
 * An approval changes the registry only when identity, which owns the accounts, can vouch for
 * it: the application is APPROVED, and the official it names is an existing, enabled OFFICIAL
 * of the application's regency — with that NIP, and not the clerk who verified it (four eyes).
 * Subject permissions already let only applications publish approvals (ADR 0005); this check
 * stops an approval forged by anyone who got hold of that key, or published by a broken release.
 * A refusal is permanent (`AUTH.FORBIDDEN`): the event is dead-lettered at once, never retried.
 */
@Injectable()
export class ApprovalCheckService {
  constructor(private readonly accounts: AccountRepository) {}

  async assertAcceptable(event: ApplicationApprovedEvent): Promise<void> {
    if (event.status !== ApplicationStatus.APPROVED) {
      refuse(`application ${event.number} is ${event.status}, not APPROVED`);
    }
    const named = event.official;
    if (named.accountId === event.verifiedBy) {
      refuse(`the official of ${event.number} also verified it (four-eyes rule)`);
    }
    if (named.role !== Role.OFFICIAL) refuse(`the approval of ${event.number} names a ${named.role}, not an OFFICIAL`);
    const account = await this.accounts.findById(named.accountId);
    if (account === null) {
      refuse(`the official ${named.accountId} of ${event.number} is no enabled account`);
    }
    if (account.role !== Role.OFFICIAL) {
      refuse(`account ${account.id} approving ${event.number} is a ${account.role}, not an OFFICIAL`);
    }
    if (account.regencyCode !== event.regencyCode) {
      refuse(
        `official ${account.id} of regency ${account.regencyCode} may not approve ${event.number} of ${event.regencyCode}`,
      );
    }
    if (account.nip !== named.nip) refuse(`the NIP named for official ${account.id} is not theirs (${event.number})`);
  }
}

/** The reason is logged and kept with the dead letter: ids and numbers only, never a NIK. */
function refuse(reason: string): never {
  throw new DomainError('AUTH.FORBIDDEN', `Approval refused: ${reason}`);
}
