import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type {
  AgencyView,
  ChangeAgencyStatusRequest,
  CreateAgencyReply,
  CreateAgencyRequest,
  Principal,
} from '#lib/contracts';
import { DomainError, Role } from '#lib/domain';
import { toAgencyView } from './agency.mapper.js';
import { AgencyRepository } from './agency.repository.js';
import { hashClientSecret, newClientId, newClientSecret } from './client-secret.js';

function requireAdmin(principal: Principal): void {
  if (principal.role !== Role.ADMIN) {
    throw new DomainError('AUTH.FORBIDDEN', 'Hanya administrator yang dapat mengelola lembaga pengguna');
  }
}

/** `POST /admin/agencies`, `/admin/agencies/{id}/suspend` and `/resume`: ADMIN only. */
@Injectable()
export class AgencyService {
  constructor(private readonly agencies: AgencyRepository) {}

  async create(request: CreateAgencyRequest): Promise<CreateAgencyReply> {
    requireAdmin(request.principal);
    const id = randomUUID();
    const clientId = newClientId();
    const clientSecret = newClientSecret();
    await this.agencies.insert({
      id,
      name: request.name.trim(),
      clientId,
      clientSecretHash: hashClientSecret(clientSecret),
      allowedFields: request.allowedFields,
      requestsPerMinute: request.requestsPerMinute,
    });
    return { id, clientId, clientSecret };
  }

  /**
   * From now on the agency gets no token and every verification with a token it already holds
   * is refused (401): verification reads the agency's row on each request, so this takes effect
   * at once on every replica, with nothing to invalidate.
   */
  suspend(request: ChangeAgencyStatusRequest): Promise<AgencyView> {
    return this.setSuspended(request, true);
  }

  resume(request: ChangeAgencyStatusRequest): Promise<AgencyView> {
    return this.setSuspended(request, false);
  }

  private async setSuspended(request: ChangeAgencyStatusRequest, suspended: boolean): Promise<AgencyView> {
    requireAdmin(request.principal);
    const row = await this.agencies.setSuspended(request.agencyId, suspended);
    if (row === undefined) throw new DomainError('AGENCY.NOT_FOUND', 'Lembaga pengguna tidak ditemukan');
    return toAgencyView(row);
  }
}
