import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';

/**
 * A "no answer at the door" case: the ladder's current step with its owner and deadline, and the
 * timeline of every step with its outcome and who recorded it. Open until the senior is found.
 */
@Entity({ schema: 'dispatch', name: 'escalation_case' })
@Index('escalation_case_order', ['orderId'], { unique: true })
@Index('escalation_case_open_deadline', ['stepDeadline'], { where: `status = 'open'` })
@Index('escalation_case_district_started', ['districtCode', 'startedAt'])
@Check('escalation_case_status_known', `status IN ('open','resolved')`)
export class EscalationCase {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ name: 'kitchen_id', type: 'uuid', nullable: true })
  kitchenId!: string | null;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'text' })
  status!: 'open' | 'resolved';

  @Column({ name: 'current_step', type: 'text' })
  currentStep!: string;

  @Column({ name: 'step_owner', type: 'text' })
  stepOwner!: string;

  @Column({ name: 'step_deadline', type: 'timestamptz' })
  stepDeadline!: Date;

  /** The ladder this case follows (the district's when it started). */
  @Column({ type: 'jsonb' })
  ladder!: JsonDocument[];

  /** [{ step, owner, startedAt, deadline, endedAt, outcome, by, note }] */
  @Column({ type: 'jsonb' })
  timeline!: JsonDocument[];

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  resolution!: string | null;
}
