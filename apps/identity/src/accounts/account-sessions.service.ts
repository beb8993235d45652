import { Inject, Injectable } from '@nestjs/common';
import {
  IdentityBroadcasts,
  type AccountSessionsChangedEvent,
  type SessionStateReply,
  type SessionStateRequest,
} from '#lib/contracts';
import { APP_LOGGER, type AppLogger } from '#lib/platform/core';
import { JetStreamConnection } from '#lib/platform/events';
import { AccountRepository } from './account.repository.js';
import { SessionRepository } from './session.repository.js';

/** Why tokens were revoked (kept on the session rows, and in the log). */
export type RevocationReason =
  | 'LOGOUT'
  | 'PASSWORD_CHANGED'
  | 'PASSWORD_RESET'
  | 'DISABLED'
  | 'REFRESH_REUSED'
  | 'MFA_ENABLED'
  | 'MFA_RESET'
  | 'DECEASED'
  /** The owner ended it from their list of sessions (`DELETE /me/sessions/{id}`, `revoke-others`). */
  | 'ENDED_BY_OWNER';

/**
 * The one place tokens are revoked. Each change is written to the database first (the truth,
 * shared by every identity replica), then announced on the bus as a plain NATS publish — no
 * queue group, so every gateway replica receives it and drops what it cached about the account.
 * The publish is flushed before the caller answers: by the time a client hears "signed out",
 * the NATS server has passed the news on to every gateway.
 */
@Injectable()
export class AccountSessionsService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionRepository,
    private readonly bus: JetStreamConnection,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  /** Every token of the account issued before now is refused; every session but `except` ends. */
  async revokeAllFor(accountId: string, reason: RevocationReason, except?: string): Promise<void> {
    if (except === undefined) await this.accounts.invalidateTokens(accountId);
    await this.sessions.revokeAll(accountId, reason, except);
    this.logger.info({ accountId, reason }, 'Revoked the sessions of an account');
    await this.announce({ accountId });
  }

  /** One session ends (sign-out, a reused refresh token); false when it was not open (nothing changed). */
  async revokeSession(accountId: string, sessionId: string, reason: RevocationReason): Promise<boolean> {
    const ended = await this.sessions.revoke(accountId, sessionId, reason);
    this.logger.info({ accountId, sessionId, reason }, 'Revoked a session');
    await this.announce({ accountId, sessionId });
    return ended;
  }

  /** Every open session of the account but `except` ends; its tokens stay good. How many ended. */
  async revokeOthers(accountId: string, except: string, reason: RevocationReason): Promise<number> {
    const ended = await this.sessions.revokeOthers(accountId, except, reason);
    this.logger.info({ accountId, reason, ended }, 'Revoked the other sessions of an account');
    if (ended > 0) await this.announce({ accountId });
    return ended;
  }

  /** The account's state changed in a way its tokens must reflect (already written): tell the gateways. */
  async announce(event: AccountSessionsChangedEvent): Promise<void> {
    try {
      const nats = await this.bus.nats();
      nats.publish(IdentityBroadcasts.ACCOUNT_SESSIONS_CHANGED, JSON.stringify(event));
      await nats.flush();
    } catch (error) {
      // The gateways' caches expire within seconds anyway: a lost announcement delays, never loses.
      this.logger.warn({ err: error, accountId: event.accountId }, 'Could not announce a session change');
    }
  }

  /** What the gateway's guard needs to accept a token (it caches the answer briefly). */
  async state(request: SessionStateRequest): Promise<SessionStateReply> {
    const account = await this.accounts.tokenState(request.accountId);
    const reply: SessionStateReply = { accountActive: account.active };
    if (account.tokensValidAfter !== null) reply.tokensValidAfter = account.tokensValidAfter.getTime();
    if (request.sessionId !== undefined) {
      reply.sessionActive = await this.sessions.isOpen(request.accountId, request.sessionId);
    }
    return reply;
  }
}
