import { Column } from 'typeorm';
import type { JsonDocument } from '../json-document';

/**
 * The columns every service's read model of a senior keeps from assessment events: district,
 * latest level and current entitlements. Each service's entity extends this with its own columns.
 */
export abstract class SeniorViewColumns {
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
}
