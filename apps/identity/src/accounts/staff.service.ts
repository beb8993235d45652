import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CreateStaffReply, CreateStaffRequest } from '#lib/contracts';
import { DomainError, Role } from '#lib/domain';
import { AccountRepository } from './account.repository.js';
import { PasswordHasher } from './password-hasher.js';

/** `POST /admin/staff`: an ADMIN creates clerk, official and admin accounts. */
@Injectable()
export class StaffService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async create(request: CreateStaffRequest): Promise<CreateStaffReply> {
    if (request.principal.role !== Role.ADMIN) {
      throw new DomainError('AUTH.FORBIDDEN', 'Hanya administrator yang dapat membuat akun petugas');
    }
    const id = randomUUID();
    const inserted = await this.accounts.insert({
      id,
      role: request.role,
      username: request.username,
      passwordHash: await this.hasher.hash(request.password),
      fullName: request.fullName.trim(),
      nip: request.nip,
      regencyCode: request.regencyCode,
    });
    if (!inserted) throw new DomainError('STAFF.USERNAME_TAKEN', 'Nama pengguna ini sudah dipakai');
    return { id };
  }
}
