import { Injectable } from '@nestjs/common';
import {
  PAGE_DEFAULT_LIMIT,
  type EndOtherSessionsReply,
  type EndOtherSessionsRequest,
  type EndSessionRequest,
  type ListSessionsRequest,
  type Page,
  type Principal,
  type SessionView,
} from '#lib/contracts';
import { DomainError, Role } from '#lib/domain';
import { AccountSessionsService } from '../accounts/account-sessions.service.js';
import { SessionRepository, type OpenSessionRow } from '../accounts/session.repository.js';

/** No session has it: "every session but the current one" for a token that names none. */
const NO_SESSION = '00000000-0000-0000-0000-000000000000';

function sessionNotFound(): DomainError {
  return new DomainError('SESSION.NOT_FOUND', 'Sesi tidak ditemukan');
}

/** A session as its owner sees it: never a token, its digest, or why others ended. */
export function toSessionView(row: OpenSessionRow, currentSessionId: string | undefined): SessionView {
  const view: SessionView = {
    id: row.id,
    startedAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at.toISOString(),
    current: row.id === currentSessionId,
  };
  if (row.device !== null) view.device = row.device;
  if (row.client_address !== null) view.clientAddress = row.client_address;
  return view;
}

/**
 * A person's own sessions (`GET /me/sessions`, `DELETE /me/sessions/{id}`,
 * `POST /me/sessions/revoke-others`): only ever the caller's own account, taken from the verified
 * principal; an id of another account's session is answered exactly like an unknown one (404).
 * Ending goes through AccountSessionsService, so every gateway replica hears of it at once.
 */
@Injectable()
export class OwnSessionsService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly revocation: AccountSessionsService,
  ) {}

  async list({ principal, limit, offset }: ListSessionsRequest): Promise<Page<SessionView>> {
    assertPerson(principal);
    const { rows, total } = await this.sessions.listOpen(principal.accountId, limit ?? PAGE_DEFAULT_LIMIT, offset ?? 0);
    return { items: rows.map((row) => toSessionView(row, principal.sessionId)), total };
  }

  async end({ principal, sessionId }: EndSessionRequest): Promise<void> {
    assertPerson(principal);
    // Scoped by account in the query itself: another account's id changes nothing and reads as unknown.
    const ended = await this.revocation.revokeSession(principal.accountId, sessionId, 'ENDED_BY_OWNER');
    if (!ended) throw sessionNotFound();
  }

  async endOthers({ principal }: EndOtherSessionsRequest): Promise<EndOtherSessionsReply> {
    assertPerson(principal);
    const ended = await this.revocation.revokeOthers(
      principal.accountId,
      principal.sessionId ?? NO_SESSION,
      'ENDED_BY_OWNER',
    );
    return { ended };
  }
}

/** Agencies sign in with client credentials and have no sessions. */
function assertPerson(principal: Principal): void {
  if (principal.role === Role.AGENCY) throw new DomainError('AUTH.FORBIDDEN', 'Anda tidak berhak melakukan ini');
}
