import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What happened at the door, recorded once per meal by its courier (or staff). Every outcome but
 * "delivered" opens a follow-up that stays on the office's queue until someone closes it.
 */
@Entity({ schema: 'dispatch', name: 'stop_outcome' })
@Index('stop_outcome_open_follow_ups', ['followUpClosedAt'], { where: `outcome <> 'delivered' AND follow_up_closed_at IS NULL` })
@Check('stop_outcome_known', `outcome IN ('delivered','not-home','refused','hospitalised','address-problem')`)
export class StopOutcome {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @Column({ type: 'text' })
  outcome!: 'delivered' | 'not-home' | 'refused' | 'hospitalised' | 'address-problem';

  /** When it happened at the door (the courier's clock), and when it was recorded. */
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'follow_up_closed_at', type: 'timestamptz', nullable: true })
  followUpClosedAt!: Date | null;

  @Column({ name: 'follow_up_closed_by', type: 'uuid', nullable: true })
  followUpClosedBy!: string | null;

  @Column({ name: 'follow_up_resolution', type: 'text', nullable: true })
  followUpResolution!: string | null;
}
