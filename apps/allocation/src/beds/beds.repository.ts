import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Bed, Room } from '@app/persistence';

export interface OccupancyRow {
  id: string;
  bed_id: string;
  facility_id: string;
  senior_id: string;
  kind: 'hold' | 'stay';
  from: Date;
  until: Date | null;
}

export interface BedBoardRow {
  bed_id: string;
  label: string;
  room_name: string;
  gender_rule: 'female' | 'male' | 'any';
  bed_type: 'general' | 'nursing' | 'dementia-care';
  respite: boolean;
  occupancy_id: string | null;
  kind: 'hold' | 'stay' | null;
  senior_id: string | null;
  from: Date | null;
  until: Date | null;
  offer_id: string | null;
}

const OCCUPANCY_COLUMNS = `o.id, o.bed_id, b.facility_id, o.senior_id, o.kind, lower(o.during) AS "from", upper(o.during) AS "until"`;

/** The only place that queries and writes holds and stays. */
@Injectable()
export class BedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async bedWithRoom(bedId: string): Promise<(Bed & { room: Room }) | null> {
    return (await this.dataSource.manager.findOne(Bed, { where: { id: bedId }, relations: { room: true } })) as (Bed & { room: Room }) | null;
  }

  async occupancy(id: string, manager: EntityManager = this.dataSource.manager): Promise<OccupancyRow | null> {
    const rows: OccupancyRow[] = await manager.query(`SELECT ${OCCUPANCY_COLUMNS} FROM allocation.bed_occupancy o JOIN allocation.bed b ON b.id = o.bed_id WHERE o.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The senior's hold or stay that covers now, if any: one bed at a time. */
  async currentOf(seniorId: string, manager: EntityManager = this.dataSource.manager): Promise<OccupancyRow | null> {
    const rows: OccupancyRow[] = await manager.query(
      `SELECT ${OCCUPANCY_COLUMNS} FROM allocation.bed_occupancy o JOIN allocation.bed b ON b.id = o.bed_id WHERE o.senior_id = $1 AND o.during @> now()`,
      [seniorId],
    );
    return rows[0] ?? null;
  }

  /** Inserts a hold [now, now + hours) or a stay [now, ∞). The exclusion constraint refuses an overlap (23P01). */
  async insert(manager: EntityManager, occupancy: { id: string; bedId: string; seniorId: string; kind: 'hold' | 'stay'; hours: number | null; createdBy: string | null }): Promise<void> {
    await manager.query(
      `INSERT INTO allocation.bed_occupancy (id, bed_id, senior_id, kind, during, created_by)
       VALUES ($1, $2, $3, $4, tstzrange(now(), CASE WHEN $5::int IS NULL THEN NULL ELSE now() + make_interval(hours => $5::int) END), $6)`,
      [occupancy.id, occupancy.bedId, occupancy.seniorId, occupancy.kind, occupancy.hours, occupancy.createdBy],
    );
  }

  /** Every bed of a facility with the hold or stay covering now, if any. */
  board(facilityId: string): Promise<BedBoardRow[]> {
    return this.dataSource.query(
      `SELECT b.id AS bed_id, b.label, r.name AS room_name, r.gender_rule, b.bed_type, b.respite,
              o.id AS occupancy_id, o.kind, o.senior_id, lower(o.during) AS "from", upper(o.during) AS "until", wo.id AS offer_id
       FROM allocation.bed b JOIN allocation.room r ON r.id = b.room_id
         LEFT JOIN allocation.bed_occupancy o ON o.bed_id = b.id AND o.during @> now()
         LEFT JOIN allocation.bed_offer wo ON wo.id = o.id
       WHERE b.facility_id = $1
       ORDER BY r.name, b.label`,
      [facilityId],
    );
  }

  async facilityExists(facilityId: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM allocation.facility WHERE id = $1`, [facilityId])).length > 0;
  }

  async districtCounts(districtCode: string): Promise<{ beds: number; vacant: number; held: number; occupied: number }> {
    const rows: Array<{ beds: number; held: number; occupied: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS beds, count(*) FILTER (WHERE o.kind = 'hold')::int AS held, count(*) FILTER (WHERE o.kind = 'stay')::int AS occupied
       FROM allocation.bed b JOIN allocation.facility f ON f.id = b.facility_id
         LEFT JOIN allocation.bed_occupancy o ON o.bed_id = b.id AND o.during @> now()
       WHERE f.district_code = $1`,
      [districtCode],
    );
    const { beds, held, occupied } = rows[0]!;
    return { beds, vacant: beds - held - occupied, held, occupied };
  }

  /**
   * Every way beds, residents and the waiting list could disagree in a district. The constraints
   * forbid the first two; the rest can arise between a lapsed hold and the sweep that expires it,
   * or from a bug, and are named so an operator can act.
   */
  async disagreements(districtCode: string): Promise<Array<{ check: string; detail: string }>> {
    const checks: Array<[string, string]> = [
      [
        'a bed held or occupied twice',
        `SELECT 'bed ' || o.bed_id || ' has ' || count(*) || ' current holds/stays' AS detail FROM allocation.bed_occupancy o JOIN allocation.bed b ON b.id = o.bed_id JOIN allocation.facility f ON f.id = b.facility_id
         WHERE f.district_code = $1 AND o.during @> now() GROUP BY o.bed_id HAVING count(*) > 1`,
      ],
      [
        'a senior in two beds',
        `SELECT 'senior ' || o.senior_id || ' holds or occupies ' || count(*) || ' beds' AS detail FROM allocation.bed_occupancy o JOIN allocation.bed b ON b.id = o.bed_id JOIN allocation.facility f ON f.id = b.facility_id
         WHERE f.district_code = $1 AND o.during @> now() GROUP BY o.senior_id HAVING count(*) > 1`,
      ],
      [
        'a resident allocation does not know',
        `SELECT 'senior ' || o.senior_id || ' is in bed ' || o.bed_id || ' but not in the read model' AS detail FROM allocation.bed_occupancy o JOIN allocation.bed b ON b.id = o.bed_id JOIN allocation.facility f ON f.id = b.facility_id
         WHERE f.district_code = $1 AND o.during @> now() AND NOT EXISTS (SELECT 1 FROM allocation.senior_view s WHERE s.senior_id = o.senior_id)`,
      ],
      [
        'an open offer without its hold',
        `SELECT 'offer ' || wo.id || ' is ' || wo.status || ' but its hold has ended' AS detail FROM allocation.bed_offer wo JOIN allocation.bed_application a ON a.id = wo.application_id
         WHERE a.district_code = $1 AND wo.status IN ('open','accepted') AND NOT EXISTS (SELECT 1 FROM allocation.bed_occupancy o WHERE o.id = wo.id AND o.during @> now())`,
      ],
      [
        'an application whose status disagrees with its offers',
        `SELECT 'application ' || a.id || ' is ' || a.status || ' with ' || count(wo.id) || ' live offers' AS detail FROM allocation.bed_application a
           LEFT JOIN allocation.bed_offer wo ON wo.application_id = a.id AND wo.status IN ('open','accepted')
         WHERE a.district_code = $1 AND a.status IN ('waiting','offered') GROUP BY a.id, a.status
         HAVING (a.status = 'offered') <> (count(wo.id) = 1) OR count(wo.id) > 1`,
      ],
      [
        'a resident still waiting for a bed',
        `SELECT 'senior ' || a.senior_id || ' occupies a bed but application ' || a.id || ' is still ' || a.status AS detail FROM allocation.bed_application a
         WHERE a.district_code = $1 AND a.status IN ('waiting','offered')
           AND EXISTS (SELECT 1 FROM allocation.bed_occupancy o WHERE o.senior_id = a.senior_id AND o.kind = 'stay' AND o.during @> now())`,
      ],
    ];
    const found: Array<{ check: string; detail: string }> = [];
    for (const [check, sql] of checks) for (const row of (await this.dataSource.query(sql, [districtCode])) as Array<{ detail: string }>) found.push({ check, detail: row.detail });
    return found;
  }

  /** Ends a hold or stay now. Returns false when it had already ended. */
  async endNow(manager: EntityManager, id: string, reason: string | null): Promise<boolean> {
    const result: [unknown[], number] = await manager.query(
      `UPDATE allocation.bed_occupancy SET during = tstzrange(lower(during), now()), end_reason = $2 WHERE id = $1 AND during @> now()`,
      [id, reason],
    );
    return result[1] > 0;
  }
}
