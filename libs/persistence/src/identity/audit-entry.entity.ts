import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who read or changed a senior's data, when, through which route, and whether it was allowed. */
@Entity({ schema: 'identity', name: 'audit_entry' })
@Index('audit_entry_senior_at', ['seniorId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_account_id', type: 'uuid', nullable: true })
  actorAccountId!: string | null;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  /** e.g. "senior.read", "senior.register". */
  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'senior_id', type: 'uuid', nullable: true })
  seniorId!: string | null;

  @Column({ type: 'text' })
  route!: string;

  /** HTTP status of the answer: denials are audited too. */
  @Column({ type: 'integer' })
  status!: number;

  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;
}
