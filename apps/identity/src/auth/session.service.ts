import { Injectable } from '@nestjs/common';
import type { LogoutRequest, RefreshSessionRequest, SessionReply } from '#lib/contracts';
import { DomainError } from '#lib/domain';
import { AccountSessionsService } from '../accounts/account-sessions.service.js';
import { AccountRepository } from '../accounts/account.repository.js';
import { SessionRepository } from '../accounts/session.repository.js';
import { SessionTokensService } from './session-tokens.service.js';

function sessionEnded(): DomainError {
  return new DomainError('AUTH.UNAUTHENTICATED', 'Sesi telah berakhir; silakan masuk kembali');
}

/** `POST /auth/refresh` (rotation, reuse detection) and `POST /auth/logout`. */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly accounts: AccountRepository,
    private readonly revocation: AccountSessionsService,
    private readonly tokens: SessionTokensService,
  ) {}

  async refresh({ refreshToken, clientAddress, device }: RefreshSessionRequest): Promise<SessionReply> {
    const rotated = await this.sessions.rotate(refreshToken, { clientAddress, device });
    if (rotated.outcome === 'reused') {
      // Already ended in the database; the gateways must drop the session's cached state too.
      await this.revocation.revokeSession(rotated.accountId, rotated.sessionId, 'REFRESH_REUSED');
      throw sessionEnded();
    }
    if (rotated.outcome === 'refused') throw sessionEnded();
    const account = await this.accounts.findById(rotated.accountId);
    if (account === null || !(await this.accounts.tokenState(account.id)).active) {
      await this.revocation.revokeSession(rotated.accountId, rotated.sessionId, 'DISABLED');
      throw sessionEnded();
    }
    return this.tokens.reply(account, rotated.sessionId, rotated.refreshToken);
  }

  /** Ends the caller's session (the access token's), and the refresh token's if it is another of theirs. */
  async logout({ principal, refreshToken }: LogoutRequest): Promise<void> {
    if (principal.sessionId !== undefined) {
      await this.revocation.revokeSession(principal.accountId, principal.sessionId, 'LOGOUT');
    }
    if (refreshToken !== undefined) {
      const session = await this.sessions.sessionOfToken(refreshToken);
      if (
        session !== undefined &&
        session.accountId === principal.accountId &&
        session.sessionId !== principal.sessionId
      ) {
        await this.revocation.revokeSession(principal.accountId, session.sessionId, 'LOGOUT');
      }
    }
    // A token of no session (issued before sessions existed): every such token of the account goes.
    if (principal.sessionId === undefined) await this.revocation.revokeAllFor(principal.accountId, 'LOGOUT');
  }
}
