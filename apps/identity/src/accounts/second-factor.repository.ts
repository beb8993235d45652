import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { tokenDigest } from './session.repository.js';

/** An account's second factor: its encrypted TOTP secret, recovery codes, and login challenges. */
@Injectable()
export class SecondFactorRepository {
  constructor(private readonly db: DataSource) {}

  async secretsOf(
    accountId: string,
  ): Promise<{ secret: string | null; pending: string | null; lastTimeStep: number | null } | undefined> {
    const rows = await this.db.query<
      Array<{ mfa_secret: string | null; mfa_pending_secret: string | null; mfa_last_time_step: string | null }>
    >(`SELECT mfa_secret, mfa_pending_secret, mfa_last_time_step FROM account WHERE id = $1`, [accountId]);
    if (rows.length === 0) return undefined;
    const row = rows[0];
    return {
      secret: row.mfa_secret,
      pending: row.mfa_pending_secret,
      lastTimeStep: row.mfa_last_time_step === null ? null : Number(row.mfa_last_time_step),
    };
  }

  /** An enrolment begins: the secret waits for its first code; the new recovery codes wait with it. */
  async startEnrolment(accountId: string, encryptedSecret: string, recoveryCodes: readonly string[]): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.query(`UPDATE account SET mfa_pending_secret = $2 WHERE id = $1`, [accountId, encryptedSecret]);
      await manager.query(`DELETE FROM mfa_recovery_code WHERE account_id = $1 AND pending`, [accountId]);
      await manager.query(
        `INSERT INTO mfa_recovery_code (account_id, code_hash, pending)
         SELECT $1, unnest($2::char(64)[]), true`,
        [accountId, recoveryCodes.map((code) => tokenDigest(code))],
      );
    });
  }

  /** The pending secret becomes the account's second factor; the pending codes replace the old ones. */
  async enable(accountId: string, timeStep: number): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      const rows = await manager.query<unknown[]>(
        `WITH changed AS (UPDATE account SET mfa_secret = mfa_pending_secret, mfa_pending_secret = NULL,
                mfa_enabled_at = now(), mfa_last_time_step = $2
          WHERE id = $1 AND mfa_pending_secret IS NOT NULL RETURNING id) SELECT * FROM changed`,
        [accountId, timeStep],
      );
      if (rows.length === 0) return false;
      await manager.query(`DELETE FROM mfa_recovery_code WHERE account_id = $1 AND NOT pending`, [accountId]);
      await manager.query(`UPDATE mfa_recovery_code SET pending = false WHERE account_id = $1`, [accountId]);
      return true;
    });
  }

  /** New recovery codes replace every old one (used or not) of an account whose second factor is on. */
  async replaceRecoveryCodes(accountId: string, recoveryCodes: readonly string[]): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.query(`DELETE FROM mfa_recovery_code WHERE account_id = $1 AND NOT pending`, [accountId]);
      await manager.query(
        `INSERT INTO mfa_recovery_code (account_id, code_hash, pending)
         SELECT $1, unnest($2::char(64)[]), false`,
        [accountId, recoveryCodes.map((code) => tokenDigest(code))],
      );
    });
  }

  /**
   * An ADMIN's reset: the second factor is off, its secret (active and pending), recovery codes and
   * open login challenges are gone. False when the account does not exist.
   */
  async clear(accountId: string): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      const rows = await manager.query<unknown[]>(
        `WITH changed AS (UPDATE account SET mfa_secret = NULL, mfa_pending_secret = NULL, mfa_enabled_at = NULL,
                mfa_last_time_step = NULL WHERE id = $1 RETURNING id) SELECT * FROM changed`,
        [accountId],
      );
      if (rows.length === 0) return false;
      await manager.query(`DELETE FROM mfa_recovery_code WHERE account_id = $1`, [accountId]);
      await manager.query(`DELETE FROM mfa_challenge WHERE account_id = $1`, [accountId]);
      return true;
    });
  }

  /** Records the time step of a code just used; false when that step (or a later one) was used already. */
  async useTimeStep(accountId: string, timeStep: number): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `WITH changed AS (UPDATE account SET mfa_last_time_step = $2
        WHERE id = $1 AND (mfa_last_time_step IS NULL OR mfa_last_time_step < $2) RETURNING id) SELECT * FROM changed`,
      [accountId, timeStep],
    );
    return rows.length > 0;
  }

  /** Spends a recovery code; false when it is not one of the account's unused codes. */
  async useRecoveryCode(accountId: string, code: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `WITH changed AS (UPDATE mfa_recovery_code SET used_at = now()
        WHERE account_id = $1 AND code_hash = $2 AND NOT pending AND used_at IS NULL RETURNING account_id) SELECT * FROM changed`,
      [accountId, tokenDigest(code)],
    );
    return rows.length > 0;
  }

  async createChallenge(accountId: string, token: string, ttlSeconds: number): Promise<void> {
    await this.db.query(
      `INSERT INTO mfa_challenge (token_hash, account_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`,
      [tokenDigest(token), accountId, ttlSeconds],
    );
    if (Math.random() < 0.01)
      await this.db.query(`DELETE FROM mfa_challenge WHERE expires_at < now() - interval '1 day'`);
  }

  /** The account a live (unused, unexpired) challenge belongs to. */
  async challengeAccount(token: string): Promise<string | undefined> {
    const rows = await this.db.query<Array<{ account_id: string }>>(
      `SELECT account_id FROM mfa_challenge WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`,
      [tokenDigest(token)],
    );
    return rows[0]?.account_id;
  }

  /** Uses a challenge up: false when another request did first. */
  async consumeChallenge(token: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `WITH changed AS (UPDATE mfa_challenge SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
       RETURNING account_id) SELECT * FROM changed`,
      [tokenDigest(token)],
    );
    return rows.length > 0;
  }
}
