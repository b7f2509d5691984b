import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';
import type { Point } from 'typeorm';

/** Dispatch's read model of a senior: who to deliver to and visit, and where, kept from assessment events. */
@Entity({ schema: 'dispatch', name: 'senior_view' })
export class DispatchSeniorViewRecord {
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

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  /** The latest final level and the instrument that gave it, from assessment.finalized. */
  @Column({ type: 'integer', nullable: true })
  level!: number | null;

  @Column({ name: 'level_instrument', type: 'text', nullable: true })
  levelInstrument!: string | null;

  @Column({ name: 'level_assessed_on', type: 'date', nullable: true })
  levelAssessedOn!: string | null;

  /** The senior's current entitlements, from entitlements.changed. */
  @Column({ type: 'jsonb', nullable: true })
  entitlements!: JsonDocument | null;

  /** When the assessment service derived them: older deliveries arriving late are ignored. */
  @Column({ name: 'entitlements_at', type: 'timestamptz', nullable: true })
  entitlementsAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
