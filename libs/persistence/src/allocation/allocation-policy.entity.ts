import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A district's allocation policy as versioned data: the walking-time model of the 15-minute
 * circle (how fast older adults walk, how much longer streets are than straight lines, the
 * circle's minutes), how long a bed is held for an applicant before the hold lapses, and the
 * day-care sessions' start times with the family's cancellation lead. Published through the API
 * (allocation-policy.publish); the built-in districts' first versions come with the migrations.
 */
@Entity({ schema: 'allocation', name: 'allocation_policy' })
@Index('allocation_policy_version', ['districtCode', 'version'], { unique: true })
@Check('allocation_policy_sane', `walking_speed_mps > 0 AND detour_factor >= 1 AND circle_minutes > 0 AND hold_hours > 0`)
@Check('allocation_policy_sessions', `day_care_morning_starts ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND day_care_afternoon_starts ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND day_care_morning_starts < day_care_afternoon_starts`)
export class AllocationPolicy {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ type: 'text' })
  version!: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Column({ name: 'walking_speed_mps', type: 'double precision' })
  walkingSpeedMps!: number;

  @Column({ name: 'detour_factor', type: 'double precision' })
  detourFactor!: number;

  @Column({ name: 'circle_minutes', type: 'integer' })
  circleMinutes!: number;

  /** How long a held bed waits for the applicant's admission before the hold lapses. */
  @Column({ name: 'hold_hours', type: 'integer' })
  holdHours!: number;

  /** How many hours before a day-care session starts a family can still cancel it (staff can later). */
  @Column({ name: 'day_care_cancel_lead_hours', type: 'integer', default: 12 })
  dayCareCancelLeadHours!: number;

  /** When the day-care morning session (and a full day) starts, local time HH:MM. */
  @Column({ name: 'day_care_morning_starts', type: 'text', default: '08:00' })
  dayCareMorningStarts!: string;

  /** When the day-care afternoon session starts, local time HH:MM. */
  @Column({ name: 'day_care_afternoon_starts', type: 'text', default: '13:00' })
  dayCareAfternoonStarts!: string;

  /** Who published it (null: installed with the platform). */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
