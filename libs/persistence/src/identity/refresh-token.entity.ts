import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Account } from './account.entity';

/**
 * One refresh token of a sign-in. Every token descended from one sign-in shares its family id: a
 * refresh marks the presented token used and issues the next in the same family; presenting a used
 * token again revokes the whole family (unless it comes back within seconds: a second tab). Only a
 * SHA-256 of the token is stored. The family id is the sign-in's id in its access tokens (`sid`).
 */
@Entity({ schema: 'identity', name: 'refresh_token' })
@Index('refresh_token_family', ['familyId'])
@Index('refresh_token_revoked', ['revokedAt'], { where: 'revoked_at IS NOT NULL' })
@Check('refresh_token_expires_after_issue', 'expires_at > issued_at')
export class RefreshToken {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The sign-in this token descends from. */
  @Column({ name: 'family_id', type: 'uuid' })
  familyId!: string;

  @Index('refresh_token_account')
  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Column({ name: 'token_hash', type: 'text', unique: true })
  tokenHash!: string;

  @CreateDateColumn({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** When it was exchanged for its successor; a second exchange is a reuse. */
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  /** When its family was revoked (sign-out, reuse detected, account disabled). */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
