import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from '#lib/domain';
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
}

const ACCOUNT_COLUMNS = 'id, role, username, nik, password_hash, full_name, nip, regency_code, created_at, disabled_at';

function isUniqueViolation(error: unknown): boolean {
  return (
    (error as { code?: string; driverError?: { code?: string } }).code === '23505' ||
    (error as { driverError?: { code?: string } }).driverError?.code === '23505'
  );
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
    try {
      await this.db.query(
        `INSERT INTO account (id, role, username, nik, password_hash, full_name, nip, regency_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          account.id,
          account.role,
          account.username ?? null,
          account.nik ?? null,
          account.passwordHash,
          account.fullName ?? null,
          account.nip ?? null,
          account.regencyCode ?? null,
        ],
      );
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  private async findOne(condition: string, parameters: unknown[]): Promise<Account | null> {
    const rows = await this.db.query<AccountRow[]>(
      `SELECT ${ACCOUNT_COLUMNS} FROM account WHERE ${condition} AND disabled_at IS NULL LIMIT 1`,
      parameters,
    );
    return rows.length === 0 ? null : toAccount(rows[0]);
  }
}
