import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SeniorErasureRequest } from '@app/persistence';

/** The only place that queries erasure requests. */
@Injectable()
export class ErasureRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(seniorId: string): Promise<SeniorErasureRequest | null> {
    return this.dataSource.manager.findOne(SeniorErasureRequest, { where: { seniorId } });
  }

  /** The senior's request, created now unless one exists (a second request joins the first). */
  async findOrCreate(row: { seniorId: string; reason: string; requestedBy: string; requestedAt: Date }): Promise<SeniorErasureRequest> {
    await this.dataSource.query(
      `INSERT INTO identity.senior_erasure_request (senior_id, reason, requested_by, requested_at) VALUES ($1, $2, $3, $4) ON CONFLICT (senior_id) DO NOTHING`,
      [row.seniorId, row.reason, row.requestedBy, row.requestedAt],
    );
    return (await this.find(row.seniorId))!;
  }

  /**
   * What the gateway itself keeps about a senior besides consents and the audit log: bookings made
   * through the families' API keep their route and status history but lose the body sent and the
   * answer stored (delivery notes, names); stored idempotent replays and webhook payloads that
   * mention the senior are removed or emptied. Returns the rows touched.
   */
  async eraseGatewayCopies(seniorId: string): Promise<{ bookings: number; replays: number; webhookPayloads: number }> {
    const count = async (sql: string): Promise<number> => ((await this.dataSource.query(`WITH touched AS (${sql}) SELECT count(*)::int AS n FROM touched`, [seniorId])) as Array<{ n: number }>)[0]!.n;
    return {
      bookings: await count(
        `UPDATE identity.booking SET request = jsonb_build_object('method', request->'method', 'path', request->'path'), result = NULL WHERE senior_id = $1 AND (request ? 'body' OR result IS NOT NULL) RETURNING 1`,
      ),
      replays: await count(`DELETE FROM identity.idempotent_request WHERE body::text LIKE '%' || $1::text || '%' OR location LIKE '%' || $1::text || '%' RETURNING 1`),
      webhookPayloads: await count(
        `UPDATE identity.family_webhook_delivery SET payload = jsonb_build_object('seniorId', $1::text, 'erased', true) WHERE payload::text LIKE '%' || $1::text || '%' AND NOT payload ? 'erased' RETURNING 1`,
      ),
    };
  }

  /** Adds confirmations and job ids (merged: two requests at once lose nothing); completes the request when all parts confirmed. */
  async record(seniorId: string, confirmations: Record<string, unknown>, jobIds: Record<string, string>, parts: readonly string[]): Promise<SeniorErasureRequest> {
    await this.dataSource.query(
      `UPDATE identity.senior_erasure_request SET confirmations = confirmations || $2::jsonb, job_ids = job_ids || $3::jsonb WHERE senior_id = $1`,
      [seniorId, JSON.stringify(confirmations), JSON.stringify(jobIds)],
    );
    await this.dataSource.query(
      `UPDATE identity.senior_erasure_request SET completed_at = now() WHERE senior_id = $1 AND completed_at IS NULL AND confirmations ?& $2::text[]`,
      [seniorId, parts],
    );
    return (await this.find(seniorId))!;
  }
}
