import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CareVisitRecord } from '@app/contracts';
import { CareVisitsRepository } from './care-visits.repository';

export interface SavedVisit {
  id: string;
  seniorId: string;
  date: string;
  caregiverId: string | null;
  plannedStart: string | null;
  durationMinutes: number;
  tasks: string[];
  status: 'planned' | 'unassigned';
  unassignedReason: string | null;
  /** The domain's VisitRequest. */
  request: object;
}

export interface PlanInForce {
  senior_id: string;
  lat: number;
  lng: number;
  plan: object;
}

/** The only place that reads the week's plans and caregivers for scheduling and writes the week's visits. */
@Injectable()
export class VisitSchedulesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly careVisits: CareVisitsRepository,
  ) {}

  /** Seniors at home (not in a bed) with a plan in force on the Monday. */
  plansInForce(districtCode: string, weekStart: string): Promise<PlanInForce[]> {
    return this.dataSource.query(
      `SELECT v.senior_id, ST_Y(s.location::geometry) AS lat, ST_X(s.location::geometry) AS lng, v.plan
       FROM dispatch.visit_plan_version v JOIN dispatch.senior_view s ON s.senior_id = v.senior_id
       WHERE s.district_code = $1 AND s.residential_facility_id IS NULL AND v.valid_from <= $2 AND (v.valid_until IS NULL OR v.valid_until >= $2)`,
      [districtCode, weekStart],
    );
  }

  /** seniorId → the caregiver who made most of last week's visits. */
  async lastWeekCaregivers(districtCode: string, weekStart: string): Promise<Record<string, string>> {
    const rows: Array<{ senior_id: string; caregiver_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT ON (senior_id) senior_id, caregiver_id FROM dispatch.care_visit
       WHERE district_code = $1 AND week_start = $2::date - 7 AND caregiver_id IS NOT NULL
       GROUP BY senior_id, caregiver_id ORDER BY senior_id, count(*) DESC, caregiver_id`,
      [districtCode, weekStart],
    );
    return Object.fromEntries(rows.map((r) => [r.senior_id, r.caregiver_id]));
  }

  async districtsWithCaregivers(): Promise<string[]> {
    const rows: Array<{ district_code: string }> = await this.dataSource.query(`SELECT DISTINCT district_code FROM dispatch.caregiver WHERE active`);
    return rows.map((r) => r.district_code);
  }

  /**
   * Replaces the district's week with the new schedule, in one transaction, and records it as a
   * version ('original' the first time, 'optimised' after). Visits that have begun, happened, been
   * missed or cancelled stay as they are. Returns the version's number.
   */
  async saveWeek(districtCode: string, weekStart: string, visits: SavedVisit[], reason: string, createdBy: string | null): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const number = await this.careVisits.nextVersionNumber(manager, districtCode, weekStart);
      await manager.query(`DELETE FROM dispatch.care_visit WHERE district_code = $1 AND week_start = $2 AND status IN ('planned','unassigned')`, [districtCode, weekStart]);
      for (let i = 0; i < visits.length; i += 2_000) {
        await manager.query(
          `INSERT INTO dispatch.care_visit (id, district_code, week_start, senior_id, date, caregiver_id, planned_start, duration_minutes, tasks, status, unassigned_reason, request)
           SELECT v."id", $2, $3, v."seniorId", v."date", v."caregiverId", v."plannedStart", v."durationMinutes", ARRAY(SELECT jsonb_array_elements_text(v."tasks")), v."status", v."unassignedReason", v."request"
           FROM jsonb_to_recordset($1::jsonb) AS v("id" text, "seniorId" uuid, "date" date, "caregiverId" uuid, "plannedStart" timestamptz, "durationMinutes" int, "tasks" jsonb, "status" text, "unassignedReason" text, "request" jsonb)
           ON CONFLICT (id) DO NOTHING`,
          [JSON.stringify(visits.slice(i, i + 2_000)), districtCode, weekStart],
        );
      }
      const snapshot = visits.map((v) => ({ visitId: v.id, seniorId: v.seniorId, caregiverId: v.caregiverId, start: v.plannedStart }));
      await this.careVisits.insertVersion(manager, { districtCode, weekStart, number, kind: number === 1 ? 'original' : 'optimised', reason, visits: snapshot, createdBy });
      return number;
    });
  }

  visitRecord(visitId: string): Promise<CareVisitRecord | undefined> {
    return this.views(`v.id = $1`, [visitId], true).then((rows) => rows[0]);
  }

  caregiverVisits(accountId: string, from: string, until: string): Promise<CareVisitRecord[]> {
    return this.views(`c.account_id = $1 AND v.date BETWEEN $2 AND $3`, [accountId, from, until], true);
  }

  seniorVisits(seniorId: string, from: string): Promise<CareVisitRecord[]> {
    return this.views(`v.senior_id = $1 AND v.date >= $2`, [seniorId, from], false);
  }

  private views(where: string, params: unknown[], forCaregiver: boolean): Promise<CareVisitRecord[]> {
    return this.dataSource.query(
      `SELECT v.id AS "visitId", v.senior_id AS "seniorId", v.date::text AS "date", v.status, v.planned_start AS "plannedStart", v.duration_minutes AS "durationMinutes", v.tasks,
              v.caregiver_id AS "caregiverId", c.name AS "caregiverName", ${forCaregiver ? 's.name' : 'NULL'} AS "seniorName", ${forCaregiver ? 's.address_text' : 'NULL'} AS "addressText",
              v.unassigned_reason AS "unassignedReason"
       FROM dispatch.care_visit v LEFT JOIN dispatch.caregiver c ON c.id = v.caregiver_id JOIN dispatch.senior_view s ON s.senior_id = v.senior_id
       WHERE ${where} ORDER BY v.date, v.planned_start NULLS LAST`,
      params,
    );
  }
}
