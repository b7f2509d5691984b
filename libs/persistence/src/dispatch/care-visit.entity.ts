import { Check, Column, Entity, Index, type Point, PrimaryColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';

export const CARE_VISIT_STATUSES = ['planned', 'unassigned', 'in-progress', 'delivered', 'missed', 'cancelled'] as const;
export type CareVisitStatus = (typeof CARE_VISIT_STATUSES)[number];

/**
 * One home-care visit of a week's schedule: who goes, when, for how long, and the tasks; or why
 * nobody could be planned. The id is the plan's visit id (senior, date, n), so a re-run replaces it.
 * Then what really happened: check-in and check-out with how each was verified, the tasks done and
 * the caregiver's notes (sealed by the gateway: health facts); the door's location only when the
 * senior consented to it being kept.
 */
@Entity({ schema: 'dispatch', name: 'care_visit' })
@Index('care_visit_district_week', ['districtCode', 'weekStart'])
@Index('care_visit_caregiver_date', ['caregiverId', 'date'])
@Index('care_visit_senior_date', ['seniorId', 'date'])
@Index('care_visit_date_status', ['date', 'status'])
@Check('care_visit_status_known', `status IN ('planned','unassigned','in-progress','delivered','missed','cancelled')`)
@Check('care_visit_check_out_after_in', `check_out_at IS NULL OR (check_in_at IS NOT NULL AND check_out_at >= check_in_at)`)
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
  status!: CareVisitStatus;

  @Column({ name: 'unassigned_reason', type: 'text', nullable: true })
  unassignedReason!: string | null;

  /** The domain's VisitRequest (window, skills, preferences, location): what re-planning needs. */
  @Column({ type: 'jsonb' })
  request!: JsonDocument;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason!: string | null;

  @Column({ name: 'check_in_at', type: 'timestamptz', nullable: true })
  checkInAt!: Date | null;

  @Column({ name: 'check_in_verified', type: 'boolean', nullable: true })
  checkInVerified!: boolean | null;

  @Column({ name: 'check_out_at', type: 'timestamptz', nullable: true })
  checkOutAt!: Date | null;

  @Column({ name: 'check_out_verified', type: 'boolean', nullable: true })
  checkOutVerified!: boolean | null;

  /** How each check was verified: { checkIn: { method, verified, distanceMetres, problem }, checkOut: {...}, confirmedBy }. */
  @Column({ type: 'jsonb', nullable: true })
  verification!: JsonDocument | null;

  /** Kept only when the senior consented (plan.verification.keepLocation). */
  @Column({ name: 'check_in_location', type: 'geography', spatialFeatureType: 'Point', srid: 4326, nullable: true })
  checkInLocation!: Point | null;

  @Column({ name: 'check_out_location', type: 'geography', spatialFeatureType: 'Point', srid: 4326, nullable: true })
  checkOutLocation!: Point | null;

  @Column({ name: 'tasks_done', type: 'text', array: true, nullable: true })
  tasksDone!: string[] | null;

  /** The caregiver's notes, sealed (AES-256-GCM) by the gateway. */
  @Column({ name: 'notes_sealed', type: 'text', nullable: true })
  notesSealed!: string | null;

  /** Concerns raised at the visit: [{ kind, detailSealed, reassessmentRequested }]. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  concerns!: JsonDocument;
}
