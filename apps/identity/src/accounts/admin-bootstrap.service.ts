import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AdminScope, Role } from '#lib/domain';
import { APP_CONFIG, APP_LOGGER, type AppLogger } from '#lib/platform/core';
import type { IdentityConfig } from '../config/identity.config.js';
import { AccountRepository } from './account.repository.js';
import { PasswordHasher } from './password-hasher.js';

/**
 * The first ADMIN comes from ADMIN_USERNAME / ADMIN_PASSWORD at first start (API.md). An
 * existing account of that name is left as it is, so a changed password is never reset by a
 * restart (but it is made deployment-wide, as API.md says the first ADMIN is); replicas starting
 * together race harmlessly on the unique username.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_USERNAME: username, ADMIN_PASSWORD: password } = this.config;
    if (username === undefined || password === undefined) {
      this.logger.warn('ADMIN_USERNAME / ADMIN_PASSWORD are not set: no first administrator is created');
      return;
    }
    if ((await this.accounts.findStaffByUsername(username)) !== null) {
      await this.accounts.makeDeploymentAdmin(username);
      return;
    }
    const created = await this.accounts.insert({
      id: randomUUID(),
      role: Role.ADMIN,
      username,
      passwordHash: await this.hasher.hash(password),
      fullName: this.config.ADMIN_FULL_NAME,
      regencyCode: this.config.ADMIN_REGENCY_CODE,
      adminScope: AdminScope.DEPLOYMENT,
    });
    if (created) this.logger.info({ username }, 'Created the first administrator account');
  }
}
