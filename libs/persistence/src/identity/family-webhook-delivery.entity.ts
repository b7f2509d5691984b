import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';

/** One event for one family account's webhook: retried with backoff until the app answers 2xx or the attempts run out; every try is logged. */
@Entity({ schema: 'identity', name: 'family_webhook_delivery' })
@Index('family_webhook_delivery_due', ['nextAttemptAt'], { where: `status = 'pending'` })
@Index('family_webhook_delivery_account', ['accountId', 'createdAt'])
@Check('family_webhook_delivery_status_known', `status IN ('pending','delivered','failed')`)
export class FamilyWebhookDelivery {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  /** e.g. booking.status-changed */
  @Column({ type: 'text' })
  event!: string;

  @Column({ type: 'jsonb' })
  payload!: JsonDocument;

  @Column({ type: 'text' })
  status!: 'pending' | 'delivered' | 'failed';

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  /** [{ at, httpStatus, error }] */
  @Column({ name: 'attempt_log', type: 'jsonb', default: () => "'[]'" })
  attemptLog!: JsonDocument;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
