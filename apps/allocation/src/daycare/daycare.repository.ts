import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DaycareBooking } from '@app/persistence';

/** The only place that queries day-care bookings and session loads. */
@Injectable()
export class DaycareRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  byRequest(requestId: string): Promise<DaycareBooking[]> {
    return this.dataSource.manager.find(DaycareBooking, { where: { requestId }, order: { date: 'ASC' } });
  }

  byId(id: string, manager: EntityManager = this.dataSource.manager): Promise<DaycareBooking | null> {
    return manager.findOne(DaycareBooking, { where: { id } });
  }

  forSenior(seniorId: string): Promise<DaycareBooking[]> {
    return this.dataSource.manager.find(DaycareBooking, { where: { seniorId }, order: { date: 'ASC', session: 'ASC' } });
  }

  /**
   * Takes one place of a session if one is free: the increment and the capacity test are one
   * statement, so two bookings can never both take the last place. False when the session is full.
   */
  async takePlace(manager: EntityManager, facilityId: string, date: string, session: string, capacity: number): Promise<boolean> {
    await manager.query(
      `INSERT INTO allocation.daycare_session_load (facility_id, date, session, booked, capacity) VALUES ($1, $2, $3, 0, $4) ON CONFLICT DO NOTHING`,
      [facilityId, date, session, capacity],
    );
    const rows: unknown[] = await manager.query(
      `UPDATE allocation.daycare_session_load SET booked = booked + 1 WHERE facility_id = $1 AND date = $2 AND session = $3 AND booked < capacity RETURNING booked`,
      [facilityId, date, session],
    );
    return (rows[0] as unknown[]).length > 0;
  }

  async freePlace(manager: EntityManager, facilityId: string, date: string, session: string): Promise<void> {
    await manager.query(`UPDATE allocation.daycare_session_load SET booked = booked - 1 WHERE facility_id = $1 AND date = $2 AND session = $3`, [facilityId, date, session]);
  }

  async insert(manager: EntityManager, bookings: Array<Omit<DaycareBooking, 'createdAt' | 'facility'>>): Promise<void> {
    await manager.insert(DaycareBooking, bookings);
  }

  async cancel(manager: EntityManager, id: string, reason: string): Promise<boolean> {
    const result = await manager.update(DaycareBooking, { id, status: 'booked' }, { status: 'cancelled', cancelReason: reason });
    return (result.affected ?? 0) > 0;
  }
}
