import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One home-care visit of a week's schedule: who goes, when, for how long, and the tasks; or why
 * nobody could be planned. The id is the plan's visit id (senior, date, n), so a re-run replaces it.
 */
@Entity({ schema: 'dispatch', name: 'care_visit' })
@Index('care_visit_district_week', ['districtCode', 'weekStart'])
@Index('care_visit_caregiver_date', ['caregiverId', 'date'])
@Index('care_visit_senior_date', ['seniorId', 'date'])
@Check('care_visit_status_known', `status IN ('planned','unassigned')`)
export class CareVisit {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ name: 'week_start', type: 'date' })
  weekStart!: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @Column({ type: 'date' })
  date!: string;

  @Column({ name: 'caregiver_id', type: 'uuid', nullable: true })
  caregiverId!: string | null;

  @Column({ name: 'planned_start', type: 'timestamptz', nullable: true })
  plannedStart!: Date | null;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes!: number;

  @Column({ type: 'text', array: true })
  tasks!: string[];

  @Column({ type: 'text' })
  status!: 'planned' | 'unassigned';

  @Column({ name: 'unassigned_reason', type: 'text', nullable: true })
  unassignedReason!: string | null;
}
