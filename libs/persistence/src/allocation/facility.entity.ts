import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Point } from 'typeorm';
import type { JsonDocument } from '../json-document';

/**
 * A site of the 15-minute circle: care institution, small care home, day-care centre, hub, meal
 * site or neighbourhood point. Its location is WGS-84; a GCJ-02 input is converted and marked.
 */
@Entity({ schema: 'allocation', name: 'facility' })
@Index('facility_district_type', ['districtCode', 'type'])
@Check('facility_type_known', `type IN ('care-institution','small-care-home','day-care-centre','community-hub','meal-site','neighbourhood-point')`)
@Check('facility_coordinates_source_known', `coordinates_source IN ('WGS-84','GCJ-02')`)
@Check('facility_capacities_not_negative', `day_care_places >= 0 AND meal_seats >= 0 AND (floor_area_m2 IS NULL OR floor_area_m2 >= 0)`)
export class Facility {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ name: 'street_code', type: 'text', nullable: true })
  streetCode!: string | null;

  @Index('facility_location', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  location!: Point;

  /** The system the coordinates were given in: GCJ-02 inputs are stored converted to WGS-84. */
  @Column({ name: 'coordinates_source', type: 'text' })
  coordinatesSource!: string;

  @Column({ name: 'operator_name', type: 'text' })
  operatorName!: string;

  @Column({ name: 'floor_area_m2', type: 'numeric', precision: 10, scale: 1, nullable: true })
  floorAreaM2!: string | null;

  @Column({ name: 'opening_hours', type: 'text', nullable: true })
  openingHours!: string | null;

  /** Day-care places per session (日托). */
  @Column({ name: 'day_care_places', type: 'integer', default: 0 })
  dayCarePlaces!: number;

  /** Places by weekday and session where they differ from `dayCarePlaces` (a centre closed at weekends). */
  @Column({ name: 'day_care_week', type: 'jsonb', nullable: true })
  dayCareWeek!: JsonDocument | null;

  /** Canteen seats per meal slot (堂食). */
  @Column({ name: 'meal_seats', type: 'integer', default: 0 })
  mealSeats!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
