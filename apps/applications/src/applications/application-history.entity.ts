import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One transition: who, when, from, to and why. Rows are only ever added. */
@Entity({ name: 'application_history' })
export class ApplicationHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** `null` for the system. */
  @Column({ name: 'actor_account_id', type: 'uuid', nullable: true })
  actorAccountId: string | null;

  /** As shown: a staff username, a resident's masked NIK, or `SISTEM`. */
  @Column({ type: 'varchar', length: 100 })
  actor: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 10 })
  actorRole: string;

  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus: string;

  /** Why, as the applicant reads it (a return, a rejection, a clerk's message). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** A clerk's note for the official: staff read it, the applicant's view never carries it. */
  @Column({ name: 'internal_note', type: 'text', nullable: true })
  internalNote: string | null;
}
