import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';

/**
 * One cutoff of a district's meal slot for a date: orders frozen, assigned to kitchens, production
 * lists and routes made. Its key makes a repeated firing (retry, a second replica) a no-op once done.
 */
@Entity({ schema: 'dispatch', name: 'meal_cutoff_run' })
@Check('meal_cutoff_run_status_known', `status IN ('running','done')`)
export class MealCutoffRun {
  @PrimaryColumn({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @PrimaryColumn({ type: 'date' })
  date!: string;

  @PrimaryColumn({ type: 'text' })
  slot!: string;

  @Column({ type: 'text' })
  status!: 'running' | 'done';

  @Column({ name: 'policy_version', type: 'text' })
  policyVersion!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** Seconds per stage, orders, couriers used, longest pack-to-door time, share of stops kept. */
  @Column({ type: 'jsonb', nullable: true })
  summary!: JsonDocument | null;
}
