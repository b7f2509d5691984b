import { Column, CreateDateColumn, PrimaryColumn } from 'typeorm';

/**
 * An event a service has applied. Inserted in the same transaction as the event's effects, so an
 * event delivered twice (relay retry, BullMQ retry after a crash) is applied once.
 */
export abstract class InboxReceipt {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ type: 'text' })
  type!: string;

  @CreateDateColumn({ name: 'applied_at', type: 'timestamptz' })
  appliedAt!: Date;
}
