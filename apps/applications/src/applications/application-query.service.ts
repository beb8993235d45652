import { Injectable } from '@nestjs/common';
import {
  APPLICATIONS_PAGE_DEFAULT_LIMIT,
  type ApplicationPage,
  type ApplicationView,
  type GetApplicationRequest,
  type ListApplicationsRequest,
  type Principal,
} from '#lib/contracts';
import { DomainError, Role } from '#lib/domain';
import { applicationNotFound } from './application-actor.js';
import { maySee } from './application-access.js';
import { toApplicationView } from './application.mapper.js';
import { ApplicationRepository, type ApplicationFilter } from './application.repository.js';

/** Reading applications: one by id, a resident's own, a regency's queue. */
@Injectable()
export class ApplicationQueryService {
  constructor(private readonly applications: ApplicationRepository) {}

  async get({ principal, applicationId }: GetApplicationRequest): Promise<ApplicationView> {
    return this.view(applicationId, principal);
  }

  /** The view of an application this caller may see; 404 otherwise (never says which). */
  async view(applicationId: string, principal: Principal): Promise<ApplicationView> {
    const aggregate = await this.applications.aggregate(applicationId);
    if (aggregate === undefined || !maySee(principal, aggregate.application)) throw applicationNotFound();
    return toApplicationView(aggregate, principal);
  }

  async list(request: ListApplicationsRequest): Promise<ApplicationPage> {
    const { principal } = request;
    const filter: ApplicationFilter = {
      status: request.status,
      type: request.type,
      limit: request.limit ?? APPLICATIONS_PAGE_DEFAULT_LIMIT,
      offset: request.offset ?? 0,
      search: request.q?.trim() || undefined,
    };
    switch (principal.role) {
      case Role.RESIDENT:
        filter.applicantAccountId = principal.accountId;
        filter.newestFirst = true;
        break;
      case Role.CLERK:
      case Role.OFFICIAL:
        if (principal.regencyCode === undefined) throw forbidden();
        filter.regencyCode = principal.regencyCode;
        break;
      case Role.ADMIN:
      case Role.AGENCY:
        throw forbidden();
    }
    const { rows, total } = await this.applications.list(filter);
    const now = new Date();
    const aggregates = await this.applications.aggregates(rows);
    return { items: aggregates.map((aggregate) => toApplicationView(aggregate, principal, now)), total };
  }
}

function forbidden(): DomainError {
  return new DomainError('AUTH.FORBIDDEN', 'Anda tidak berhak melihat daftar permohonan');
}
