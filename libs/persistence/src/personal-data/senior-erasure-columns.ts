import { Column, PrimaryColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';

/**
 * A senior whose personal data a service has erased (PIPL art. 47), with what it erased and kept.
 * The row is written in the same transaction as the last erasure step: its presence means the
 * service is done, a retried erasure answers the stored result, and new bookings are refused.
 */
export abstract class SeniorErasureColumns {
  @PrimaryColumn({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @Column({ name: 'erased_at', type: 'timestamptz' })
  erasedAt!: Date;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  /** The ServiceErasureResult as answered. */
  @Column({ type: 'jsonb' })
  result!: JsonDocument;
}
