import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';
import { Senior } from './senior.entity';

/**
 * One assessment of a senior with one instrument. A draft holds partial answers; submitting scores
 * it on the server and makes it final: a trigger refuses any later change, and a correction is a
 * new assessment that supersedes it.
 */
@Entity({ schema: 'assessment', name: 'assessment' })
@Index('assessment_senior_submitted', ['seniorId', 'submittedAt'])
@Index('assessment_supersedes_once', ['supersedesId'], { unique: true, where: "supersedes_id IS NOT NULL AND status = 'submitted'" })
@Index('assessment_due', ['dueOn'], { where: "status = 'submitted'" })
@Check('assessment_status_known', `status IN ('draft','submitted')`)
@Check('assessment_reason_known', `reason IN ('first','routine','immediate','dispute')`)
@Check('assessment_submitted_has_result', `status = 'draft' OR (result IS NOT NULL AND submitted_at IS NOT NULL)`)
export class Assessment {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @ManyToOne(() => Senior, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'senior_id' })
  senior?: Senior;

  /** Canonical instrument id, e.g. "GB/T 42195-2022". */
  @Column({ type: 'text' })
  instrument!: string;

  @Column({ type: 'text' })
  status!: 'draft' | 'submitted';

  @Column({ type: 'text' })
  reason!: 'first' | 'routine' | 'immediate' | 'dispute';

  /** The assessment this one corrects or disputes. */
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId!: string | null;

  @ManyToOne(() => Assessment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id' })
  supersedes?: Assessment;

  @Column({ name: 'correction_reason', type: 'text', nullable: true })
  correctionReason!: string | null;

  /** The assessor's answers as given (items, coma, diagnoses, risk events, policy flags). Health facts: never logged. */
  @Column({ type: 'jsonb' })
  answers!: JsonDocument;

  /** The server's scoring of the answers (or the recorded external result), set at submission. */
  @Column({ type: 'jsonb', nullable: true })
  result!: JsonDocument | null;

  @Column({ name: 'final_level', type: 'integer', nullable: true })
  finalLevel!: number | null;

  @Column({ name: 'final_level_name', type: 'text', nullable: true })
  finalLevelName!: string | null;

  @Column({ name: 'assessor_id', type: 'uuid' })
  assessorId!: string;

  /** The local date (Asia/Shanghai) the senior was assessed. */
  @Column({ name: 'assessed_on', type: 'date' })
  assessedOn!: string;

  /** Routine reassessment due date, from the district policy in force at submission. */
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
