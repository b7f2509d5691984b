import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Account } from './account.entity';

/**
 * A family account's consented access to one senior, with scopes. Granted by staff who checked the
 * senior's or guardian's identity; revoking it takes effect at the next request.
 */
@Entity({ schema: 'identity', name: 'consent_link' })
@Index('consent_link_active', ['familyAccountId', 'seniorId'], { unique: true, where: 'revoked_at IS NULL' })
@Index('consent_link_senior', ['seniorId'])
@Check('consent_link_scopes_known', `scopes <@ ARRAY['view-status','view-assessment-report','book-day-care','manage-meals','manage-visits','apply-for-bed']::text[] AND cardinality(scopes) > 0`)
export class ConsentLink {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'family_account_id', type: 'uuid' })
  familyAccountId!: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_account_id' })
  familyAccount?: Account;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @Column({ type: 'text', array: true })
  scopes!: string[];

  /** Who granted it: the care adviser or assessor who confirmed identity. */
  @Column({ name: 'granted_by', type: 'uuid' })
  grantedBy!: string;

  /** How the senior or guardian consented (e.g. "signed form at Xinzhuang hub, guardian present"). */
  @Column({ type: 'text' })
  basis!: string;

  @CreateDateColumn({ name: 'granted_at', type: 'timestamptz' })
  grantedAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy!: string | null;
}
