import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Facility } from './facility.entity';

/** A senior's day-care place for one date and session. Cancelling keeps the row, with the reason. */
@Entity({ schema: 'allocation', name: 'daycare_booking' })
@Index('daycare_booking_once', ['seniorId', 'date', 'session'], { unique: true, where: `status = 'booked'` })
@Index('daycare_booking_facility_date', ['facilityId', 'date'])
@Check('daycare_booking_session_known', `session IN ('morning','afternoon','full-day')`)
@Check('daycare_booking_status_known', `status IN ('booked','cancelled')`)
export class DaycareBooking {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Bookings made together (a weekly pattern) share a request id. */
  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @ManyToOne(() => Facility, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'facility_id' })
  facility?: Facility;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'text' })
  session!: 'morning' | 'afternoon' | 'full-day';

  @Column({ type: 'text' })
  status!: 'booked' | 'cancelled';

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
