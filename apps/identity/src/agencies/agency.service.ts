import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  PAGE_MAX_LIMIT,
  type AgencyUsageView,
  type AgencyView,
  type ChangeAgencyStatusRequest,
  type CreateAgencyReply,
  type CreateAgencyRequest,
  type ListAgenciesRequest,
  type Page,
} from '#lib/contracts';
import { DomainError, regionLocalDate, regionUtcOffsetHours } from '#lib/domain';
import { APP_CONFIG } from '#lib/platform/core';
import { assertDeploymentAdmin } from '../accounts/admin-scope.js';
import type { IdentityConfig } from '../config/identity.config.js';
import { toAgencyView } from './agency.mapper.js';
import { AgencyRepository } from './agency.repository.js';
import { hashClientSecret, newClientId, newClientSecret } from './client-secret.js';

const HOUR_MS = 3_600_000;

/**
 * Agencies (lembaga pengguna) are deployment-wide: one agreement serves every regency of the
 * deployment, so only a deployment-wide ADMIN manages them (docs/security.md).
 */
function requireAdmin(principal: ChangeAgencyStatusRequest['principal']): void {
  assertDeploymentAdmin(principal);
}

/** Local midnight today where `regencyCode` is (its WIB/WITA/WIT zone), as an instant. */
export function localMidnight(regencyCode: string, now: number = Date.now()): Date {
  const today = regionLocalDate(regencyCode, now);
  return new Date(Date.parse(`${today}T00:00:00Z`) - regionUtcOffsetHours(regencyCode) * HOUR_MS);
}

/**
 * `POST /admin/agencies`, `GET /admin/agencies`, `/admin/agencies/{id}/suspend` and `/resume`:
 * deployment-wide ADMIN only.
 */
@Injectable()
export class AgencyService {
  constructor(
    private readonly agencies: AgencyRepository,
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /**
   * The agencies with their use today: checks counted in the per-minute quota rows (read by
   * their primary key, agency and minute) since local midnight of the deployment's home regency
   * (ADMIN_REGENCY_CODE), so the figure agrees with what the quota enforced.
   */
  async list(request: ListAgenciesRequest): Promise<Page<AgencyUsageView>> {
    requireAdmin(request.principal);
    const limit = Math.min(request.limit ?? 20, PAGE_MAX_LIMIT);
    const { rows, total } = await this.agencies.list(limit, request.offset ?? 0);
    const since = localMidnight(this.config.ADMIN_REGENCY_CODE);
    const checks = await this.agencies.checksSince(
      rows.map((row) => row.account_id),
      since,
    );
    return {
      items: rows.map((row) => ({ ...toAgencyView(row), checksToday: checks.get(row.account_id) ?? 0 })),
      total,
    };
  }

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
