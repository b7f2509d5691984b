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

  /** Ends a hold or stay now. Returns false when it had already ended. */
  async endNow(manager: EntityManager, id: string, reason: string | null): Promise<boolean> {
    const result: [unknown[], number] = await manager.query(
      `UPDATE allocation.bed_occupancy SET during = tstzrange(lower(during), now()), end_reason = $2 WHERE id = $1 AND during @> now()`,
      [id, reason],
    );
    return result[1] > 0;
  }
}
