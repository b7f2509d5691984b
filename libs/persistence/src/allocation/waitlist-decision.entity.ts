import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The waiting list's log: every application, offer, acceptance, decline, expiry, admission,
 * withdrawal, and every time an applicant was passed over for a bed, with the reason and the
 * score and rules version it was decided under. Never updated.
 */
@Entity({ schema: 'allocation', name: 'waitlist_decision' })
@Index('waitlist_decision_application', ['applicationId', 'at'])
@Check('waitlist_decision_kind_known', `kind IN ('applied','offered','accepted','declined','expired','passed-over','admitted','withdrawn','offer-withdrawn')`)
export class WaitlistDecision {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'text' })
  kind!: 'applied' | 'offered' | 'accepted' | 'declined' | 'expired' | 'passed-over' | 'admitted' | 'withdrawn' | 'offer-withdrawn';

  @Column({ name: 'bed_id', type: 'uuid', nullable: true })
  bedId!: string | null;

  @Column({ name: 'facility_id', type: 'uuid', nullable: true })
  facilityId!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'rules_version', type: 'text', nullable: true })
  rulesVersion!: string | null;

  @Column({ type: 'integer', nullable: true })
  score!: number | null;

  @Column({ type: 'integer', nullable: true })
  position!: number | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at!: Date;
}
