import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { SeniorViewColumns } from '../read-models/senior-view-columns';
import type { Point } from 'typeorm';
import type { JsonDocument } from '../json-document';

/** Allocation's read model of a senior, kept from assessment events: where they live and what flags they hold. */
@Entity({ schema: 'allocation', name: 'senior_view' })
export class AllocationSeniorViewRecord extends SeniorViewColumns {
  @PrimaryColumn({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @Column({ type: 'text' })
  sex!: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  @Index('allocation_senior_view_location', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  location!: Point;

  /** The street (街道/镇) of the home address, from senior.registered: the planning indicators count per street. Null: registered without one. */
  @Column({ name: 'street_code', type: 'text', nullable: true })
  streetCode!: string | null;

  @Column({ name: 'living_arrangement', type: 'text' })
  livingArrangement!: string;

  /** The groups of the grants in force when the senior's flags last changed (what circle search and entitlements saw). */
  @Column({ name: 'priority_flags', type: 'text', array: true })
  priorityFlags!: string[];

  /** The grants with their dates ({ flag, validFrom, validUntil }): the waiting list counts those in force on the day it ranks. */
  @Column({ name: 'priority_grants', type: 'jsonb', default: () => "'[]'" })
  priorityGrants!: JsonDocument[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
