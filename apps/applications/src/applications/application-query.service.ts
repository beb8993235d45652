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
import { OwnFamilyService, type StaffFamily } from './own-family.js';

/** Reading applications: one by id, a resident's own, a regency's queue. */
@Injectable()
export class ApplicationQueryService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly ownFamily: OwnFamilyService,
  ) {}

  async get({ principal, applicationId }: GetApplicationRequest): Promise<ApplicationView> {
    return this.view(applicationId, principal);
  }

  /**
   * The view of an application this caller may see; 404 otherwise (never says which). A clerk's
   * or official's own family's application is marked (`ownFamily`) and offers no action.
   */
  async view(applicationId: string, principal: Principal, staffFamily?: StaffFamily): Promise<ApplicationView> {
    const aggregate = await this.applications.aggregate(applicationId);
    if (aggregate === undefined || !maySee(principal, aggregate.application)) throw applicationNotFound();
    const family = staffFamily ?? (await this.ownFamily.forDisplay(principal));
    return toApplicationView(aggregate, principal, new Date(), family);
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
    const [{ rows, total }, family] = await Promise.all([
      this.applications.list(filter),
      this.ownFamily.forDisplay(principal),
    ]);
    const now = new Date();
    const aggregates = await this.applications.aggregates(rows);
    return { items: aggregates.map((aggregate) => toApplicationView(aggregate, principal, now, family)), total };
  }
}

function forbidden(): DomainError {
  return new DomainError('AUTH.FORBIDDEN', 'Anda tidak berhak melihat daftar permohonan');
}
