import { Inject, Injectable } from '@nestjs/common';
import type { AgencyTokenReply, IssueAgencyTokenRequest } from '#lib/contracts';
import { DomainError, Role } from '#lib/domain';
import { APP_CONFIG } from '#lib/platform/core';
import { SigningKeys } from '../auth/signing-keys.js';
import type { IdentityConfig } from '../config/identity.config.js';
import { AgencyRepository } from './agency.repository.js';
import { clientSecretMatches, hashClientSecret } from './client-secret.js';

/** Compared against when the client id is unknown, so both failures take the same time. */
const DECOY_HASH = hashClientSecret('decoy secret that matches nothing');

/**
 * `POST /auth/token`: the OAuth 2.0 client-credentials grant. The token is an ordinary access
 * token of role AGENCY (ES256, verified by the gateway locally); the agreement itself (fields,
 * quota, suspension) is read at each verification, so it needs no claim in the token and a
 * change applies to tokens already issued.
 */
@Injectable()
export class AgencyTokenService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
    private readonly agencies: AgencyRepository,
    private readonly keys: SigningKeys,
  ) {}

  async issue(request: IssueAgencyTokenRequest): Promise<AgencyTokenReply> {
    const agency = await this.agencies.findByClientId(request.client_id);
    const valid = clientSecretMatches(request.client_secret, agency?.client_secret_hash ?? DECOY_HASH);
    if (agency === undefined || !valid) {
      throw new DomainError('AUTH.INVALID_CREDENTIALS', 'client_id atau client_secret salah');
    }
    if (agency.suspended_at !== null) {
      throw new DomainError('AGENCY.SUSPENDED', 'Akses lembaga ini sedang ditangguhkan');
    }
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const token = await this.keys.sign({ sub: agency.account_id, role: Role.AGENCY }, ttl);
    return { access_token: token, token_type: 'Bearer', expires_in: ttl };
  }
}
