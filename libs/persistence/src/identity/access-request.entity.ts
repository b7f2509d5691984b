import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A family account asking for access to a senior, named by ID number (only its keyed hash and last
 * four digits are kept). Staff who confirm the senior's or guardian's consent and identity approve
 * it, which grants the consent, or reject it with the reason; the family follows its status.
 */
@Entity({ schema: 'identity', name: 'access_request' })
@Index('access_request_pending', ['createdAt'], { where: `status = 'pending'` })
@Index('access_request_family', ['familyAccountId', 'createdAt'])
@Check('access_request_status_known', `status IN ('pending','approved','rejected')`)
export class AccessRequest {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'family_account_id', type: 'uuid' })
  familyAccountId!: string;

  /** The registered senior with that ID number; null when none is (staff see it, the family is not told). */
  @Column({ name: 'senior_id', type: 'uuid', nullable: true })
  seniorId!: string | null;

  @Column({ name: 'id_number_hash', type: 'text' })
  idNumberHash!: string;

  @Column({ name: 'id_number_last4', type: 'text' })
  idNumberLast4!: string;

  /** child, spouse, grandchild, sibling, guardian, other */
  @Column({ type: 'text' })
  relationship!: string;

  @Column({ type: 'text', array: true })
  scopes!: string[];

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'text' })
  status!: 'pending' | 'approved' | 'rejected';

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote!: string | null;

  @Column({ name: 'consent_id', type: 'uuid', nullable: true })
  consentId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
