import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type Repository } from 'typeorm';
import { Role } from '#lib/domain';
import { AccountEntity } from './account.entity.js';

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

function isUniqueViolation(error: unknown): boolean {
  return (
    (error as { code?: string; driverError?: { code?: string } }).code === '23505' ||
    (error as { driverError?: { code?: string } }).driverError?.code === '23505'
  );
}

@Injectable()
export class AccountRepository {
  private readonly accounts: Repository<AccountEntity>;

  constructor(db: DataSource) {
    this.accounts = db.getRepository(AccountEntity);
  }

  findById(id: string): Promise<AccountEntity | null> {
    return this.accounts.findOneBy({ id, disabledAt: IsNull() });
  }

  /** Staff sign in by username (stored lower-case). */
  findStaffByUsername(username: string): Promise<AccountEntity | null> {
    return this.accounts.findOneBy({ username, disabledAt: IsNull() });
  }

  /** Residents sign in by NIK. */
  findResidentByNik(nik: string): Promise<AccountEntity | null> {
    return this.accounts.findOneBy({ nik, role: Role.RESIDENT, disabledAt: IsNull() });
  }

  /** Inserts an account; false when its username or NIK already has one. */
  async insert(account: NewAccount): Promise<boolean> {
    try {
      await this.accounts.insert({
        id: account.id,
        role: account.role,
        username: account.username ?? null,
        nik: account.nik ?? null,
        passwordHash: account.passwordHash,
        fullName: account.fullName ?? null,
        nip: account.nip ?? null,
        regencyCode: account.regencyCode ?? null,
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
