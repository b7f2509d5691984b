import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A district's walking-time model for the 15-minute circle, as versioned data: how fast older
 * adults walk, how much longer streets are than straight lines, and the circle's minutes.
 */
@Entity({ schema: 'allocation', name: 'walking_policy' })
@Index('walking_policy_version', ['districtCode', 'version'], { unique: true })
@Check('walking_policy_sane', `walking_speed_mps > 0 AND detour_factor >= 1 AND circle_minutes > 0`)
export class WalkingPolicy {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ type: 'text' })
  version!: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Column({ name: 'walking_speed_mps', type: 'double precision' })
  walkingSpeedMps!: number;

  @Column({ name: 'detour_factor', type: 'double precision' })
  detourFactor!: number;

  @Column({ name: 'circle_minutes', type: 'integer' })
  circleMinutes!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
