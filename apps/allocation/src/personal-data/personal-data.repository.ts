import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ERASED_LOCATION_DECIMALS, ERASED_TEXT, type PersonalDataRows, type ServiceErasureResult } from '@app/contracts';
import { AllocationSeniorErasure, countAffected, countRows, type JsonDocument, personalDataRows, roundedPointSql } from '@app/persistence';

const TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;
const APPLICATIONS_OF_SENIOR = `t.application_id IN (SELECT id FROM allocation.bed_application WHERE senior_id = $1)`;

/** The only place that queries the allocation schema for a senior's export and erasure. */
@Injectable()
export class PersonalDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  erasure(seniorId: string, manager: EntityManager = this.dataSource.manager): Promise<AllocationSeniorErasure | null> {
    return manager.findOne(AllocationSeniorErasure, { where: { seniorId } });
  }

  async tables(seniorId: string): Promise<Record<string, PersonalDataRows>> {
    const m = this.dataSource.manager;
    return {
      senior_view: await personalDataRows(m, 'allocation.senior_view', seniorId, { geography: ['location'] }),
      bed_application: await personalDataRows(m, 'allocation.bed_application', seniorId, { orderBy: 't.applied_at' }),
      bed_offer: await personalDataRows(m, 'allocation.bed_offer', seniorId, { where: APPLICATIONS_OF_SENIOR, orderBy: 't.offered_at' }),
      waitlist_decision: await personalDataRows(m, 'allocation.waitlist_decision', seniorId, { where: APPLICATIONS_OF_SENIOR, orderBy: 't.id' }),
      bed_occupancy: await personalDataRows(m, 'allocation.bed_occupancy', seniorId, { orderBy: 't.created_at' }),
      daycare_booking: await personalDataRows(m, 'allocation.daycare_booking', seniorId, { orderBy: 't.date, t.session' }),
    };
  }

  async openApplicationIds(seniorId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(`SELECT id FROM allocation.bed_application WHERE senior_id = $1 AND status IN ('waiting','offered')`, [seniorId])) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  async holdsInForce(seniorId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM allocation.bed_occupancy WHERE senior_id = $1 AND kind = 'hold' AND (upper_inf(during) OR upper(during) > now())`,
      [seniorId],
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  async bookingsAfterToday(seniorId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(`SELECT id FROM allocation.daycare_booking WHERE senior_id = $1 AND status = 'booked' AND date > ${TODAY}`, [seniorId])) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** Locks the read model's row; false when allocation never heard of the senior. */
  async lockSenior(manager: EntityManager, seniorId: string): Promise<boolean> {
    return ((await manager.query(`SELECT 1 FROM allocation.senior_view WHERE senior_id = $1 FOR UPDATE`, [seniorId])) as unknown[]).length > 0;
  }

  roundLocation(manager: EntityManager, seniorId: string): Promise<number> {
    return countAffected(manager, `UPDATE allocation.senior_view SET location = ${roundedPointSql('location', ERASED_LOCATION_DECIMALS)} WHERE senior_id = $1 RETURNING 1`, [seniorId]);
  }

  /** Reasons people wrote (a family's decline, an operator's discharge note), except the erasure's own. */
  async eraseWrittenReasons(manager: EntityManager, seniorId: string, erasureReason: string): Promise<number> {
    const keep = `$3`;
    const statements = [
      `UPDATE allocation.bed_application SET closed_reason = $2 WHERE senior_id = $1 AND closed_reason IS NOT NULL AND closed_reason <> ${keep} RETURNING 1`,
      `UPDATE allocation.bed_offer t SET decision_reason = $2 WHERE ${APPLICATIONS_OF_SENIOR} AND decision_reason IS NOT NULL AND decision_reason NOT LIKE '%' || ${keep} RETURNING 1`,
      `UPDATE allocation.waitlist_decision t SET reason = $2 WHERE ${APPLICATIONS_OF_SENIOR} AND kind IN ('declined','withdrawn') AND reason <> ${keep} RETURNING 1`,
      `UPDATE allocation.bed_occupancy SET end_reason = $2 WHERE senior_id = $1 AND end_reason IS NOT NULL AND end_reason NOT IN (${keep}, 'withdrawn') RETURNING 1`,
      `UPDATE allocation.daycare_booking SET cancel_reason = $2 WHERE senior_id = $1 AND cancel_reason IS NOT NULL AND cancel_reason <> ${keep} RETURNING 1`,
      `UPDATE allocation.outbox_event SET payload = jsonb_set(payload, '{reason}', to_jsonb($2::text)) WHERE payload->>'seniorId' = $1 AND payload ? 'reason' AND payload->>'reason' <> ${keep} RETURNING 1`,
    ];
    let total = 0;
    for (const sql of statements) total += await countAffected(manager, sql, [seniorId, ERASED_TEXT, erasureReason]);
    return total;
  }

  async counts(manager: EntityManager, seniorId: string, erasureReason: string): Promise<Record<'applicationsClosed' | 'applications' | 'holdsReleased' | 'stays' | 'bookingsCancelled' | 'bookingsKept', number>> {
    const n = (sql: string) => countRows(manager, `SELECT count(*)::int AS n FROM ${sql}`, [seniorId, erasureReason]);
    return {
      applicationsClosed: await n(`allocation.bed_application WHERE senior_id = $1 AND closed_reason = $2`),
      applications: await n(`allocation.bed_application WHERE senior_id = $1 AND $2::text IS NOT NULL`),
      holdsReleased: await n(`allocation.bed_occupancy WHERE senior_id = $1 AND kind = 'hold' AND end_reason IN ($2, 'withdrawn')`),
      stays: await n(`allocation.bed_occupancy WHERE senior_id = $1 AND kind = 'stay' AND $2::text IS NOT NULL`),
      bookingsCancelled: await n(`allocation.daycare_booking WHERE senior_id = $1 AND cancel_reason = $2`),
      bookingsKept: await n(`allocation.daycare_booking WHERE senior_id = $1 AND status = 'booked' AND $2::text IS NOT NULL`),
    };
  }

  async recordErasure(manager: EntityManager, row: { seniorId: string; reason: string; requestedBy: string; erasedAt: Date; result: ServiceErasureResult }): Promise<void> {
    await manager.insert(AllocationSeniorErasure, { ...row, result: row.result as unknown as JsonDocument });
  }
}
