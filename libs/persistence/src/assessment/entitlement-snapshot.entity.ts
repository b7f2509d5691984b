import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';
import { Senior } from './senior.entity';

/** A senior's entitlements as derived at one moment, with what triggered it and the policy used. The latest is current. */
@Entity({ schema: 'assessment', name: 'entitlement_snapshot' })
@Index('entitlement_snapshot_latest', ['seniorId', 'id'])
export class EntitlementSnapshot {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @ManyToOne(() => Senior, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'senior_id' })
  senior?: Senior;

  @Column({ type: 'jsonb' })
  entitlements!: JsonDocument;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ name: 'policy_version', type: 'text' })
  policyVersion!: string;

  /** What caused the recomputation: assessment-finalized, flags-changed, policy-version, expired. */
  @Column({ type: 'text' })
  trigger!: string;

  @CreateDateColumn({ name: 'computed_at', type: 'timestamptz' })
  computedAt!: Date;
}
