import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A change to someone's visits (re-planned, cancelled, added, moved by hand), for the caregiver or the senior's family to read. */
@Entity({ schema: 'dispatch', name: 'care_visit_notice' })
@Index('care_visit_notice_recipient', ['recipientKind', 'recipientId', 'createdAt'])
export class CareVisitNotice {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'recipient_kind', type: 'text' })
  recipientKind!: 'caregiver' | 'senior';

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId!: string;

  @Column({ name: 'visit_id', type: 'text' })
  visitId!: string;

  @Column({ type: 'text' })
  message!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
