import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A day on which a senior has a day-care place (from allocation's events): lunch is at the centre. */
@Entity({ schema: 'dispatch', name: 'daycare_day' })
@Index('dispatch_daycare_day_senior_date', ['seniorId', 'date'])
export class DispatchDaycareDay {
  @PrimaryColumn({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'text' })
  session!: string;
}
