import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { SeniorViewColumns } from '../read-models/senior-view-columns';
import type { Point } from 'typeorm';

/** Dispatch's read model of a senior: who to deliver to and visit, and where, kept from assessment events. */
@Entity({ schema: 'dispatch', name: 'senior_view' })
export class DispatchSeniorViewRecord extends SeniorViewColumns {
  @PrimaryColumn({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'address_text', type: 'text' })
  addressText!: string;

  @Index('dispatch_senior_view_location', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  location!: Point;

  @Column({ name: 'lives_alone', type: 'boolean' })
  livesAlone!: boolean;

  /** The facility the senior was admitted to and not yet discharged from: home services pause. */
  @Column({ name: 'residential_facility_id', type: 'uuid', nullable: true })
  residentialFacilityId!: string | null;

  /** When the stay began (events for one senior may arrive out of order). */
  @Column({ name: 'residential_since', type: 'timestamptz', nullable: true })
  residentialSince!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
