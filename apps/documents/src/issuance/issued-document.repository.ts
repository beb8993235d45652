import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventSubjects, type DocumentSetIssuedEvent } from '#lib/contracts';
import { DocumentStatus } from '#lib/domain';
import { enqueueEvent } from '#lib/platform/events';
import { IssuedDocumentEntity } from './issued-document.entity.js';

export interface DocumentToStore {
  document: IssuedDocumentEntity;
  pdf: Buffer;
  /** It makes the earlier valid prints of its kind for its family SUPERSEDED (a Kartu Keluarga). */
  supersedesEarlierPrints: boolean;
}

const UNIQUE_VIOLATION = '23505';

/** Every query of issued documents and their files (STYLE.md rule 7). */
@Injectable()
export class IssuedDocumentRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get documents() {
    return this.dataSource.getRepository(IssuedDocumentEntity);
  }

  findById(id: string): Promise<IssuedDocumentEntity | null> {
    return this.documents.findOneBy({ id });
  }

  findByToken(token: string): Promise<IssuedDocumentEntity | null> {
    return this.documents.findOneBy({ verificationToken: token });
  }

  findByApplication(applicationId: string): Promise<IssuedDocumentEntity[]> {
    return this.documents.find({ where: { applicationId }, order: { kind: 'ASC', number: 'ASC' } });
  }

  async readFile(id: string, offset: number, length: number): Promise<{ data: Buffer; size: number } | undefined> {
    // substring() on bytea counts from 1.
    const rows = await this.dataSource.query<Array<{ data: Buffer; size: number }>>(
      'SELECT substring(content FROM $2 FOR $3) AS data, octet_length(content) AS size FROM document_files WHERE document_id = $1',
      [id, offset + 1, length],
    );
    return rows[0];
  }

  /**
   * Stores a whole document set in one transaction with its `document-set.issued` event (the
   * outbox). A document that supersedes earlier prints makes the earlier valid prints of its
   * family SUPERSEDED; a per-family advisory lock keeps two concurrent issues for one family from
   * both staying valid. `already-stored` when another replica stored this application's set first.
   */
  async storeSet(set: DocumentToStore[], issued: DocumentSetIssuedEvent): Promise<'stored' | 'already-stored'> {
    try {
      await this.dataSource.transaction(async (manager) => {
        for (const { document, supersedesEarlierPrints } of set) {
          if (!supersedesEarlierPrints || !document.familyCardNumber) continue;
          await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
            `kk:${document.familyCardNumber}`,
          ]);
        }
        for (const { document, pdf, supersedesEarlierPrints } of set) {
          await manager.getRepository(IssuedDocumentEntity).insert(document);
          await manager.query('INSERT INTO document_files (document_id, content) VALUES ($1, $2)', [document.id, pdf]);
          if (supersedesEarlierPrints && document.familyCardNumber) {
            await manager.query(
              `UPDATE issued_documents SET status = $1, status_changed_at = $2, superseded_by = $3
                WHERE kind = $4 AND family_card_number = $5 AND status = $6 AND id <> $3`,
              [
                DocumentStatus.SUPERSEDED,
                document.issuedAt,
                document.id,
                document.kind,
                document.familyCardNumber,
                DocumentStatus.VALID,
              ],
            );
          }
        }
        await enqueueEvent(
          manager,
          EventSubjects.DOCUMENT_SET_ISSUED,
          issued,
          `document-set-issued:${issued.applicationId}`,
        );
      });
      return 'stored';
    } catch (error) {
      if (
        (error as { code?: string }).code === UNIQUE_VIOLATION &&
        (await this.findByApplication(issued.applicationId)).length > 0
      ) {
        return 'already-stored';
      }
      throw error;
    }
  }

  /** Revokes a document that is not revoked yet; resolves false when it already was. */
  async revoke(id: string, reason: string, by: string, at: Date): Promise<boolean> {
    const result = await this.documents
      .createQueryBuilder()
      .update()
      .set({ status: DocumentStatus.REVOKED, revokedReason: reason, revokedBy: by, statusChangedAt: at })
      .where('id = :id AND status <> :revoked', { id, revoked: DocumentStatus.REVOKED })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * The birth-certificate number of a child, assigned once: the next serial of the regency and
   * registration day, kept per child so that issuing again (a redelivered event) reuses it.
   */
  async birthCertificateSerial(
    childNik: string,
    regencyCode: string,
    registrationDate: string,
    format: (serial: number) => string,
  ): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`akta:${childNik}`]);
      const existing = await manager.query<Array<{ number: string }>>(
        'SELECT number FROM birth_certificate_numbers WHERE child_nik = $1',
        [childNik],
      );
      if (existing[0]) return existing[0].number;
      const [{ last_serial: serial }] = await manager.query<Array<{ last_serial: number }>>(
        `INSERT INTO birth_certificate_serials (regency_code, registration_date, last_serial) VALUES ($1, $2, 1)
         ON CONFLICT (regency_code, registration_date)
         DO UPDATE SET last_serial = birth_certificate_serials.last_serial + 1
         RETURNING last_serial`,
        [regencyCode, registrationDate],
      );
      const number = format(serial);
      await manager.query('INSERT INTO birth_certificate_numbers (child_nik, number) VALUES ($1, $2)', [
        childNik,
        number,
      ]);
      return number;
    });
  }

  /**
   * The death-certificate number of a person, assigned once: the next serial of the regency and
   * registration day, kept per deceased so that issuing again (a redelivered event) reuses it.
   */
  async deathCertificateSerial(
    deceasedNik: string,
    regencyCode: string,
    registrationDate: string,
    format: (serial: number) => string,
  ): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`akta-kematian:${deceasedNik}`]);
      const existing = await manager.query<Array<{ number: string }>>(
        'SELECT number FROM death_certificate_numbers WHERE deceased_nik = $1',
        [deceasedNik],
      );
      if (existing[0]) return existing[0].number;
      const [{ last_serial: serial }] = await manager.query<Array<{ last_serial: number }>>(
        `INSERT INTO death_certificate_serials (regency_code, registration_date, last_serial) VALUES ($1, $2, 1)
         ON CONFLICT (regency_code, registration_date)
         DO UPDATE SET last_serial = death_certificate_serials.last_serial + 1
         RETURNING last_serial`,
        [regencyCode, registrationDate],
      );
      const number = format(serial);
      await manager.query('INSERT INTO death_certificate_numbers (deceased_nik, number) VALUES ($1, $2)', [
        deceasedNik,
        number,
      ]);
      return number;
    });
  }
}
