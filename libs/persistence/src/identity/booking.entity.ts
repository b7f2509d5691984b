import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';

export const BOOKING_STATUSES = ['requested', 'confirmed', 'rejected', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/**
 * One booking of a service for a senior, whoever made it (a family through its app, staff at the
 * counter or on the phone "for senior Y"): day care, meals, visits, a bed. Its status moves with
 * the owning service's answers: requested (queued), confirmed, rejected with the reason, cancelled.
 * Every change is in `history` and reaches the family's webhook.
 */
@Entity({ schema: 'identity', name: 'booking' })
@Index('booking_senior_created', ['seniorId', 'createdAt'])
@Index('booking_requested', ['updatedAt'], { where: `status = 'requested'` })
@Index('booking_request', ['requestId'], { where: 'request_id IS NOT NULL' })
@Check('booking_status_known', `status IN ('requested','confirmed','rejected','cancelled')`)
export class Booking {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  /** day-care, day-care-cancellation, meal-subscription, meal-pause, meal-change, visit-plan, visit-cancellation, visit-reschedule, bed-application, bed-offer-answer. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  status!: BookingStatus;

  /** Who asked: the family account, or the staff member acting for the senior. */
  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  /** True when staff booked on the senior's behalf (counter or phone). */
  @Column({ name: 'on_behalf', type: 'boolean' })
  onBehalf!: boolean;

  /** The route and body as sent (no personal identifiers are taken by booking routes). */
  @Column({ type: 'jsonb' })
  request!: JsonDocument;

  /** The owning service's answer when confirmed. */
  @Column({ type: 'jsonb', nullable: true })
  result!: JsonDocument | null;

  /** Why it was rejected (the service's error code and message). */
  @Column({ type: 'jsonb', nullable: true })
  reason!: JsonDocument | null;

  /** The queued command while the service has not answered. */
  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  /** [{ status, at, by }] */
  @Column({ type: 'jsonb' })
  history!: JsonDocument;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
