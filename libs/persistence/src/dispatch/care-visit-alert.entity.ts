import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const CARE_ALERT_KINDS = ['late', 'concern', 'verification-failed'] as const;
export type CareAlertKind = (typeof CARE_ALERT_KINDS)[number];

/**
 * Something a home-care coordinator must look at: a visit late past the policy's grace periods (its
 * severity rises step by step and it clears itself when the check-in arrives), a concern or fall
 * reported at a visit, or a check that failed verification. Acknowledged and resolved by someone,
 * and by whom is kept.
 */
@Entity({ schema: 'dispatch', name: 'care_visit_alert' })
@Index('care_visit_alert_one_late', ['visitId', 'kind'], { unique: true, where: `kind IN ('late','verification-failed')` })
@Index('care_visit_alert_district_open', ['districtCode', 'raisedAt'], { where: 'resolved_at IS NULL AND cleared_at IS NULL' })
@Check('care_visit_alert_kind_known', `kind IN ('late','concern','verification-failed')`)
@Check('care_visit_alert_severity_known', `severity IN ('medium','high','critical')`)
export class CareVisitAlert {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'visit_id', type: 'text' })
  visitId!: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ name: 'caregiver_id', type: 'uuid', nullable: true })
  caregiverId!: string | null;

  @Column({ type: 'text' })
  kind!: CareAlertKind;

  @Column({ type: 'text' })
  severity!: 'medium' | 'high' | 'critical';

  /** What happened, without health details (those stay sealed on the visit). */
  @Column({ type: 'text' })
  summary!: string;

  @Column({ name: 'minutes_late', type: 'integer', nullable: true })
  minutesLate!: number | null;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  /** The check-in arrived: a late alert needs nobody any more. */
  @Column({ name: 'cleared_at', type: 'timestamptz', nullable: true })
  clearedAt!: Date | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  acknowledgedBy!: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  resolution!: string | null;
}
