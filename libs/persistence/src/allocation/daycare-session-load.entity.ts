import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Places taken per facility, date and session. Booking increments it only while it is below the
 * facility's places, in the same statement, so concurrent bookings can never overfill a session;
 * the CHECK is the last line of defence.
 */
@Entity({ schema: 'allocation', name: 'daycare_session_load' })
@Check('daycare_session_load_within_capacity', `booked >= 0 AND booked <= capacity`)
export class DaycareSessionLoad {
  @PrimaryColumn({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @PrimaryColumn({ type: 'date' })
  date!: string;

  @PrimaryColumn({ type: 'text' })
  session!: string;

  @Column({ type: 'integer' })
  booked!: number;

  @Column({ type: 'integer' })
  capacity!: number;
}
