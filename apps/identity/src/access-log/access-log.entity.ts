import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One read of a person's record by staff or an agency. */
@Entity({ name: 'access_log' })
export class AccessLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'subject_nik', type: 'char', length: 16 })
  subjectNik: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_type', type: 'varchar' })
  actorType: string;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @Column({ name: 'actor_name', type: 'varchar' })
  actorName: string;

  @Column({ type: 'varchar' })
  purpose: string;

  @Column({ type: 'text', array: true })
  fields: string[];

  @Column({ type: 'varchar' })
  endpoint: string;

  @Column({ name: 'correlation_id', type: 'varchar', nullable: true })
  correlationId: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64, nullable: true })
  prevHash: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  hash: string | null;
}
