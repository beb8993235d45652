import { Column, Entity, OneToMany, PrimaryColumn, type Relation } from 'typeorm';
import { FamilyMembershipEntity } from './family-membership.entity.js';

@Entity({ name: 'family' })
export class FamilyEntity {
  @PrimaryColumn({ name: 'family_card_number', type: 'char', length: 16 })
  familyCardNumber: string;

  @Column({ type: 'varchar' })
  address: string;

  @Column({ type: 'char', length: 3 })
  rt: string;

  @Column({ type: 'char', length: 3 })
  rw: string;

  @Column({ name: 'village_code', type: 'varchar' })
  villageCode: string;

  /** Derived from the village, kept for the region rule ("staff of its regency"). */
  @Column({ name: 'regency_code', type: 'varchar' })
  regencyCode: string;

  @Column({ name: 'postal_code', type: 'char', length: 5 })
  postalCode: string;

  @OneToMany(() => FamilyMembershipEntity, (membership) => membership.family)
  memberships: Relation<FamilyMembershipEntity[]>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
