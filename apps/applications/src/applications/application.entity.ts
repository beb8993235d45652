import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AnyApplicationDetails } from '#lib/contracts';
import type { ApplicationStatus, ApplicationType, ExpectedEvidence } from '#lib/domain';

/** One application, its current status, and what a queue sorts and filters by. */
@Entity({ name: 'application' })
export class ApplicationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 19 })
  number: string;

  @Column({ type: 'varchar', length: 30 })
  type: ApplicationType;

  @Column({ type: 'varchar', length: 20 })
  status: ApplicationStatus;

  @Column({ name: 'applicant_account_id', type: 'uuid' })
  applicantAccountId: string;

  @Column({ name: 'applicant_nik', type: 'char', length: 16 })
  applicantNik: string;

  /** As the registry named the applicant when they applied: what the staff queue shows and searches. */
  @Column({ name: 'applicant_name', type: 'varchar', length: 120, nullable: true })
  applicantName: string | null;

  @Column({ name: 'regency_code', type: 'varchar', length: 5 })
  regencyCode: string;

  @Column({ name: 'family_card_number', type: 'char', length: 16, nullable: true })
  familyCardNumber: string | null;

  /** The details of `type` (`ApplicationDetailsOf<type>`), validated by its input class when written. */
  @Column({ type: 'jsonb' })
  details: AnyApplicationDetails;

  /** What the rules expect the clerk to see, decided at the last (re)submission. */
  @Column({ name: 'expected_evidence', type: 'jsonb', default: () => "'[]'::jsonb" })
  expectedEvidence: ExpectedEvidence[];

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy: string | null;

  /** The verifier as a person (NIP, NIK from their token), for the four-eyes rule. */
  @Column({ name: 'verifier_nip', type: 'char', length: 18, nullable: true })
  verifierNip: string | null;

  @Column({ name: 'verifier_nik', type: 'char', length: 16, nullable: true })
  verifierNik: string | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  /** The last (re)submission: the queue waits from here. */
  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
