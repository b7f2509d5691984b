import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A district's planning targets as versioned data (the five-year plan's figures): the version in
 * force on a date is the latest that has started. A version is never edited: a new plan, or a
 * corrected figure, is a new version.
 */
@Entity({ schema: 'allocation', name: 'planning_targets' })
@Index('planning_targets_version', ['districtCode', 'version'], { unique: true })
@Check(
  'planning_targets_sane',
  `beds_per_100_older > 0 AND beds_per_100_older <= 100 AND nursing_bed_share_pct > 0 AND nursing_bed_share_pct <= 100 AND meal_capacity_pct_of_65_plus > 0 AND meal_capacity_pct_of_65_plus <= 100 AND community_floor_m2_per_1000 > 0 AND (dementia_care_beds IS NULL OR dementia_care_beds >= 0)`,
)
export class PlanningTargetsVersion {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ type: 'text' })
  version!: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  /** Institution beds per 100 registered people aged 60+ (4 = 4%). */
  @Column({ name: 'beds_per_100_older', type: 'double precision' })
  bedsPer100Older!: number;

  /** Nursing-type (护理型) beds as a percent of institution beds. */
  @Column({ name: 'nursing_bed_share_pct', type: 'double precision' })
  nursingBedSharePct!: number;

  /** District total of dementia-care beds; null when the plan sets none. */
  @Column({ name: 'dementia_care_beds', type: 'integer', nullable: true })
  dementiaCareBeds!: number | null;

  /** Meal-assistance seats as a percent of registered people aged 65+. */
  @Column({ name: 'meal_capacity_pct_of_65_plus', type: 'double precision' })
  mealCapacityPctOf65Plus!: number;

  /** Community care floor area, m² per 1,000 registered residents. */
  @Column({ name: 'community_floor_m2_per_1000', type: 'double precision' })
  communityFloorM2Per1000!: number;

  /** The account that published it; null for the defaults a migration stored. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
