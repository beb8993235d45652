import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ApplicationStatus, ApplicationType } from '#lib/domain';
import { AttachmentEntity } from '../attachments/attachment.entity.js';
import { ApplicationDocumentEntity } from './application-document.entity.js';
import { ApplicationHistoryEntity } from './application-history.entity.js';
import { ApplicationEntity } from './application.entity.js';
import type { PendingBirth } from './rules/application-rules.js';

export interface ApplicationFilter {
  /** Staff: their regency's queue. */
  regencyCode?: string;
  /** Residents: what they applied for. */
  applicantAccountId?: string;
  status?: string;
  type?: string;
  /** Queues serve the longest-waiting first; a resident's own list shows the newest first. */
  newestFirst?: boolean;
  limit: number;
  offset: number;
}

/** An application with everything its view shows. */
export interface ApplicationAggregate {
  application: ApplicationEntity;
  history: ApplicationHistoryEntity[];
  attachments: AttachmentEntity[];
  documents: ApplicationDocumentEntity[];
}

const OPEN_STATUSES: string[] = [
  ApplicationStatus.SUBMITTED,
  ApplicationStatus.VERIFIED,
  ApplicationStatus.REVISION_REQUESTED,
  ApplicationStatus.APPROVED,
];

/** Every query of applications, their history, documents and number counters. */
@Injectable()
export class ApplicationRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * The next sequence of a regency's day. The upsert takes the counter row's lock until the
   * transaction ends, so concurrent submissions on any replica get distinct numbers.
   */
  async nextSequence(manager: EntityManager, regencyCode: string, day: string): Promise<number> {
    const rows: Array<{ last_sequence: number }> = await manager.query(
      `INSERT INTO application_number_counter (regency_code, day, last_sequence) VALUES ($1, $2, 1)
       ON CONFLICT (regency_code, day)
       DO UPDATE SET last_sequence = application_number_counter.last_sequence + 1
       RETURNING last_sequence`,
      [regencyCode, day],
    );
    return rows[0].last_sequence;
  }

  async insert(manager: EntityManager, application: ApplicationEntity): Promise<void> {
    // jsonb `details` is a plain record, which TypeORM's deep-partial type cannot express.
    await manager.insert(ApplicationEntity, application as never);
  }

  async update(manager: EntityManager, application: ApplicationEntity): Promise<void> {
    const { id, ...changes } = application;
    await manager.update(ApplicationEntity, { id }, changes as never);
  }

  async addHistory(manager: EntityManager, entry: Omit<ApplicationHistoryEntity, 'id'>): Promise<void> {
    await manager.insert(ApplicationHistoryEntity, entry);
  }

  async addDocuments(manager: EntityManager, documents: ApplicationDocumentEntity[]): Promise<void> {
    if (documents.length > 0) await manager.insert(ApplicationDocumentEntity, documents);
  }

  /** The application, locked until the transaction ends: transitions of one application queue up. */
  lockById(manager: EntityManager, id: string): Promise<ApplicationEntity | null> {
    return manager.findOne(ApplicationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<ApplicationEntity | null> {
    return manager.findOne(ApplicationEntity, { where: { id } });
  }

  async aggregate(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ApplicationAggregate | undefined> {
    const application = await this.findById(id, manager);
    if (application === null) return undefined;
    const [aggregate] = await this.aggregates([application], manager);
    return aggregate;
  }

  /** History, attachments and documents of several applications in three queries. */
  async aggregates(
    applications: ApplicationEntity[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ApplicationAggregate[]> {
    if (applications.length === 0) return [];
    const ids = applications.map((a) => a.id);
    const [history, attachments, documents] = await Promise.all([
      manager.find(ApplicationHistoryEntity, { where: { applicationId: In(ids) }, order: { id: 'ASC' } }),
      manager.find(AttachmentEntity, { where: { applicationId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      manager.find(ApplicationDocumentEntity, { where: { applicationId: In(ids) }, order: { position: 'ASC' } }),
    ]);
    return applications.map((application) => ({
      application,
      history: history.filter((h) => h.applicationId === application.id),
      attachments: attachments.filter((a) => a.applicationId === application.id),
      documents: documents.filter((d) => d.applicationId === application.id),
    }));
  }

  /**
   * A page of applications, oldest submission first, and how many match. Each combination of
   * filters has an index that returns rows already in order (see the migration).
   */
  async list(filter: ApplicationFilter): Promise<{ rows: ApplicationEntity[]; total: number }> {
    const query = this.dataSource.getRepository(ApplicationEntity).createQueryBuilder('a');
    if (filter.regencyCode !== undefined) query.andWhere('a.regency_code = :regency', { regency: filter.regencyCode });
    if (filter.applicantAccountId !== undefined) {
      query.andWhere('a.applicant_account_id = :applicant', { applicant: filter.applicantAccountId });
    }
    if (filter.status !== undefined) query.andWhere('a.status = :status', { status: filter.status });
    if (filter.type !== undefined) query.andWhere('a.type = :type', { type: filter.type });
    const [rows, total] = await Promise.all([
      query
        .clone()
        .orderBy('a.submitted_at', filter.newestFirst ? 'DESC' : 'ASC')
        .addOrderBy('a.id', filter.newestFirst ? 'DESC' : 'ASC')
        .offset(filter.offset)
        .limit(filter.limit)
        .getMany(),
      query.getCount(),
    ]);
    return { rows, total };
  }

  /** Births other applications already report for this KK, still open. */
  async pendingBirths(familyCardNumber: string, excludeId?: string): Promise<PendingBirth[]> {
    const rows = await this.dataSource.getRepository(ApplicationEntity).find({
      where: { familyCardNumber, type: ApplicationType.BIRTH_REGISTRATION, status: In(OPEN_STATUSES) },
    });
    return rows
      .filter((row) => row.id !== excludeId)
      .map((row) => {
        const details = row.details as { motherNik?: string; child?: { fullName?: string; birthDate?: string } };
        return {
          motherNik: details.motherNik ?? '',
          childName: details.child?.fullName ?? '',
          birthDate: details.child?.birthDate ?? '',
        };
      });
  }
}
