import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AdminScope, Role } from '#lib/domain';
import { toAccount, type Account, type AccountRow } from './account.rows.js';

export interface NewAccount {
  id: string;
  role: Role;
  username?: string;
  nik?: string;
  passwordHash: string;
  fullName?: string;
  nip?: string;
  regencyCode?: string;
  /** ADMIN only; an ADMIN without one is bound to its regency. */
  adminScope?: AdminScope;
  staffNik?: string;
}

/** Which unique fact of an account another account already has. */
export type AccountConflict = 'username' | 'nik' | 'nip' | 'staffNik';

const CONFLICT_BY_CONSTRAINT: Readonly<Record<string, AccountConflict>> = {
  account_username_key: 'username',
  account_nik_key: 'nik',
  account_nip_key: 'nip',
  account_staff_nik_key: 'staffNik',
};

const ACCOUNT_COLUMNS = `id, role, username, nik, password_hash, full_name, nip, regency_code, admin_scope, staff_nik,
  created_at, disabled_at, tokens_valid_after, password_change_required, last_login_at, mfa_enabled_at`;

type PgError = { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };

/** What decides whether an account's tokens still count (the gateway's guard asks for it). */
export interface AccountTokenState {
  active: boolean;
  tokensValidAfter: Date | null;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as PgError).code === '23505' || (error as PgError).driverError?.code === '23505';
}

function violatedConstraint(error: unknown): string {
  return (error as PgError).driverError?.constraint ?? (error as PgError).constraint ?? '';
}

/** Accounts: the `find*` methods see only those that may sign in (never disabled ones). */
@Injectable()
export class AccountRepository {
  constructor(private readonly db: DataSource) {}

  findById(id: string): Promise<Account | null> {
    return this.findOne('id = $1', [id]);
  }

  /** Staff sign in by username (stored lower-case). */
  findStaffByUsername(username: string): Promise<Account | null> {
    return this.findOne('username = $1', [username]);
  }

  /** Residents sign in by NIK. */
  findResidentByNik(nik: string): Promise<Account | null> {
    return this.findOne('nik = $1 AND role = $2', [nik, Role.RESIDENT]);
  }

  /** Inserts an account; false when its username or NIK already has one. */
  async insert(account: NewAccount): Promise<boolean> {
    return (await this.insertOrConflict(account)) === null;
  }

  /**
   * Inserts an account; or, when another account already has its username, resident NIK, NIP
   * or staff NIK, says which (and inserts nothing).
   */
  async insertOrConflict(account: NewAccount): Promise<AccountConflict | null> {
    try {
      await this.db.query(
        `INSERT INTO account (id, role, username, nik, password_hash, full_name, nip, regency_code, admin_scope, staff_nik)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          account.id,
          account.role,
          account.username ?? null,
          account.nik ?? null,
          account.passwordHash,
          account.fullName ?? null,
          account.nip ?? null,
          account.regencyCode ?? null,
          account.role === Role.ADMIN ? (account.adminScope ?? AdminScope.REGENCY) : null,
          account.staffNik ?? null,
        ],
      );
      return null;
    } catch (error) {
      if (isUniqueViolation(error)) return CONFLICT_BY_CONSTRAINT[violatedConstraint(error)] ?? 'username';
      throw error;
    }
  }

  /** The first ADMIN (ADMIN_USERNAME) is deployment-wide, whatever an older database says. */
  async makeDeploymentAdmin(username: string): Promise<void> {
    await this.db.query(
      `UPDATE account SET admin_scope = $2 WHERE username = $1 AND role = $3 AND admin_scope IS DISTINCT FROM $2`,
      [username, AdminScope.DEPLOYMENT, Role.ADMIN],
    );
  }

  /** Any account by id, disabled too (staff administration). */
  async findAnyById(id: string): Promise<Account | null> {
    const rows = await this.db.query<AccountRow[]>(`SELECT ${ACCOUNT_COLUMNS} FROM account WHERE id = $1`, [id]);
    return rows.length === 0 ? null : toAccount(rows[0]);
  }

  /**
   * A new password hash; every token issued before now stops counting. `changeRequired`: the
   * password is a temporary one an administrator set, to be replaced at the next sign-in.
   */
  async setPassword(id: string, passwordHash: string, changeRequired: boolean): Promise<void> {
    await this.db.query(
      `UPDATE account SET password_hash = $2, password_change_required = $3, tokens_valid_after = clock_timestamp()
        WHERE id = $1`,
      [id, passwordHash, changeRequired],
    );
  }

  /** Disables (tokens refused from now) or enables an account; the account, or null when unknown. */
  async setDisabled(id: string, disabled: boolean): Promise<Account | null> {
    const rows = await this.db.query<AccountRow[]>(
      `WITH changed AS (UPDATE account
          SET disabled_at = CASE WHEN $2 THEN COALESCE(disabled_at, clock_timestamp()) END,
              tokens_valid_after = CASE WHEN $2 THEN clock_timestamp() ELSE tokens_valid_after END
        WHERE id = $1
        RETURNING ${ACCOUNT_COLUMNS}) SELECT * FROM changed`,
      [id, disabled],
    );
    return rows.length === 0 ? null : toAccount(rows[0]);
  }

  /** Every token of the account issued before now stops counting. */
  async invalidateTokens(id: string): Promise<void> {
    await this.db.query(`UPDATE account SET tokens_valid_after = clock_timestamp() WHERE id = $1`, [id]);
  }

  async recordLogin(id: string): Promise<void> {
    await this.db.query(`UPDATE account SET last_login_at = now() WHERE id = $1`, [id]);
  }

  /**
   * Whether the account may act (not disabled, and for a resident not recorded as deceased) and
   * since when its tokens count.
   */
  async tokenState(id: string): Promise<AccountTokenState> {
    const rows = await this.db.query<
      Array<{ disabled_at: Date | null; tokens_valid_after: Date | null; status: string | null }>
    >(
      `SELECT a.disabled_at, a.tokens_valid_after, p.status
         FROM account a LEFT JOIN person p ON p.nik = a.nik
        WHERE a.id = $1`,
      [id],
    );
    if (rows.length === 0) return { active: false, tokensValidAfter: null };
    const row = rows[0];
    return {
      active: row.disabled_at === null && (row.status === null || row.status !== 'DECEASED'),
      tokensValidAfter: row.tokens_valid_after,
    };
  }

  /** Staff accounts (CLERK, OFFICIAL, ADMIN), disabled ones too, by username; of one regency when given. */
  async listStaff(limit: number, offset: number, regencyCode?: string): Promise<{ items: Account[]; total: number }> {
    const where = `role IN ('CLERK', 'OFFICIAL', 'ADMIN')${regencyCode === undefined ? '' : ' AND regency_code = $3'}`;
    const parameters: unknown[] = regencyCode === undefined ? [limit, offset] : [limit, offset, regencyCode];
    const rows = await this.db.query<Array<AccountRow & { total: string }>>(
      `SELECT ${ACCOUNT_COLUMNS}, count(*) OVER () AS total FROM account
        WHERE ${where}
        ORDER BY username LIMIT $1 OFFSET $2`,
      parameters,
    );
    if (rows.length > 0) return { items: rows.map(toAccount), total: Number(rows[0].total) };
    const counted = await this.db.query<Array<{ total: string }>>(
      `SELECT count(*) AS total FROM account WHERE ${where.replace('$3', '$1')}`,
      regencyCode === undefined ? [] : [regencyCode],
    );
    return { items: [], total: Number(counted[0].total) };
  }

  private async findOne(condition: string, parameters: unknown[]): Promise<Account | null> {
    const rows = await this.db.query<AccountRow[]>(
      `SELECT ${ACCOUNT_COLUMNS} FROM account WHERE ${condition} AND disabled_at IS NULL LIMIT 1`,
      parameters,
    );
    return rows.length === 0 ? null : toAccount(rows[0]);
  }
}
