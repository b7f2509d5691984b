import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ERASED_LOCATION_DECIMALS, ERASED_TEXT, type PersonalDataRows, type ServiceErasureResult } from '@app/contracts';
import { closeVersionsFrom, countAffected, countRows, DispatchSeniorErasure, type JsonDocument, personalDataRows, roundedPointSql } from '@app/persistence';

const ROUND = (expr: string) => `round((${expr})::numeric, ${ERASED_LOCATION_DECIMALS})`;

/** The only place that queries the dispatch schema for a senior's export and erasure. */
@Injectable()
export class PersonalDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  erasure(seniorId: string, manager: EntityManager = this.dataSource.manager): Promise<DispatchSeniorErasure | null> {
    return manager.findOne(DispatchSeniorErasure, { where: { seniorId } });
  }

  async tables(seniorId: string): Promise<Record<string, PersonalDataRows>> {
    const m = this.dataSource.manager;
    return {
      senior_view: await personalDataRows(m, 'dispatch.senior_view', seniorId, { geography: ['location'] }),
      meal_subscription_version: await personalDataRows(m, 'dispatch.meal_subscription_version', seniorId, { orderBy: 't.valid_from' }),
      meal_pause: await personalDataRows(m, 'dispatch.meal_pause', seniorId, { orderBy: 't.from_date' }),
      meal_change: await personalDataRows(m, 'dispatch.meal_change', seniorId, { orderBy: 't.date, t.slot' }),
      meal_order: await personalDataRows(m, 'dispatch.meal_order', seniorId, { orderBy: 't.date, t.slot' }),
      stop_outcome: await personalDataRows(m, 'dispatch.stop_outcome', seniorId, { orderBy: 't.at' }),
      escalation_case: await personalDataRows(m, 'dispatch.escalation_case', seniorId, { orderBy: 't.started_at' }),
      daycare_day: await personalDataRows(m, 'dispatch.daycare_day', seniorId, { orderBy: 't.date' }),
      visit_plan_version: await personalDataRows(m, 'dispatch.visit_plan_version', seniorId, { orderBy: 't.valid_from' }),
      // Notes and concerns stay sealed here: only the gateway holds the key and opens them for the export.
      care_visit: await personalDataRows(m, 'dispatch.care_visit', seniorId, { geography: ['check_in_location', 'check_out_location'], orderBy: 't.date, t.planned_start' }),
      care_visit_alert: await personalDataRows(m, 'dispatch.care_visit_alert', seniorId, { orderBy: 't.raised_at' }),
      care_visit_notice: await personalDataRows(m, 'dispatch.care_visit_notice', seniorId, { where: `t.recipient_kind = 'senior' AND t.recipient_id = $1`, orderBy: 't.id' }),
      care_door_tag: await personalDataRows(m, 'dispatch.care_door_tag', seniorId, { omit: ['code_hash'] }),
    };
  }

  /** Locks the read model's row; false when dispatch never heard of the senior. */
  async lockSenior(manager: EntityManager, seniorId: string): Promise<boolean> {
    return ((await manager.query(`SELECT 1 FROM dispatch.senior_view WHERE senior_id = $1 FOR UPDATE`, [seniorId])) as unknown[]).length > 0;
  }

  eraseSeniorView(manager: EntityManager, seniorId: string): Promise<number> {
    return countAffected(
      manager,
      `UPDATE dispatch.senior_view SET name = $2, address_text = $2, location = ${roundedPointSql('location', ERASED_LOCATION_DECIMALS)} WHERE senior_id = $1 RETURNING 1`,
      [seniorId, ERASED_TEXT],
    );
  }

  /** Meal subscription and visit plan end before `today`: nothing is ordered or planned any more. */
  async endVersions(manager: EntityManager, seniorId: string, today: string): Promise<void> {
    await closeVersionsFrom(manager, 'dispatch.meal_subscription_version', seniorId, today);
    await closeVersionsFrom(manager, 'dispatch.visit_plan_version', seniorId, today);
  }

  eraseDeliveryNotes(manager: EntityManager, seniorId: string): Promise<number> {
    return this.sum(manager, seniorId, [
      `UPDATE dispatch.meal_subscription_version SET terms = jsonb_set(terms, '{deliveryNotes}', 'null'::jsonb) WHERE senior_id = $1 AND terms->>'deliveryNotes' IS NOT NULL RETURNING 1`,
      `UPDATE dispatch.meal_order SET delivery_notes = NULL WHERE senior_id = $1 AND delivery_notes IS NOT NULL RETURNING 1`,
    ]);
  }

  eraseWrittenNotes(manager: EntityManager, seniorId: string, erasureReason: string): Promise<number> {
    return this.sum(manager, seniorId, [
      `UPDATE dispatch.visit_plan_version SET plan = plan - 'overrideReason' WHERE senior_id = $1 AND plan ? 'overrideReason' RETURNING 1`,
      `UPDATE dispatch.meal_pause SET reason = $2 WHERE senior_id = $1 RETURNING 1`,
      `UPDATE dispatch.stop_outcome SET note = NULL, follow_up_resolution = CASE WHEN follow_up_resolution IS NULL THEN NULL ELSE $2 END
         WHERE senior_id = $1 AND (note IS NOT NULL OR follow_up_resolution IS NOT NULL) RETURNING 1`,
      `UPDATE dispatch.escalation_case SET
          timeline = (SELECT COALESCE(jsonb_agg(CASE WHEN e ? 'note' THEN jsonb_set(e, '{note}', 'null'::jsonb) ELSE e END ORDER BY i), '[]'::jsonb) FROM jsonb_array_elements(timeline) WITH ORDINALITY AS x(e, i)),
          resolution = CASE WHEN resolution IS NULL THEN NULL ELSE $2 END
         WHERE senior_id = $1 RETURNING 1`,
      `UPDATE dispatch.care_visit SET notes_sealed = NULL,
          concerns = (SELECT COALESCE(jsonb_agg(jsonb_set(c, '{detailSealed}', 'null'::jsonb) ORDER BY i), '[]'::jsonb) FROM jsonb_array_elements(concerns) WITH ORDINALITY AS x(c, i)),
          cancel_reason = CASE WHEN cancel_reason IS NULL OR cancel_reason = $3 THEN cancel_reason ELSE $2 END
         WHERE senior_id = $1 AND (notes_sealed IS NOT NULL OR jsonb_array_length(concerns) > 0 OR cancel_reason IS NOT NULL) RETURNING 1`,
      `UPDATE dispatch.care_visit_alert SET resolution = $2 WHERE senior_id = $1 AND resolution IS NOT NULL RETURNING 1`,
      `UPDATE dispatch.outbox_event SET payload = jsonb_set(payload, '{reason}', to_jsonb($2::text)) WHERE payload->>'seniorId' = $1 AND payload ? 'reason' RETURNING 1`,
    ], erasureReason);
  }

  /** Where the caregiver stood at check-in and out, and the home's point in each visit's request. */
  erasePreciseLocations(manager: EntityManager, seniorId: string): Promise<number> {
    return countAffected(
      manager,
      `UPDATE dispatch.care_visit SET check_in_location = NULL, check_out_location = NULL,
          request = CASE WHEN request ? 'location' THEN jsonb_set(request, '{location}', jsonb_build_object('lat', ${ROUND(`request->'location'->>'lat'`)}, 'lng', ${ROUND(`request->'location'->>'lng'`)})) ELSE request END
         WHERE senior_id = $1 RETURNING 1`,
      [seniorId],
    );
  }

  deleteFutureChanges(manager: EntityManager, seniorId: string, today: string): Promise<number> {
    return countAffected(manager, `DELETE FROM dispatch.meal_change WHERE senior_id = $1 AND date >= $2 RETURNING 1`, [seniorId, today]);
  }

  cancelComingVisits(manager: EntityManager, seniorId: string, today: string, erasureReason: string): Promise<number> {
    return countAffected(
      manager,
      `UPDATE dispatch.care_visit SET status = 'cancelled', cancel_reason = $3 WHERE senior_id = $1 AND date >= $2 AND status IN ('planned','unassigned') RETURNING 1`,
      [seniorId, today, erasureReason],
    );
  }

  closeOpenEscalations(manager: EntityManager, seniorId: string, erasureReason: string): Promise<number> {
    return countAffected(manager, `UPDATE dispatch.escalation_case SET status = 'resolved', resolved_at = now(), resolution = $2 WHERE senior_id = $1 AND status = 'open' RETURNING 1`, [seniorId, erasureReason]);
  }

  deleteNoticesAndDoorTag(manager: EntityManager, seniorId: string): Promise<number> {
    return this.sum(manager, seniorId, [
      `DELETE FROM dispatch.care_visit_notice WHERE recipient_kind = 'senior' AND recipient_id = $1 RETURNING 1`,
      `DELETE FROM dispatch.care_door_tag WHERE senior_id = $1 RETURNING 1`,
    ]);
  }

  async keptCounts(manager: EntityManager, seniorId: string): Promise<Record<'orders' | 'outcomes' | 'visits' | 'versions' | 'cases', number>> {
    const n = (sql: string) => countRows(manager, `SELECT count(*)::int AS n FROM ${sql}`, [seniorId]);
    return {
      orders: await n(`dispatch.meal_order WHERE senior_id = $1`),
      outcomes: await n(`dispatch.stop_outcome WHERE senior_id = $1`),
      visits: await n(`dispatch.care_visit WHERE senior_id = $1 AND status <> 'cancelled'`),
      versions: (await n(`dispatch.meal_subscription_version WHERE senior_id = $1`)) + (await n(`dispatch.visit_plan_version WHERE senior_id = $1`)),
      cases: await n(`dispatch.escalation_case WHERE senior_id = $1`),
    };
  }

  async recordErasure(manager: EntityManager, row: { seniorId: string; reason: string; requestedBy: string; erasedAt: Date; result: ServiceErasureResult }): Promise<void> {
    await manager.insert(DispatchSeniorErasure, { ...row, result: row.result as unknown as JsonDocument });
  }

  private async sum(manager: EntityManager, seniorId: string, statements: string[], erasureReason = ''): Promise<number> {
    let total = 0;
    for (const sql of statements) {
      const params: unknown[] = [seniorId];
      if (sql.includes('$2')) params.push(ERASED_TEXT);
      if (sql.includes('$3')) params.push(erasureReason);
      total += await countAffected(manager, sql, params);
    }
    return total;
  }
}
