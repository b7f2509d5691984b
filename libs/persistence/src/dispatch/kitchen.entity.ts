import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Point } from 'typeorm';
import type { JsonDocument } from '../json-document';

/**
 * A kitchen that cooks for the district's meal assistance: a central kitchen (中央厨房), a community
 * canteen (长者食堂) or a meal point (助餐点). It may sit at a registered facility. Capacity is meals
 * per slot; diets and textures are what it can make.
 */
@Entity({ schema: 'dispatch', name: 'kitchen' })
@Index('kitchen_district', ['districtCode'])
@Check('kitchen_kind_known', `kind IN ('central-kitchen','canteen','meal-point')`)
export class Kitchen {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: 'central-kitchen' | 'canteen' | 'meal-point';

  @Column({ name: 'facility_id', type: 'uuid', nullable: true })
  facilityId!: string | null;

  @Index('kitchen_location', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  location!: Point;

  /** Meals per slot: { "lunch": 300, "dinner": 120 }. */
  @Column({ type: 'jsonb' })
  capacity!: JsonDocument;

  @Column({ type: 'text', array: true })
  diets!: string[];

  @Column({ type: 'text', array: true })
  textures!: string[];

  /** Where the kitchen's lists are pushed after each cutoff (a signed POST); null: the kitchen reads them. */
  @Column({ name: 'webhook_url', type: 'text', nullable: true })
  webhookUrl!: string | null;

  /** The HMAC key the kitchen verifies our signature with; never returned by the API. */
  @Column({ name: 'webhook_secret', type: 'text', nullable: true })
  webhookSecret!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
