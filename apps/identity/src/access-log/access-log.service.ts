import { Injectable } from '@nestjs/common';
import {
  PAGE_DEFAULT_LIMIT,
  type AccessActorType,
  type AccessLogItem,
  type ListAccessLogRequest,
  type Page,
  type RecordStaffReadReply,
  type RecordStaffReadRequest,
  AccessActorType as ActorType,
  PERSON_FIELDS,
} from '#lib/contracts';
import { DomainError, Role, STAFF_ROLES } from '#lib/domain';
import { currentContext, currentCorrelationId } from '#lib/platform/core';
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

/** The services whose staff reads identity logs on their word (their signed caller assertion). */
const STAFF_READ_REPORTERS: readonly string[] = ['applications', 'documents'];
const STAFF_READ_PURPOSE = 'Pelayanan administrasi kependudukan oleh petugas Disdukcapil';
/** What the resident is told was read: the data an application or a document carries. */
const STAFF_READ_FIELDS: Record<RecordStaffReadRequest['endpoint'], readonly string[]> = {
  'GET /applications/{id}': ['application'],
  'GET /applications/{id}/attachments/{attachmentId}': ['attachment'],
  'GET /documents/{id}': ['document'],
  'GET /documents/{id}/pdf': ['document', ...PERSON_FIELDS.filter((field) => field !== 'nik')],
};

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

  /**
   * A staff read in another service (an application with its evidence, an issued document):
   * the actor is the staff member of the forwarded token (verified by IncomingCallerCheck, the
   * body's principal replaced by the token's), the sender must be applications or documents
   * (its signed caller assertion; NATS lets no one else publish the subject). Written to the
   * chain before the read is answered, so it is in the resident's log when they look.
   */
  async recordStaffRead(request: RecordStaffReadRequest): Promise<RecordStaffReadReply> {
    const { principal } = request;
    const caller = currentContext()?.callerApp;
    if (caller === undefined || !STAFF_READ_REPORTERS.includes(caller)) {
      throw new DomainError('AUTH.FORBIDDEN', 'Hanya layanan permohonan dan dokumen yang melaporkan akses petugas');
    }
    if (!(STAFF_ROLES as readonly Role[]).includes(principal.role)) {
      throw new DomainError('AUTH.FORBIDDEN', 'Hanya akses petugas yang dicatat melalui jalur ini');
    }
    const subjectNiks = [...new Set(request.subjectNiks)];
    await this.record({
      subjectNiks,
      actorType: ActorType.STAFF,
      actorId: principal.accountId,
      purpose: STAFF_READ_PURPOSE,
      fields: STAFF_READ_FIELDS[request.endpoint],
      endpoint: request.endpoint,
    });
    return { recorded: subjectNiks.length };
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
