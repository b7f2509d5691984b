import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';

/**
 * One version of a district's week of home-care visits. A whole-week run ('original' the first
 * time, 'optimised' when re-run) keeps every visit's caregiver and start; a same-day re-plan
 * ('replan') or a coordinator's edit ('manual') keeps only what it changed. Replaying from the
 * last whole-week version gives any version; what really happened ('actual') comes from the
 * check-ins.
 */
@Entity({ schema: 'dispatch', name: 'care_schedule_version' })
@Index('care_schedule_version_number', ['districtCode', 'weekStart', 'number'], { unique: true })
@Check('care_schedule_version_kind_known', `kind IN ('original','optimised','replan','manual')`)
export class CareScheduleVersion {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ name: 'week_start', type: 'date' })
  weekStart!: string;

  /** 1, 2, … within the district's week. */
  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'text' })
  kind!: 'original' | 'optimised' | 'replan' | 'manual';

  @Column({ type: 'text' })
  reason!: string;

  /** Whole-week runs: every visit as { visitId, seniorId, caregiverId, plannedStart }; re-plans and edits: the changes. */
  @Column({ type: 'jsonb' })
  visits!: JsonDocument;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
