import type { DocumentSetIssuedEvent } from '#lib/contracts';
import { DocumentStatus } from '#lib/domain';
import type { IssuedDocumentEntity } from '../issued-document.entity.js';
import type { DocumentToStore, IssuedDocumentRepository } from '../issued-document.repository.js';

/**
 * The documents database in memory, for the issuance service's unit tests: the set, its files,
 * superseding, the birth-certificate numbers and the outbox, each stored set all or nothing.
 */
export class InMemoryIssuedDocuments implements Pick<IssuedDocumentRepository, keyof IssuedDocumentRepository> {
  readonly documents: IssuedDocumentEntity[] = [];
  readonly files = new Map<string, Buffer>();
  readonly outbox: DocumentSetIssuedEvent[] = [];
  readonly birthNumbers = new Map<string, string>();
  readonly deathNumbers = new Map<string, string>();
  private readonly serials = new Map<string, number>();
  /** Set to store a rival replica's set first, on the next `storeSet`. */
  rivalSet?: IssuedDocumentEntity[];

  asRepository(): IssuedDocumentRepository {
    return this as unknown as IssuedDocumentRepository;
  }

  findById(id: string): Promise<IssuedDocumentEntity | null> {
    return Promise.resolve(this.documents.find((d) => d.id === id) ?? null);
  }

  findByToken(token: string): Promise<IssuedDocumentEntity | null> {
    return Promise.resolve(this.documents.find((d) => d.verificationToken === token) ?? null);
  }

  findByApplication(applicationId: string): Promise<IssuedDocumentEntity[]> {
    return Promise.resolve(this.documents.filter((d) => d.applicationId === applicationId));
  }

  readFile(id: string, offset: number, length: number): Promise<{ data: Buffer; size: number } | undefined> {
    const file = this.files.get(id);
    return Promise.resolve(file && { data: file.subarray(offset, offset + length), size: file.length });
  }

  storeSet(set: DocumentToStore[], issued: DocumentSetIssuedEvent): Promise<'stored' | 'already-stored'> {
    if (this.rivalSet) {
      this.documents.push(...this.rivalSet);
      this.rivalSet = undefined;
    }
    if (this.documents.some((d) => d.applicationId === issued.applicationId)) return Promise.resolve('already-stored');
    for (const { document, pdf, supersedesEarlierPrints } of set) {
      if (supersedesEarlierPrints) {
        for (const earlier of this.documents) {
          if (
            earlier.kind === document.kind &&
            earlier.familyCardNumber === document.familyCardNumber &&
            earlier.status === DocumentStatus.VALID
          ) {
            Object.assign(earlier, {
              status: DocumentStatus.SUPERSEDED,
              statusChangedAt: document.issuedAt,
              supersededBy: document.id,
            });
          }
        }
      }
      this.documents.push(document);
      this.files.set(document.id, pdf);
    }
    this.outbox.push(issued);
    return Promise.resolve('stored');
  }

  revoke(id: string, reason: string, by: string, at: Date): Promise<boolean> {
    const document = this.documents.find((d) => d.id === id && d.status !== DocumentStatus.REVOKED);
    if (document)
      Object.assign(document, {
        status: DocumentStatus.REVOKED,
        revokedReason: reason,
        revokedBy: by,
        statusChangedAt: at,
      });
    return Promise.resolve(document !== undefined);
  }

  birthCertificateSerial(
    childNik: string,
    regencyCode: string,
    registrationDate: string,
    format: (serial: number) => string,
  ): Promise<string> {
    const existing = this.birthNumbers.get(childNik);
    if (existing) return Promise.resolve(existing);
    const key = `${regencyCode}:${registrationDate}`;
    const serial = (this.serials.get(key) ?? 0) + 1;
    this.serials.set(key, serial);
    const number = format(serial);
    this.birthNumbers.set(childNik, number);
    return Promise.resolve(number);
  }

  deathCertificateSerial(
    deceasedNik: string,
    regencyCode: string,
    registrationDate: string,
    format: (serial: number) => string,
  ): Promise<string> {
    const existing = this.deathNumbers.get(deceasedNik);
    if (existing) return Promise.resolve(existing);
    const key = `death:${regencyCode}:${registrationDate}`;
    const serial = (this.serials.get(key) ?? 0) + 1;
    this.serials.set(key, serial);
    const number = format(serial);
    this.deathNumbers.set(deceasedNik, number);
    return Promise.resolve(number);
  }
}
