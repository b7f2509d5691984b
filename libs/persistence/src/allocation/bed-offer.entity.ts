import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A bed offered to an application from the waiting list. Its id is the id of the hold that keeps
 * the bed for the applicant; the offer is `open` until the family accepts or declines, the operator
 * admits, or the hold lapses (`expired`).
 */
@Entity({ schema: 'allocation', name: 'bed_offer' })
@Index('bed_offer_one_open_per_application', ['applicationId'], { unique: true, where: `status IN ('open','accepted')` })
@Index('bed_offer_status_expires', ['status', 'expiresAt'])
@Index('bed_offer_application', ['applicationId'])
@Check('bed_offer_status_known', `status IN ('open','accepted','admitted','declined','expired','withdrawn')`)
export class BedOffer {
  /** The hold's occupancy id. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'bed_id', type: 'uuid' })
  bedId!: string;

  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @Column({ type: 'text' })
  status!: 'open' | 'accepted' | 'admitted' | 'declined' | 'expired' | 'withdrawn';

  @Column({ name: 'rules_version', type: 'text' })
  rulesVersion!: string;

  @Column({ type: 'integer' })
  score!: number;

  @Column({ name: 'offered_at', type: 'timestamptz' })
  offeredAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;
}
