import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A person or machine that signs in to the gateway. Passwords are argon2id hashes, never stored plain. */
@Entity({ schema: 'identity', name: 'account' })
@Check('account_roles_known', `roles <@ ARRAY['admin','planner','assessor','operator','kitchen','courier','caregiver','family']::text[] AND cardinality(roles) > 0`)
export class Account {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Lower-cased sign-in name. */
  @Column({ type: 'text', unique: true })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text', array: true })
  roles!: string[];

  /** Facilities an operator account may act on. */
  @Column({ name: 'facility_ids', type: 'uuid', array: true, default: () => "'{}'" })
  facilityIds!: string[];

  /** Kitchens a kitchen account may act on. */
  @Column({ name: 'kitchen_ids', type: 'uuid', array: true, default: () => "'{}'" })
  kitchenIds!: string[];

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
