import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Residents (by NIK), staff (username, role, regency, NIP) and agencies sign in as accounts. */
@Entity({ name: 'account' })
export class AccountEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar' })
  role: string;

  @Column({ type: 'varchar', nullable: true })
  username: string | null;

  @Column({ type: 'char', length: 16, nullable: true })
  nik: string | null;

  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ name: 'full_name', type: 'varchar', nullable: true })
  fullName: string | null;

  @Column({ type: 'char', length: 18, nullable: true })
  nip: string | null;

  @Column({ name: 'regency_code', type: 'varchar', nullable: true })
  regencyCode: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}
