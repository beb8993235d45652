import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

/** A 256-bit random secret as 64 hex digits (refresh tokens, MFA challenges, recovery codes' source). */
export function newSecretToken(): string {
  return randomBytes(32).toString('hex');
}

/** What is stored of a secret token: its SHA-256, never the token. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Where a session is used from, as its owner will see it in `GET /me/sessions`. */
export interface SessionOrigin {
  device?: string;
  clientAddress?: string;
}

/** An open session of an account, as its repository reads it (never a token). */
export interface OpenSessionRow {
  id: string;
  created_at: Date;
  last_used_at: Date;
  device: string | null;
  client_address: string | null;
}

export type RotationOutcome =
  | { outcome: 'rotated'; sessionId: string; accountId: string; refreshToken: string }
  /** A spent token came back: someone kept a copy. Its session has been ended. */
  | { outcome: 'reused'; sessionId: string; accountId: string }
  /** The session has ended (signed out, revoked, expired), or the token was never issued. */
  | { outcome: 'refused' };

/**
 * Sessions: one per sign-in, ended by sign-out, a revocation or their age. Their refresh tokens
 * are kept as SHA-256 digests, each usable once.
 */
@Injectable()
export class SessionRepository {
  constructor(private readonly db: DataSource) {}

  async create(
    accountId: string,
    ttlSeconds: number,
    origin: SessionOrigin = {},
  ): Promise<{ sessionId: string; refreshToken: string }> {
    const sessionId = randomUUID();
    const refreshToken = newSecretToken();
    await this.db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO account_session (id, account_id, expires_at, device, client_address)
         VALUES ($1, $2, now() + make_interval(secs => $3), $4, $5)`,
        [sessionId, accountId, ttlSeconds, origin.device ?? null, origin.clientAddress ?? null],
      );
      await this.issue(manager, sessionId, refreshToken);
    });
    if (Math.random() < 0.01) await this.sweep();
    return { sessionId, refreshToken };
  }

  /**
   * Spends a refresh token and issues the next one of its session. Two requests racing with the
   * same token: one rotates, the other finds it spent and ends the session (as a thief would).
   */
  rotate(refreshToken: string, origin: SessionOrigin = {}): Promise<RotationOutcome> {
    const hash = tokenDigest(refreshToken);
    return this.db.transaction(async (manager) => {
      const spent = await manager.query<Array<{ session_id: string; account_id: string }>>(
        `WITH changed AS (UPDATE refresh_token r SET spent_at = now()
           FROM account_session s
          WHERE r.token_hash = $1 AND r.spent_at IS NULL AND s.id = r.session_id
            AND s.revoked_at IS NULL AND s.expires_at > now()
          RETURNING r.session_id, s.account_id) SELECT * FROM changed`,
        [hash],
      );
      if (spent.length === 1) {
        const next = newSecretToken();
        await this.issue(manager, spent[0].session_id, next);
        // The address follows the session (the owner's phone moves between networks); the device
        // description is the sign-in's unless none was recorded then.
        await manager.query(
          `UPDATE account_session
              SET last_used_at = now(), client_address = COALESCE($2, client_address), device = COALESCE(device, $3)
            WHERE id = $1`,
          [spent[0].session_id, origin.clientAddress ?? null, origin.device ?? null],
        );
        return {
          outcome: 'rotated' as const,
          sessionId: spent[0].session_id,
          accountId: spent[0].account_id,
          refreshToken: next,
        };
      }
      const known = await manager.query<Array<{ session_id: string; account_id: string; spent_at: Date | null }>>(
        `SELECT r.session_id, s.account_id, r.spent_at
           FROM refresh_token r JOIN account_session s ON s.id = r.session_id WHERE r.token_hash = $1`,
        [hash],
      );
      if (known.length === 1 && known[0].spent_at !== null) {
        await manager.query(
          `UPDATE account_session SET revoked_at = now(), revoked_reason = 'REFRESH_REUSED'
            WHERE id = $1 AND revoked_at IS NULL`,
          [known[0].session_id],
        );
        return { outcome: 'reused' as const, sessionId: known[0].session_id, accountId: known[0].account_id };
      }
      return { outcome: 'refused' as const };
    });
  }

  /** The session a refresh token belongs to (any state), or undefined. */
  async sessionOfToken(refreshToken: string): Promise<{ sessionId: string; accountId: string } | undefined> {
    const rows = await this.db.query<Array<{ session_id: string; account_id: string }>>(
      `SELECT r.session_id, s.account_id FROM refresh_token r JOIN account_session s ON s.id = r.session_id
        WHERE r.token_hash = $1`,
      [tokenDigest(refreshToken)],
    );
    return rows.length === 0 ? undefined : { sessionId: rows[0].session_id, accountId: rows[0].account_id };
  }

  /** Ends one session of an account; false when it was not open. */
  async revoke(accountId: string, sessionId: string, reason: string): Promise<boolean> {
    const rows = await this.db.query<Array<{ id: string }>>(
      `WITH changed AS (UPDATE account_session SET revoked_at = now(), revoked_reason = $3
        WHERE id = $1 AND account_id = $2 AND revoked_at IS NULL RETURNING id) SELECT * FROM changed`,
      [sessionId, accountId, reason],
    );
    return rows.length > 0;
  }

  /** Ends every open session of an account, but `except` when given. */
  async revokeAll(accountId: string, reason: string, except?: string): Promise<void> {
    await this.db.query(
      `UPDATE account_session SET revoked_at = now(), revoked_reason = $2
        WHERE account_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [accountId, reason, except ?? null],
    );
  }

  /** The account's open sessions, most recently used first, with how many there are. */
  async listOpen(accountId: string, limit: number, offset: number): Promise<{ rows: OpenSessionRow[]; total: number }> {
    const open = `account_id = $1 AND revoked_at IS NULL AND expires_at > now()`;
    const rows = await this.db.query<OpenSessionRow[]>(
      `SELECT id, created_at, last_used_at, device, client_address FROM account_session
        WHERE ${open} ORDER BY last_used_at DESC, id LIMIT $2 OFFSET $3`,
      [accountId, limit, offset],
    );
    const [{ total }] = await this.db.query<Array<{ total: number }>>(
      `SELECT count(*)::int AS total FROM account_session WHERE ${open}`,
      [accountId],
    );
    return { rows, total };
  }

  /** Ends every open session of an account but `except`; how many ended. */
  async revokeOthers(accountId: string, except: string, reason: string): Promise<number> {
    const rows = await this.db.query<Array<{ id: string }>>(
      `WITH changed AS (UPDATE account_session SET revoked_at = now(), revoked_reason = $3
        WHERE account_id = $1 AND revoked_at IS NULL AND expires_at > now() AND id <> $2 RETURNING id)
       SELECT * FROM changed`,
      [accountId, except, reason],
    );
    return rows.length;
  }

  async isOpen(accountId: string, sessionId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM account_session WHERE id = $1 AND account_id = $2 AND revoked_at IS NULL AND expires_at > now()`,
      [sessionId, accountId],
    );
    return rows.length > 0;
  }

  private async issue(manager: EntityManager, sessionId: string, refreshToken: string): Promise<void> {
    await manager.query(`INSERT INTO refresh_token (token_hash, session_id) VALUES ($1, $2)`, [
      tokenDigest(refreshToken),
      sessionId,
    ]);
  }

  /** Sessions ended or expired more than a day ago are of no more use (their tokens go with them). */
  private async sweep(): Promise<void> {
    await this.db.query(
      `DELETE FROM account_session
        WHERE (revoked_at IS NOT NULL AND revoked_at < now() - interval '1 day') OR expires_at < now() - interval '1 day'`,
    );
  }
}
