import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';

/**
 * A write sent with an Idempotency-Key: claimed while it runs, then its answer kept for a day, so a
 * retried request gets the first answer back instead of doing the work twice. The fingerprint is of
 * the method, path and body: the same key with another request is refused.
 */
@Entity({ schema: 'identity', name: 'idempotent_request' })
export class IdempotentRequest {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  /** SHA-256 of method, path and body. */
  @Column({ type: 'text' })
  fingerprint!: string;

  /** Null while the first request is still running. */
  @Column({ type: 'integer', nullable: true })
  status!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  body!: JsonDocument | null;

  @Column({ type: 'text', nullable: true })
  location!: string | null;

  /** The booking the first answer recorded (its `Booking-Id`), repeated on every replay. */
  @Column({ name: 'booking_id', type: 'uuid', nullable: true })
  bookingId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
