import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Point } from 'typeorm';

/** Dispatch's read model of a facility, kept from allocation's events: canteens, hubs and centres that serve meals. */
@Entity({ schema: 'dispatch', name: 'facility_view' })
@Index('dispatch_facility_view_district_type', ['districtCode', 'type'])
export class DispatchFacilityViewRecord {
  @PrimaryColumn({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ name: 'street_code', type: 'text', nullable: true })
  streetCode!: string | null;

  @Index('dispatch_facility_view_location', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  location!: Point;

  @Column({ name: 'opening_hours', type: 'text', nullable: true })
  openingHours!: string | null;

  @Column({ name: 'meal_seats', type: 'integer' })
  mealSeats!: number;

  @Column({ name: 'day_care_places', type: 'integer' })
  dayCarePlaces!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
