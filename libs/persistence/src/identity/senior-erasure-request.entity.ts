import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';

/**
 * A request to erase a senior's personal data (PIPL art. 47), one per senior: the gateway sends
 * `senior.erase` to every service and records each confirmation; the request is complete when all
 * three services and the gateway itself have confirmed. See docs/adr/007.
 */
@Entity({ schema: 'identity', name: 'senior_erasure_request' })
export class SeniorErasureRequest {
  @PrimaryColumn({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  /** Each service's ServiceErasureResult once it confirmed, and the gateway's own, by name. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  confirmations!: Record<string, JsonDocument>;

  /** The command job per service, so a later look finds a reply that arrived after the timeout. */
  @Column({ name: 'job_ids', type: 'jsonb', default: () => "'{}'" })
  jobIds!: Record<string, string>;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
