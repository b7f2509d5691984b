import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';

/**
 * A senior's home-care visit plan as effective-dated versions (the care plan agreed from the
 * entitlement: days and windows, tasks, skills, gender preference, preferred and blocked caregivers).
 * A change closes the version in force and starts a new one; the history is kept.
 */
@Entity({ schema: 'dispatch', name: 'visit_plan_version' })
@Index('visit_plan_senior_from', ['seniorId', 'validFrom'], { unique: true })
export class VisitPlanVersion {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  /** The domain's VisitPlan without the senior and location (those come from the senior). */
  @Column({ type: 'jsonb' })
  plan!: JsonDocument;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
