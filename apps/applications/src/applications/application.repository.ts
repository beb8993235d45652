import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { EventSubjects, type ApplicationApprovedEvent, type ApplicationDetailsOf } from '#lib/contracts';
import { ApplicationStatus, type ApplicationType } from '#lib/domain';
import { enqueueEvent } from '#lib/platform/events';
import { AttachmentEntity } from '../attachments/attachment.entity.js';
import { ApplicationDocumentEntity } from './application-document.entity.js';
import { ApplicationHistoryEntity } from './application-history.entity.js';
import { ApplicationEntity } from './application.entity.js';

export interface ApplicationFilter {
  /** Staff: their regency's queue. */
  regencyCode?: string;
  /** Residents: what they applied for. */
  applicantAccountId?: string;
  status?: ApplicationStatus;
  type?: ApplicationType;
  /** Queues serve the longest-waiting first; a resident's own list shows the newest first. */
  newestFirst?: boolean;
  /** The start of an application number, or a part of the applicant's name (any case). */
  search?: string;
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

export type NewHistoryEntry = Omit<ApplicationHistoryEntity, 'id' | 'internalNote'> & { internalNote?: string | null };

/**
 * The writes of one transaction: everything done through it commits together or not at all,
 * including the events it enqueues (the outbox).
 */
export interface ApplicationTransaction {
  /**
   * The next sequence of a regency's day. The upsert takes the counter row's lock until the
   * transaction ends, so concurrent submissions on any replica get distinct numbers.
   */
  nextSequence(regencyCode: string, day: string): Promise<number>;
  insert(application: ApplicationEntity): Promise<void>;
  update(application: ApplicationEntity): Promise<void>;
  /** The application, locked until the transaction ends: transitions of one application queue up. */
  lockById(id: string): Promise<ApplicationEntity | null>;
  addHistory(entry: NewHistoryEntry): Promise<void>;
  addDocuments(documents: ApplicationDocumentEntity[]): Promise<void>;
  /** The approval hand-off: published once the transaction commits (identity and documents act on it). */
  enqueueApproved(event: ApplicationApprovedEvent): Promise<void>;
}

const OPEN_STATUSES: ApplicationStatus[] = [
  ApplicationStatus.SUBMITTED,
  ApplicationStatus.VERIFIED,
  ApplicationStatus.REVISION_REQUESTED,
  ApplicationStatus.APPROVED,
];

/** Every query of applications, their history, documents and number counters. */
@Injectable()
export class ApplicationRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: ApplicationTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new TypeOrmApplicationTransaction(manager)));
  }

  findById(id: string): Promise<ApplicationEntity | null> {
    return this.dataSource.manager.findOne(ApplicationEntity, { where: { id } });
  }

  async aggregate(id: string): Promise<ApplicationAggregate | undefined> {
    const application = await this.findById(id);
    if (application === null) return undefined;
    const [aggregate] = await this.aggregates([application]);
    return aggregate;
  }

  /** History, attachments and documents of several applications in three queries. */
  async aggregates(applications: ApplicationEntity[]): Promise<ApplicationAggregate[]> {
    if (applications.length === 0) return [];
    const manager = this.dataSource.manager;
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
    if (filter.search !== undefined) {
      const literal = filter.search.replace(/[\\%_]/g, (char) => `\\${char}`);
      query.andWhere('(a.number ILIKE :prefix OR a.applicant_name ILIKE :part)', {
        prefix: `${literal}%`,
        part: `%${literal}%`,
      });
    }
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

  /** The details of a type's applications about a KK that are still open, but `excludeId`. */
  async openDetails<K extends ApplicationType>(
    type: K,
    familyCardNumber: string,
    excludeId?: string,
  ): Promise<ApplicationDetailsOf<K>[]> {
    const rows = await this.dataSource.getRepository(ApplicationEntity).find({
      where: { familyCardNumber, type, status: In(OPEN_STATUSES) },
    });
    // Rows of type K hold K's details: their input class validated them when they were written.
    return rows.filter((row) => row.id !== excludeId).map((row) => row.details as ApplicationDetailsOf<K>);
  }
}

class TypeOrmApplicationTransaction implements ApplicationTransaction {
  constructor(private readonly manager: EntityManager) {}

  async nextSequence(regencyCode: string, day: string): Promise<number> {
    const rows: Array<{ last_sequence: number }> = await this.manager.query(
      `INSERT INTO application_number_counter (regency_code, day, last_sequence) VALUES ($1, $2, 1)
       ON CONFLICT (regency_code, day)
       DO UPDATE SET last_sequence = application_number_counter.last_sequence + 1
       RETURNING last_sequence`,
      [regencyCode, day],
    );
    return rows[0].last_sequence;
  }

  async insert(application: ApplicationEntity): Promise<void> {
    // jsonb `details` is a union of plain records, which TypeORM's deep-partial type cannot express.
    await this.manager.insert(ApplicationEntity, application);
  }

  async update(application: ApplicationEntity): Promise<void> {
    const { id, ...changes } = application;
    await this.manager.update(ApplicationEntity, { id }, changes);
  }

  lockById(id: string): Promise<ApplicationEntity | null> {
    return this.manager.findOne(ApplicationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async addHistory(entry: NewHistoryEntry): Promise<void> {
    await this.manager.insert(ApplicationHistoryEntity, entry);
  }

  async addDocuments(documents: ApplicationDocumentEntity[]): Promise<void> {
    if (documents.length > 0) await this.manager.insert(ApplicationDocumentEntity, documents);
  }

  async enqueueApproved(event: ApplicationApprovedEvent): Promise<void> {
    await enqueueEvent(this.manager, EventSubjects.APPLICATION_APPROVED, event, event.applicationId);
  }
}
