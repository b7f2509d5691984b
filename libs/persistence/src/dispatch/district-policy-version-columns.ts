import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';

/**
 * The columns of a district's dispatch policy versions (meals, home-care visits): a named version
 * of a policy document that takes effect on a date. Selected by date; never edited.
 */
export abstract class DistrictPolicyVersionColumns {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ type: 'text' })
  version!: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'jsonb' })
  policy!: JsonDocument;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
