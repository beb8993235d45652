import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { RegisterAccountReply, RegisterAccountRequest } from '#lib/contracts';
import { DomainError, Role } from '#lib/domain';
import { AttemptThrottle } from '../auth/attempt-throttle.js';
import { RegistryRepository } from '../registry/registry.repository.js';
import { AccountRepository } from './account.repository.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordPolicy } from './password-policy.js';

/**
 * `POST /auth/register`: a resident opens their account by proving three facts of the registry.
 * Every mismatch gets the same answer, so the endpoint cannot tell which fact was wrong, nor
 * whether a NIK exists. Wrong guesses are throttled per NIK and per client address (429 with
 * Retry-After after a handful), so the three facts cannot be brute-forced.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly registry: RegistryRepository,
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: AttemptThrottle,
    private readonly passwords: PasswordPolicy,
  ) {}

  async register(request: RegisterAccountRequest): Promise<RegisterAccountReply> {
    const rules = this.throttle.rules('register', request.nik, request.clientAddress);
    await this.throttle.assertMayTry('register', rules);
    const matches = await this.registry.isActiveMember(request.nik, request.familyCardNumber, request.birthDate);
    if (!matches) {
      await this.throttle.failed('register', rules, request.nik, request.clientAddress);
      throw new DomainError(
        'AUTH.REGISTRATION_REJECTED',
        'Pendaftaran tidak dapat diproses: periksa kembali NIK, nomor KK dan tanggal lahir Anda',
      );
    }
    // Only now: the person's name is checked too, and they have just proved who they are.
    await this.passwords.assertNotPersonal('password', request.password, {
      nik: request.nik,
      familyCardNumber: request.familyCardNumber,
      birthDate: request.birthDate,
    });
    const id = randomUUID();
    const inserted = await this.accounts.insert({
      id,
      role: Role.RESIDENT,
      nik: request.nik,
      passwordHash: await this.hasher.hash(request.password),
    });
    if (!inserted) throw new DomainError('AUTH.ACCOUNT_EXISTS', 'NIK ini sudah memiliki akun; silakan masuk');
    return { id, nik: request.nik };
  }
}
