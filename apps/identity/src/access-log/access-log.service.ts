import { Injectable } from '@nestjs/common';
import { PAGE_DEFAULT_LIMIT, type AccessLogItem, type ListAccessLogRequest, type Page } from '#lib/contracts';
import { DomainError, Role } from '#lib/domain';
import { currentCorrelationId } from '#lib/platform';
import { AccessLogRepository, type AccessLogEntry } from './access-log.repository.js';

/** The access log of reads of people's records (UU 27/2022): written on every staff or agency read. */
@Injectable()
export class AccessLogService {
  constructor(private readonly repository: AccessLogRepository) {}

  record(entry: Omit<AccessLogEntry, 'correlationId'>): Promise<void> {
    return this.repository.append({ ...entry, correlationId: currentCorrelationId() });
  }

  /** `GET /me/access-log`: who read the resident's own record. */
  async listOwn(request: ListAccessLogRequest): Promise<Page<AccessLogItem>> {
    const { principal } = request;
    if (principal.role !== Role.RESIDENT || principal.nik === undefined) {
      throw new DomainError('AUTH.FORBIDDEN', 'Hanya penduduk yang dapat melihat riwayat akses datanya');
    }
    const { rows, total } = await this.repository.listForSubject(
      principal.nik,
      request.limit ?? PAGE_DEFAULT_LIMIT,
      request.offset ?? 0,
    );
    return {
      items: rows.map((row) => ({
        at: row.at.toISOString(),
        actor: row.actor_name,
        actorType: row.actor_type,
        purpose: row.purpose,
        fields: row.fields,
      })),
      total,
    };
  }
}
