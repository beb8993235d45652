import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A document issued for an application (the documents service owns the document itself). */
@Entity({ name: 'application_document' })
export class ApplicationDocumentEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @PrimaryColumn({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: string;

  @Column({ type: 'varchar', length: 40 })
  number: string;

  /** Order in the issued set, as the documents service listed it. */
  @Column({ type: 'int' })
  position: number;
}
