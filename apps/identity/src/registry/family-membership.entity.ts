import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { FamilyEntity } from './family.entity.js';
import { PersonEntity } from './person.entity.js';

/** A person's membership of a family from `joinedAt` until `leftAt` (open while current). */
@Entity({ name: 'family_membership' })
export class FamilyMembershipEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'family_card_number', type: 'char', length: 16 })
  familyCardNumber: string;

  @ManyToOne(() => FamilyEntity, (family) => family.memberships)
  @JoinColumn({ name: 'family_card_number' })
  family: Relation<FamilyEntity>;

  @Column({ type: 'char', length: 16 })
  nik: string;

  @ManyToOne(() => PersonEntity)
  @JoinColumn({ name: 'nik' })
  person: Relation<PersonEntity>;

  @Column({ type: 'varchar' })
  relationship: string;

  @Column({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;

  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt: Date | null;
}
