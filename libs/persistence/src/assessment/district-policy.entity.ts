import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';

/** A version of a district's policy: thresholds and entitlements as data, effective from a date. */
@Entity({ schema: 'assessment', name: 'district_policy' })
@Index('district_policy_version', ['districtCode', 'version'], { unique: true })
export class DistrictPolicyRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ type: 'text' })
  version!: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  /** The whole policy document, validated before it is stored. */
  @Column({ type: 'jsonb' })
  document!: JsonDocument;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
