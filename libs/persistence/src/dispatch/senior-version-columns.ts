import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The columns of a senior's effective-dated versions (meal subscriptions, visit plans): in force
 * from `validFrom` until `validUntil` (inclusive; null: open). A change closes the version in force
 * and starts a new one (closeVersionsFrom); the history is kept.
 */
export abstract class SeniorVersionColumns {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
