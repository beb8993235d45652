import type { ApplicationApprovedEvent, ApplicationDetailsOf } from '#lib/contracts';
import { ApplicationStatus, type ApplicationType } from '#lib/domain';
import type { ApplicationDocumentEntity } from '../application-document.entity.js';
import type { ApplicationHistoryEntity } from '../application-history.entity.js';
import type { ApplicationEntity } from '../application.entity.js';
import type {
  ApplicationAggregate,
  ApplicationFilter,
  ApplicationRepository,
  ApplicationTransaction,
  NewHistoryEntry,
} from '../application.repository.js';

interface State {
  applications: Map<string, ApplicationEntity>;
  history: ApplicationHistoryEntity[];
  documents: ApplicationDocumentEntity[];
  counters: Map<string, number>;
  /** The outbox: events committed with their transaction. */
  approved: ApplicationApprovedEvent[];
}

const OPEN: readonly ApplicationStatus[] = [
  ApplicationStatus.SUBMITTED,
  ApplicationStatus.VERIFIED,
  ApplicationStatus.REVISION_REQUESTED,
  ApplicationStatus.APPROVED,
];

/**
 * `ApplicationRepository` in memory, for the services' unit tests: a transaction works on a copy
 * of the state and replaces it only when the work succeeds, so a refused step leaves nothing
 * behind (as PostgreSQL's rollback does). Never used outside tests.
 */
export class InMemoryApplicationRepository implements Pick<ApplicationRepository, keyof ApplicationRepository> {
  state: State = {
    applications: new Map(),
    history: [],
    documents: [],
    counters: new Map(),
    approved: [],
  };

  /** Typed for the services' constructors, which name the real class. */
  asRepository(): ApplicationRepository {
    return this as unknown as ApplicationRepository;
  }

  seed(application: ApplicationEntity): void {
    this.state.applications.set(application.id, structuredClone(application));
  }

  async transaction<T>(work: (tx: ApplicationTransaction) => Promise<T>): Promise<T> {
    const draft = structuredClone(this.state);
    const result = await work(new InMemoryTransaction(draft));
    this.state = draft;
    return result;
  }

  findById(id: string): Promise<ApplicationEntity | null> {
    const found = this.state.applications.get(id);
    return Promise.resolve(found ? structuredClone(found) : null);
  }

  async aggregate(id: string): Promise<ApplicationAggregate | undefined> {
    const application = await this.findById(id);
    if (application === null) return undefined;
    return (await this.aggregates([application]))[0];
  }

  aggregates(applications: ApplicationEntity[]): Promise<ApplicationAggregate[]> {
    return Promise.resolve(
      applications.map((application) => ({
        application,
        history: this.state.history.filter((h) => h.applicationId === application.id),
        attachments: [],
        documents: this.state.documents
          .filter((d) => d.applicationId === application.id)
          .sort((a, b) => a.position - b.position),
      })),
    );
  }

  list(filter: ApplicationFilter): Promise<{ rows: ApplicationEntity[]; total: number }> {
    const rows = [...this.state.applications.values()]
      .filter(
        (a) =>
          (filter.regencyCode === undefined || a.regencyCode === filter.regencyCode) &&
          (filter.applicantAccountId === undefined || a.applicantAccountId === filter.applicantAccountId) &&
          (filter.status === undefined || a.status === filter.status) &&
          (filter.type === undefined || a.type === filter.type) &&
          (filter.search === undefined ||
            a.number.toLowerCase().startsWith(filter.search.toLowerCase()) ||
            (a.applicantName ?? '').toLowerCase().includes(filter.search.toLowerCase())),
      )
      .sort((a, b) => (a.submittedAt.getTime() - b.submittedAt.getTime()) * (filter.newestFirst ? -1 : 1));
    return Promise.resolve({ rows: rows.slice(filter.offset, filter.offset + filter.limit), total: rows.length });
  }

  openDetails<K extends ApplicationType>(
    type: K,
    familyCardNumber: string,
    excludeId?: string,
  ): Promise<ApplicationDetailsOf<K>[]> {
    return Promise.resolve(
      [...this.state.applications.values()]
        .filter(
          (a) =>
            a.type === type && a.familyCardNumber === familyCardNumber && OPEN.includes(a.status) && a.id !== excludeId,
        )
        .map((a) => a.details as ApplicationDetailsOf<K>),
    );
  }
}

class InMemoryTransaction implements ApplicationTransaction {
  constructor(private readonly state: State) {}

  nextSequence(regencyCode: string, day: string): Promise<number> {
    const key = `${regencyCode}:${day}`;
    const next = (this.state.counters.get(key) ?? 0) + 1;
    this.state.counters.set(key, next);
    return Promise.resolve(next);
  }

  insert(application: ApplicationEntity): Promise<void> {
    if (this.state.applications.has(application.id)) throw new Error(`duplicate application ${application.id}`);
    this.state.applications.set(application.id, structuredClone(application));
    return Promise.resolve();
  }

  update(application: ApplicationEntity): Promise<void> {
    this.state.applications.set(application.id, structuredClone(application));
    return Promise.resolve();
  }

  lockById(id: string): Promise<ApplicationEntity | null> {
    const found = this.state.applications.get(id);
    return Promise.resolve(found ? structuredClone(found) : null);
  }

  addHistory(entry: NewHistoryEntry): Promise<void> {
    this.state.history.push({
      id: String(this.state.history.length + 1),
      ...entry,
      internalNote: entry.internalNote ?? null,
    });
    return Promise.resolve();
  }

  addDocuments(documents: ApplicationDocumentEntity[]): Promise<void> {
    this.state.documents.push(...documents.map((d) => structuredClone(d)));
    return Promise.resolve();
  }

  enqueueApproved(event: ApplicationApprovedEvent): Promise<void> {
    // The outbox keeps one copy per application (its dedup key).
    if (!this.state.approved.some((e) => e.applicationId === event.applicationId)) this.state.approved.push(event);
    return Promise.resolve();
  }
}
