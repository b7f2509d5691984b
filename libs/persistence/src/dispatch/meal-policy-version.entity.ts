import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';

/**
 * A version of a district's meal policy (the domain's MealPolicy): cutoffs and delivery windows per
 * slot, prices, the pack-to-door limit for hot meals, when repeated non-deliveries ask for a
 * reassessment. Selected by date; never edited.
 */
@Entity({ schema: 'dispatch', name: 'meal_policy_version' })
@Index('meal_policy_version_unique', ['districtCode', 'version'], { unique: true })
export class MealPolicyVersion {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ type: 'text' })
  version!: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'jsonb' })
  policy!: JsonDocument;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
