import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Senior } from './senior.entity';

/**
 * Work for assessors: a reminder before a routine due date, an expired assessment, an immediate
 * reassessment asked for by a service or a person. One task per senior, kind and key, so the
 * schedules that raise them can run any number of times.
 */
@Entity({ schema: 'assessment', name: 'reassessment_task' })
@Index('reassessment_task_once', ['seniorId', 'kind', 'dedupeKey'], { unique: true })
@Index('reassessment_task_open', ['dueOn'], { where: 'closed_at IS NULL' })
@Check('reassessment_task_kind_known', `kind IN ('reminder','expired','immediate')`)
export class ReassessmentTask {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @ManyToOne(() => Senior, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'senior_id' })
  senior?: Senior;

  @Column({ type: 'text' })
  kind!: 'reminder' | 'expired' | 'immediate';

  /** What makes the task unique within its kind: the due date and days-before for reminders, the request id for immediate ones. */
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey!: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ type: 'text' })
  reason!: string;

  /** Who or what raised it: a schedule, an account, or another service's event. */
  @Column({ name: 'raised_by', type: 'text' })
  raisedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** The assessment that answered the task. */
  @Column({ name: 'closed_by_assessment_id', type: 'uuid', nullable: true })
  closedByAssessmentId!: string | null;
}
