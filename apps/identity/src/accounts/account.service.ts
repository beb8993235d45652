import { Injectable } from '@nestjs/common';
import type { AccountView, GetAccountRequest } from '#lib/contracts';
import { DomainError } from '#lib/domain';
import { RegistryRepository } from '../registry/registry.repository.js';
import { toAccountView } from './account.mapper.js';
import { AccountRepository } from './account.repository.js';

/** `GET /me`. */
@Injectable()
export class AccountService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly registry: RegistryRepository,
  ) {}

  async me({ principal }: GetAccountRequest): Promise<AccountView> {
    const account = await this.accounts.findById(principal.accountId);
    if (account === null) throw new DomainError('ACCOUNT.NOT_FOUND', 'Akun tidak ditemukan');
    const regency = account.nik === null ? undefined : await this.registry.findCurrentRegency(account.nik);
    return toAccountView(account, regency);
  }
}
