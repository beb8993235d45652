import { Injectable } from '@nestjs/common';
import {
  PAGE_DEFAULT_LIMIT,
  type AccessActorType,
  type AccessLogItem,
  type ListAccessLogRequest,
  type Page,
} from '#lib/contracts';
import { DomainError, Role } from '#lib/domain';
import { currentCorrelationId } from '#lib/platform/core';
import { AccessLogRepository } from './access-log.repository.js';
import { AccessLogWriter } from './access-log.writer.js';

/** A read of several people's records by one actor, for one purpose. */
export interface AccessLogRecord {
  subjectNiks: readonly string[];
  actorType: AccessActorType;
  actorId: string;
  purpose: string;
  fields: readonly string[];
  endpoint: string;
}

/** The access log of reads of people's records (UU 27/2022): written on every staff or agency read. */
@Injectable()
export class AccessLogService {
  constructor(
    private readonly repository: AccessLogRepository,
    private readonly writer: AccessLogWriter,
  ) {}

  /** One chained entry per person read; resolves when they are durably written. */
  record(entry: AccessLogRecord): Promise<void> {
    const correlationId = currentCorrelationId();
    return this.writer.append(
      entry.subjectNiks.map((subjectNik) => ({
        subjectNik,
        actorType: entry.actorType,
        actorId: entry.actorId,
        purpose: entry.purpose,
        fields: entry.fields,
        endpoint: entry.endpoint,
        correlationId,
      })),
    );
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
