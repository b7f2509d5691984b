import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';

/**
 * A senior's meal subscription as effective-dated facts: the terms (slots by weekday, delivery or
 * canteen, diet, texture, allergens, ingredients to avoid, notes) from `validFrom` until
 * `validUntil` (inclusive; null: open). A change closes the version in force and starts a new one.
 */
@Entity({ schema: 'dispatch', name: 'meal_subscription_version' })
@Index('meal_subscription_senior_from', ['seniorId', 'validFrom'], { unique: true })
export class MealSubscriptionVersion {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  /** The domain's MealSubscriptionTerms. */
  @Column({ type: 'jsonb' })
  terms!: JsonDocument;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
