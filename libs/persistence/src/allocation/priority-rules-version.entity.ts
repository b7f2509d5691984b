import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';

/**
 * A version of a district's waiting-list priority rules (the domain's PriorityRules). A version
 * with an effective date is published and rules the list from that date; one without is a draft,
 * used only by what-if runs. Versions are never edited: a change is a new version.
 */
@Entity({ schema: 'allocation', name: 'priority_rules_version' })
@Index('priority_rules_version_unique', ['districtCode', 'version'], { unique: true })
export class PriorityRulesVersion {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ type: 'text' })
  version!: string;

  /** Null: a draft. */
  @Column({ name: 'effective_from', type: 'date', nullable: true })
  effectiveFrom!: string | null;

  @Column({ type: 'jsonb' })
  rules!: JsonDocument;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
