import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CareDoorTag, CareScheduleVersion, CareVisit, CareVisitAlert, CareVisitNotice } from '@app/persistence';

export interface NoticeRow {
  recipientKind: 'caregiver' | 'senior';
  recipientId: string;
  visitId: string;
  message: string;
}

/** The only place that reads and writes what happens to visits: check-ins, alerts, schedule versions, notices, door tags. */
@Injectable()
export class CareVisitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  visit(visitId: string, manager: EntityManager = this.dataSource.manager): Promise<CareVisit | null> {
    return manager.findOne(CareVisit, { where: { id: visitId } });
  }

  /** The visit, locked until the transaction ends: two check-ins of one visit cannot both pass. */
  lockVisit(manager: EntityManager, visitId: string): Promise<CareVisit | null> {
    return manager.createQueryBuilder(CareVisit, 'v').setLock('pessimistic_write').where('v.id = :visitId', { visitId }).getOne();
  }

  async updateVisit(manager: EntityManager, visitId: string, changes: Partial<CareVisit>): Promise<void> {
    await manager.update(CareVisit, { id: visitId }, changes);
  }

  async insertVisit(manager: EntityManager, row: Pick<CareVisit, 'id' | 'districtCode' | 'weekStart' | 'seniorId' | 'date' | 'caregiverId' | 'plannedStart' | 'durationMinutes' | 'tasks' | 'status' | 'unassignedReason' | 'request'>): Promise<void> {
    await manager.insert(CareVisit, row);
  }

  /** Locks a district's visits of one day until the transaction ends (re-planning the day). */
  async lockDay(manager: EntityManager, districtCode: string, date: string): Promise<void> {
    await manager.query(`SELECT 1 FROM dispatch.care_visit WHERE district_code = $1 AND date = $2 FOR UPDATE`, [districtCode, date]);
  }

  /** The caregiver's other visits of the day that are not cancelled, locked: an edit cannot race another into an overlap. */
  caregiverDay(manager: EntityManager, caregiverId: string, date: string): Promise<CareVisit[]> {
    return manager.createQueryBuilder(CareVisit, 'v').setLock('pessimistic_write').where(`v.caregiver_id = :caregiverId AND v.date = :date AND v.status <> 'cancelled'`, { caregiverId, date }).orderBy('v.planned_start').getMany();
  }

  /** The visit the caregiver is in the middle of, if any. */
  inProgress(manager: EntityManager, caregiverId: string): Promise<CareVisit | null> {
    return manager.findOne(CareVisit, { where: { caregiverId, status: 'in-progress' } });
  }

  weekVisits(districtCode: string, weekStart: string, manager: EntityManager = this.dataSource.manager): Promise<CareVisit[]> {
    return manager.find(CareVisit, { where: { districtCode, weekStart }, order: { date: 'ASC', id: 'ASC' } });
  }

  monthVisits(seniorId: string, month: string): Promise<CareVisit[]> {
    return this.dataSource.manager
      .createQueryBuilder(CareVisit, 'v')
      .where(`v.senior_id = :seniorId AND to_char(v.date, 'YYYY-MM') = :month`, { seniorId, month })
      .orderBy('v.date')
      .addOrderBy('v.id')
      .getMany();
  }

  async seniorsWithVisits(districtCode: string, month: string): Promise<string[]> {
    const rows: Array<{ senior_id: string }> = await this.dataSource.query(`SELECT DISTINCT senior_id FROM dispatch.care_visit WHERE district_code = $1 AND to_char(date, 'YYYY-MM') = $2 ORDER BY senior_id`, [districtCode, month]);
    return rows.map((r) => r.senior_id);
  }

  // --- alerts ---

  alert(alertId: string, manager: EntityManager = this.dataSource.manager): Promise<CareVisitAlert | null> {
    return manager.findOne(CareVisitAlert, { where: { id: alertId } });
  }

  lockAlert(manager: EntityManager, alertId: string): Promise<CareVisitAlert | null> {
    return manager.createQueryBuilder(CareVisitAlert, 'a').setLock('pessimistic_write').where('a.id = :alertId', { alertId }).getOne();
  }

  alertOf(manager: EntityManager, visitId: string, kind: 'late' | 'verification-failed'): Promise<CareVisitAlert | null> {
    return manager.findOne(CareVisitAlert, { where: { visitId, kind } });
  }

  async insertAlert(manager: EntityManager, row: Omit<CareVisitAlert, 'escalatedAt' | 'clearedAt' | 'acknowledgedAt' | 'acknowledgedBy' | 'resolvedAt' | 'resolvedBy' | 'resolution'>): Promise<void> {
    await manager.insert(CareVisitAlert, row);
  }

  async updateAlert(manager: EntityManager, alertId: string, changes: Partial<CareVisitAlert>): Promise<void> {
    await manager.update(CareVisitAlert, { id: alertId }, changes);
  }

  /** The check-in arrived: the visit's open late alert needs nobody any more. */
  async clearLateAlert(manager: EntityManager, visitId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE dispatch.care_visit_alert SET cleared_at = $2 WHERE visit_id = $1 AND kind = 'late' AND cleared_at IS NULL AND resolved_at IS NULL`, [visitId, at]);
  }

  alerts(districtCode: string, openOnly: boolean): Promise<CareVisitAlert[]> {
    const query = this.dataSource.manager.createQueryBuilder(CareVisitAlert, 'a').where('a.district_code = :districtCode', { districtCode });
    if (openOnly) query.andWhere('a.resolved_at IS NULL AND a.cleared_at IS NULL');
    return query
      .orderBy(`CASE a.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 ELSE 2 END`)
      .addOrderBy('a.raised_at')
      .take(1000)
      .getMany();
  }

  /** Visits past their first grace without a check-in and without an alert as severe as due: what the sweep looks at. */
  async overdueVisits(firstGraceMinutes: number, limit: number): Promise<Array<{ id: string; planned_start: Date }>> {
    return this.dataSource.query(
      `SELECT v.id, v.planned_start FROM dispatch.care_visit v
       LEFT JOIN dispatch.care_visit_alert a ON a.visit_id = v.id AND a.kind = 'late'
       WHERE v.status = 'planned' AND v.date >= (now() AT TIME ZONE 'Asia/Shanghai')::date - 1
         AND v.planned_start <= now() - make_interval(mins => $1)
         AND (a.id IS NULL OR (a.severity <> 'critical' AND a.resolved_at IS NULL AND coalesce(a.escalated_at, a.raised_at) <= now() - interval '5 minutes'))
       ORDER BY v.planned_start LIMIT $2`,
      [firstGraceMinutes, limit],
    );
  }

  // --- schedule versions and notices ---

  async nextVersionNumber(manager: EntityManager, districtCode: string, weekStart: string): Promise<number> {
    // One writer per district week at a time: the advisory lock is held until the transaction ends.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('care_schedule:' || $1 || ':' || $2))`, [districtCode, weekStart]);
    const [row] = await manager.query(`SELECT coalesce(max(number), 0) + 1 AS next FROM dispatch.care_schedule_version WHERE district_code = $1 AND week_start = $2`, [districtCode, weekStart]);
    return Number(row.next);
  }

  async insertVersion(manager: EntityManager, row: Pick<CareScheduleVersion, 'districtCode' | 'weekStart' | 'number' | 'kind' | 'reason' | 'visits' | 'createdBy'>): Promise<void> {
    await manager.insert(CareScheduleVersion, row);
  }

  versions(districtCode: string, weekStart: string): Promise<Array<{ number: number; kind: CareScheduleVersion['kind']; reason: string; created_by: string | null; created_at: Date; visits: number }>> {
    return this.dataSource.query(
      `SELECT number, kind, reason, created_by, created_at, jsonb_array_length(visits) AS visits FROM dispatch.care_schedule_version WHERE district_code = $1 AND week_start = $2 ORDER BY number`,
      [districtCode, weekStart],
    );
  }

  /** The versions needed to rebuild version `number`: the last whole-week one up to it, and every change after. */
  versionsUpTo(districtCode: string, weekStart: string, number: number): Promise<CareScheduleVersion[]> {
    return this.dataSource.manager
      .createQueryBuilder(CareScheduleVersion, 'v')
      .where('v.district_code = :districtCode AND v.week_start = :weekStart AND v.number <= :number', { districtCode, weekStart, number })
      .andWhere(`v.number >= coalesce((SELECT max(w.number) FROM dispatch.care_schedule_version w WHERE w.district_code = :districtCode AND w.week_start = :weekStart AND w.number <= :number AND w.kind IN ('original','optimised')), 1)`)
      .orderBy('v.number')
      .getMany();
  }

  async insertNotices(manager: EntityManager, notices: NoticeRow[]): Promise<void> {
    if (notices.length > 0) await manager.insert(CareVisitNotice, notices);
  }

  notices(recipientKind: 'caregiver' | 'senior', recipientId: string, since: Date): Promise<CareVisitNotice[]> {
    return this.dataSource.manager
      .createQueryBuilder(CareVisitNotice, 'n')
      .where('n.recipient_kind = :recipientKind AND n.recipient_id = :recipientId AND n.created_at >= :since', { recipientKind, recipientId, since })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(200)
      .getMany();
  }

  // --- door tags ---

  doorTag(seniorId: string, manager: EntityManager = this.dataSource.manager): Promise<CareDoorTag | null> {
    return manager.findOne(CareDoorTag, { where: { seniorId } });
  }

  async saveDoorTag(row: CareDoorTag): Promise<void> {
    await this.dataSource.manager.upsert(CareDoorTag, row, ['seniorId']);
  }
}
