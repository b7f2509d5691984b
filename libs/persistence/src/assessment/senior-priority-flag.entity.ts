import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Senior } from './senior.entity';

/** Membership of a priority group (特困, 低保, 独居…): a fact with evidence and a validity period. */
@Entity({ schema: 'assessment', name: 'senior_priority_flag' })
@Index('senior_priority_flag_senior', ['seniorId'])
@Check('senior_priority_flag_validity', `valid_until IS NULL OR valid_until >= valid_from`)
export class SeniorPriorityFlag {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @ManyToOne(() => Senior, (senior) => senior.priorityFlags, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'senior_id' })
  senior?: Senior;

  @Column({ type: 'text' })
  flag!: string;

  @Column({ type: 'text' })
  evidence!: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  /** Why the grant was ended early (evidence lapsed, granted in error), when it was. */
  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason!: string | null;
}
