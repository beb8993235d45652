import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'person' })
export class PersonEntity {
  @PrimaryColumn({ type: 'char', length: 16 })
  nik: string;

  @Column({ name: 'full_name', type: 'varchar' })
  fullName: string;

  @Column({ type: 'varchar' })
  sex: string;

  @Column({ name: 'birth_place', type: 'varchar' })
  birthPlace: string;

  /** `YYYY-MM-DD` (pg returns `date` columns as text here: no time zone games). */
  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ type: 'varchar' })
  religion: string;

  @Column({ type: 'varchar' })
  education: string;

  @Column({ type: 'varchar' })
  occupation: string;

  @Column({ name: 'blood_type', type: 'varchar' })
  bloodType: string;

  @Column({ name: 'marital_status', type: 'varchar' })
  maritalStatus: string;

  @Column({ name: 'marriage_date', type: 'date', nullable: true })
  marriageDate: string | null;

  @Column({ type: 'varchar' })
  citizenship: string;

  @Column({ name: 'passport_number', type: 'varchar', nullable: true })
  passportNumber: string | null;

  @Column({ name: 'kitap_number', type: 'varchar', nullable: true })
  kitapNumber: string | null;

  @Column({ name: 'father_name', type: 'varchar' })
  fatherName: string;

  @Column({ name: 'mother_name', type: 'varchar' })
  motherName: string;

  @Column({ type: 'varchar' })
  status: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
