import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DocumentKind, DocumentStatus } from '#lib/domain';

/** One issued document. Only its status (and what explains it) ever changes after issue. */
@Entity({ name: 'issued_documents' })
export class IssuedDocumentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  kind: DocumentKind;

  @Column('text')
  number: string;

  @Column('text')
  status: DocumentStatus;

  @Column('uuid', { name: 'application_id' })
  applicationId: string;

  /** KK: the No. KK; akta: the child's NIK. With the application and kind: issued once. */
  @Column('text', { name: 'subject_key' })
  subjectKey: string;

  @Column('text', { name: 'family_card_number', nullable: true })
  familyCardNumber: string | null;

  @Column('text', { name: 'holder_name' })
  holderName: string;

  /** Residents who may fetch it: the members of the family it belongs to. */
  @Column('text', { name: 'member_niks', array: true })
  memberNiks: string[];

  @Column('text', { name: 'regency_code' })
  regencyCode: string;

  @Column('text')
  issuer: string;

  @Column('text', { name: 'official_name' })
  officialName: string;

  @Column('text', { name: 'official_nip' })
  officialNip: string;

  @Column('timestamptz', { name: 'issued_at' })
  issuedAt: Date;

  @Column('text', { name: 'verification_token' })
  verificationToken: string;

  @Column('text')
  sha256: string;

  @Column('integer')
  size: number;

  @Column('timestamptz', { name: 'status_changed_at', nullable: true })
  statusChangedAt: Date | null;

  @Column('uuid', { name: 'superseded_by', nullable: true })
  supersededBy: string | null;

  @Column('text', { name: 'revoked_reason', nullable: true })
  revokedReason: string | null;

  @Column('uuid', { name: 'revoked_by', nullable: true })
  revokedBy: string | null;
}
