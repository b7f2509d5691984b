import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One attempt to push a kitchen's lists to its webhook: what was sent where, and what came back. */
@Entity({ schema: 'dispatch', name: 'webhook_delivery' })
@Index('webhook_delivery_kitchen_at', ['kitchenId', 'at'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'kitchen_id', type: 'uuid' })
  kitchenId!: string;

  /** The delivery's id, the same on every attempt (the receiver deduplicates on it). */
  @Column({ name: 'delivery_id', type: 'text' })
  deliveryId!: string;

  @Column({ type: 'text' })
  event!: string;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'integer' })
  attempt!: number;

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
