import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CreateStaffReply, CreateStaffRequest } from '#lib/contracts';
import { AdminScope, DomainError, isDeploymentAdmin, Role, type ErrorCode } from '#lib/domain';
import { type AccountConflict, AccountRepository } from './account.repository.js';
import { assertAdminMayManage } from './admin-scope.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordPolicy } from './password-policy.js';

const CONFLICTS: Readonly<Record<AccountConflict, [code: ErrorCode, message: string]>> = {
  username: ['STAFF.USERNAME_TAKEN', 'Nama pengguna ini sudah dipakai'],
  // A resident NIK is never set on a staff account: only reached if the schema changes.
  nik: ['STAFF.NIK_TAKEN', 'NIK ini sudah tercatat pada akun petugas lain'],
  nip: [
    'STAFF.NIP_TAKEN',
    'NIP ini sudah dipakai akun petugas lain: satu orang hanya boleh memiliki satu akun petugas (NIP already used by another staff account)',
  ],
  staffNik: [
    'STAFF.NIK_TAKEN',
    'NIK ini sudah tercatat pada akun petugas lain: satu orang hanya boleh memiliki satu akun petugas (NIK already used by another staff account)',
  ],
};

/**
 * `POST /admin/staff`: an ADMIN creates clerk, official and admin accounts — a regency ADMIN
 * within its own regency only, and only a deployment-wide ADMIN creates another one.
 */
@Injectable()
export class StaffService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly passwords: PasswordPolicy,
  ) {}

  async create(request: CreateStaffRequest): Promise<CreateStaffReply> {
    const { principal } = request;
    if (principal.role !== Role.ADMIN) {
      throw new DomainError('AUTH.FORBIDDEN', 'Hanya administrator yang dapat membuat akun petugas');
    }
    assertAdminMayManage(principal, request.regencyCode, 'membuat akun petugas');
    if (request.scope !== undefined && request.role !== Role.ADMIN) {
      throw new DomainError('VALIDATION.FAILED', 'Cakupan (scope) hanya berlaku untuk akun administrator', {
        errors: [{ field: 'scope', message: 'scope hanya untuk role ADMIN' }],
      });
    }
    if (request.scope === AdminScope.DEPLOYMENT && !isDeploymentAdmin(principal)) {
      throw new DomainError(
        'ADMIN.OUT_OF_SCOPE',
        'Hanya administrator tingkat deployment yang dapat membuat administrator tingkat deployment',
      );
    }
    await this.passwords.assertNotPersonal('password', request.password, {
      nik: request.nik,
      username: request.username,
      fullName: request.fullName,
      nip: request.nip,
    });
    const id = randomUUID();
    const conflict = await this.accounts.insertOrConflict({
      id,
      role: request.role,
      username: request.username,
      passwordHash: await this.hasher.hash(request.password),
      fullName: request.fullName.trim(),
      nip: request.nip,
      regencyCode: request.regencyCode,
      adminScope: request.role === Role.ADMIN ? (request.scope ?? AdminScope.REGENCY) : undefined,
      staffNik: request.nik,
    });
    if (conflict !== null) {
      const [code, message] = CONFLICTS[conflict];
      throw new DomainError(code, message);
    }
    return { id };
  }
}
