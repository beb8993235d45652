import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  AccessActorType,
  type Principal,
  type VerificationItem,
  type VerificationResult,
  type VerifyBatchReply,
  type VerifyBatchRequest,
  type VerifyRequest,
} from '#lib/contracts';
import { DomainError, Role, type FieldError, type PersonStatus } from '#lib/domain';
import { currentCorrelationId, MicroBatcher } from '#lib/platform/core';
import { JsonBytesWriter, JsonText } from '#lib/platform/rpc';
import { batchRequestId, firstBatchRequestId } from '../access-log/access-log-chain.js';
import type { NewAccessLogBatch, NewAccessLogEntry } from '../access-log/access-log.writer.js';
import { AccessLogWriter } from '../access-log/access-log.writer.js';
import type { AgencyRow } from '../agencies/agency.rows.js';
import { AgencyRepository } from '../agencies/agency.repository.js';
import { AgencyQuotaRepository } from './agency-quota.repository.js';
import {
  compareFields,
  compareFieldsJson,
  requestedFieldList,
  requestedFields,
  type SubjectRecord,
} from './field-matching.js';
import { VerificationRepository } from './verification.repository.js';

const SINGLE_ENDPOINT = 'POST /verifications';
const BATCH_ENDPOINT = 'POST /verifications/batch';

/**
 * One call: a single check or a batch, waiting for its results — a batch's as the JSON text of
 * its reply (`answerBatch`), a single check's as objects.
 */
interface CheckJob {
  agencyId: string;
  /** Where this job's items start in its group's list of NIKs (set when the group is read). */
  offset: number;
  items: readonly VerificationItem[];
  batch: boolean;
  correlationId: string | undefined;
  resolve: (results: VerificationResult[] | Uint8Array) => void;
  reject: (error: unknown) => void;
}

/** NIK checks handled as one group at most (a batch of 1,000 is never split). */
const MAX_CHECKS_PER_GROUP = 8000;
/** Groups in flight per replica: one reads while the other's log entries are committed. */
const GROUPS_IN_FLIGHT = 2;

function fieldNotAllowed(fields: FieldError[]): DomainError {
  return new DomainError('AGENCY.FIELD_NOT_ALLOWED', 'Permintaan memuat data di luar hak akses lembaga ini', {
    errors: fields,
    details: { fields: [...new Set(fields.map((f) => f.field.replace(/^items\[\d+\]\./, '')))] },
  });
}

/**
 * Agency verification (API.md "Verification for agencies"): for each NIK, whether the person is
 * in the registry, their status, and whether each given field matches, and nothing else of the
 * record. Every answered check is in the subject's access log before the answer leaves.
 *
 * Calls that arrive together are handled as one group (MicroBatcher): one read of the agencies
 * (so a suspension or a changed agreement counts from the very next request, on every replica),
 * one read of all the people by primary key, one quota update per agency, one group commit of
 * the log. Under load, this is what makes the service faster than a lookup per request.
 *
 * Quotas count NIK checks, not HTTP calls: a batch of 1,000 uses 1,000 of `requestsPerMinute`
 * (the service is paid and limited per NIK checked; counting calls would let a batch buy 1,000
 * checks for the price of one). A batch is admitted whole or refused whole.
 */
@Injectable()
export class VerificationService implements OnApplicationShutdown {
  private readonly batcher = new MicroBatcher<CheckJob>({
    process: (jobs) => this.handle(jobs),
    onError: (error, jobs) => {
      for (const job of jobs) job.reject(error);
    },
    weightOf: (job) => job.items.length,
    maxWeight: MAX_CHECKS_PER_GROUP,
    maxInFlight: GROUPS_IN_FLIGHT,
  });

  constructor(
    private readonly agencies: AgencyRepository,
    private readonly registry: VerificationRepository,
    private readonly quota: AgencyQuotaRepository,
    private readonly accessLog: AccessLogWriter,
  ) {}

  /**
   * `correlationId`: the request's, when the caller has it at hand (the plain subscription);
   * otherwise the one of the request context. Requests are plain validated data: no class
   * instances are needed.
   */
  async verify(request: VerifyRequest, correlationId = currentCorrelationId()): Promise<VerificationResult> {
    const [result] = await this.check(request.principal, [request], false, correlationId);
    return result;
  }

  /** The reply as JSON (its UTF-8 bytes), written without an object per result (it is relayed, not read). */
  async verifyBatch(
    request: VerifyBatchRequest,
    correlationId = currentCorrelationId(),
  ): Promise<JsonText<VerifyBatchReply>> {
    return new JsonText(await this.check(request.principal, request.items, true, correlationId));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.batcher.idle();
  }

  /** A batch call is answered as its reply's JSON bytes (answerBatch), single checks as objects. */
  private check(
    principal: Principal,
    items: readonly VerificationItem[],
    batch: true,
    correlationId: string | undefined,
  ): Promise<Uint8Array>;
  private check(
    principal: Principal,
    items: readonly VerificationItem[],
    batch: false,
    correlationId: string | undefined,
  ): Promise<VerificationResult[]>;
  private check(
    principal: Principal,
    items: readonly VerificationItem[],
    batch: boolean,
    correlationId: string | undefined,
  ): Promise<VerificationResult[] | Uint8Array> {
    if (principal.role !== Role.AGENCY) {
      return Promise.reject(
        new DomainError('AUTH.FORBIDDEN', 'Hanya lembaga pengguna yang dapat melakukan verifikasi'),
      );
    }
    return new Promise((resolve, reject) => {
      this.batcher.submit({ agencyId: principal.accountId, offset: 0, items, batch, correlationId, resolve, reject });
    });
  }

  private async handle(jobs: CheckJob[]): Promise<void> {
    const agencyIds = [...new Set(jobs.map((job) => job.agencyId))];
    // Every check of the group, job after job, read by position: no set of distinct NIKs and no
    // map back from NIK to record (hashing 16-digit strings three times per check cost more in
    // this process than PostgreSQL saves on sorted, distinct keys; docs/benchmarks.md).
    const niks: string[] = [];
    // The family's address is read only when some check of the group compares it.
    let withAddress = false;
    for (const job of jobs) {
      job.offset = niks.length;
      for (const item of job.items) {
        niks.push(item.nik);
        if (item.address !== undefined) withAddress = true;
      }
    }
    const [agencies, subjects] = await Promise.all([
      this.agencies.findByIds(agencyIds),
      this.registry.findSubjects(niks, withAddress),
    ]);
    const agencyById = new Map(agencies.map((agency) => [agency.account_id, agency]));

    const allowed = jobs.filter((job) => this.admissible(job, agencyById.get(job.agencyId)));
    const admitted = await this.countAgainstQuota(allowed, agencyById);

    const entries: NewAccessLogEntry[] = [];
    const batches: NewAccessLogBatch[] = [];
    const answers = admitted.map((job) => {
      const agency = agencyById.get(job.agencyId) as AgencyRow;
      if (job.batch) return this.answerBatch(job, agency, subjects, batches);
      return job.items.map((item, index): VerificationResult => {
        const requestId = randomUUID();
        const subject = subjects[job.offset + index];
        if (subject === undefined) return { requestId, nik: item.nik, found: false, fields: {} };
        entries.push({
          subjectNik: item.nik,
          actorType: AccessActorType.AGENCY,
          actorId: agency.account_id,
          actorName: agency.name,
          purpose: item.purpose,
          fields: requestedFields(item),
          endpoint: SINGLE_ENDPOINT,
          correlationId: job.correlationId,
          requestId,
        });
        return {
          requestId,
          nik: item.nik,
          found: true,
          status: subject.status as PersonStatus,
          fields: compareFields(item, subject),
        };
      });
    });
    try {
      await Promise.all([this.accessLog.append(entries), ...batches.map((batch) => this.accessLog.appendBatch(batch))]);
    } catch (error) {
      for (const job of admitted) job.reject(error);
      return;
    }
    admitted.forEach((job, i) => job.resolve(answers[i]));
  }

  /**
   * A batch call's reply, as the JSON of `{ results }` (what JSON.stringify would write of the
   * VerificationResults, in the same key order) written straight into UTF-8 bytes, and its one
   * access-log row (chain version 3): a loop over the items filling arrays of plain strings — no
   * object per result or log entry, no hash per check (the row is hashed once). The k-th logged
   * check's request id is derived from the call's first one (`batchRequestId`); the writer
   * stores a purpose or field list shared by every check once. A NIK not in the registry is
   * answered `found: false` with a random request id and, as for a single check, not logged: no
   * record was read. The NIK (16 digits, validated), the request id and the registry's status
   * need no escaping.
   */
  private answerBatch(
    job: CheckJob,
    agency: AgencyRow,
    subjects: ReadonlyArray<SubjectRecord | undefined>,
    batches: NewAccessLogBatch[],
  ): Uint8Array {
    const { items } = job;
    const firstRequestId = firstBatchRequestId(randomUUID());
    const reply = new JsonBytesWriter(items.length * 256 + 64);
    reply.write('{"results":[');
    const subjectNiks: string[] = [];
    const purposes: string[] = [];
    const fields: string[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (i > 0) reply.write(',');
      const subject = subjects[job.offset + i];
      if (subject === undefined) {
        reply.write(`{"requestId":"${randomUUID()}","nik":"${item.nik}","found":false,"fields":{}}`);
        continue;
      }
      const k = subjectNiks.length;
      subjectNiks.push(item.nik);
      purposes.push(item.purpose);
      fields.push(requestedFieldList(item));
      reply.write(
        `{"requestId":"${batchRequestId(firstRequestId, k)}","nik":"${item.nik}","found":true,` +
          `"status":"${subject.status}","fields":${compareFieldsJson(item, subject)}}`,
      );
    }
    if (subjectNiks.length > 0) {
      batches.push({
        actorType: AccessActorType.AGENCY,
        actorId: agency.account_id,
        actorName: agency.name,
        endpoint: BATCH_ENDPOINT,
        correlationId: job.correlationId,
        requestId: firstRequestId,
        items: { subjectNiks, purposes, fields },
      });
    }
    reply.write(']}');
    return reply.bytes();
  }

  /** The agreement: a live agency, and only the fields it allows. Refused jobs are settled here. */
  private admissible(job: CheckJob, agency: AgencyRow | undefined): boolean {
    if (agency === undefined) {
      job.reject(new DomainError('AUTH.UNAUTHENTICATED', 'Token akses tidak sah; silakan minta token baru'));
      return false;
    }
    if (agency.suspended_at !== null) {
      job.reject(new DomainError('AGENCY.SUSPENDED', 'Akses lembaga ini sedang ditangguhkan'));
      return false;
    }
    const allowedFields = new Set(agency.allowed_fields);
    const refused: FieldError[] = [];
    const named = new Set<string>();
    job.items.forEach((item, index) => {
      for (const field of requestedFields(item)) {
        if (allowedFields.has(field) || named.has(field)) continue;
        named.add(field);
        refused.push({
          field: job.batch ? `items[${index}].${field}` : field,
          message: `Kolom ${field} tidak termasuk hak akses lembaga ini`,
        });
      }
    });
    if (refused.length > 0) {
      job.reject(fieldNotAllowed(refused));
      return false;
    }
    return true;
  }

  /**
   * Adds the group's checks to each agency's count for this minute, then admits jobs in arrival
   * order while they fit; the rest get 429 with the seconds left in the minute, and their share
   * is given back.
   */
  private async countAgainstQuota(jobs: CheckJob[], agencyById: Map<string, AgencyRow>): Promise<CheckJob[]> {
    if (jobs.length === 0) return [];
    const costs = new Map<string, number>();
    for (const job of jobs) costs.set(job.agencyId, (costs.get(job.agencyId) ?? 0) + job.items.length);
    const uses = await this.quota.add(costs);
    const admitted = new Set<CheckJob>();
    const refunds: Array<Promise<void>> = [];
    for (const use of uses) {
      const limit = (agencyById.get(use.agencyId) as AgencyRow).requests_per_minute;
      let count = use.used - (costs.get(use.agencyId) ?? 0);
      let refused = 0;
      for (const job of jobs) {
        if (job.agencyId !== use.agencyId) continue;
        if (count + job.items.length <= limit) {
          count += job.items.length;
          admitted.add(job);
        } else {
          refused += job.items.length;
          job.reject(
            new DomainError(
              'AGENCY.QUOTA_EXCEEDED',
              `Kuota verifikasi lembaga ini (${limit} NIK per menit) sudah habis; coba lagi dalam ${use.secondsLeft} detik`,
              { details: { retryAfterSeconds: use.secondsLeft, requestsPerMinute: limit } },
            ),
          );
        }
      }
      if (refused > 0) refunds.push(this.quota.refund(use.agencyId, use.windowStart, refused));
    }
    await Promise.all(refunds);
    return jobs.filter((job) => admitted.has(job));
  }
}
