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

const ACCOUNT_COLUMNS =
  'id, role, username, nik, password_hash, full_name, nip, regency_code, admin_scope, staff_nik, created_at, disabled_at';

type PgError = { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };

function isUniqueViolation(error: unknown): boolean {
  return (error as PgError).code === '23505' || (error as PgError).driverError?.code === '23505';
}

function violatedConstraint(error: unknown): string {
  return (error as PgError).driverError?.constraint ?? (error as PgError).constraint ?? '';
}

/** Accounts that may sign in: disabled ones are never found. */
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

  private async findOne(condition: string, parameters: unknown[]): Promise<Account | null> {
    const rows = await this.db.query<AccountRow[]>(
      `SELECT ${ACCOUNT_COLUMNS} FROM account WHERE ${condition} AND disabled_at IS NULL LIMIT 1`,
      parameters,
    );
    return rows.length === 0 ? null : toAccount(rows[0]);
  }
}
