import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Booking } from '@app/persistence';

/** The only place that reads and writes bookings. */
@Injectable()
export class BookingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(manager: EntityManager, row: Booking): Promise<void> {
    await manager.insert(Booking, row);
  }

  async update(manager: EntityManager, id: string, changes: Partial<Booking>): Promise<void> {
    await manager.update(Booking, { id }, changes);
  }

  byId(id: string, manager: EntityManager = this.dataSource.manager): Promise<Booking | null> {
    return manager.findOne(Booking, { where: { id } });
  }

  /** The booking a queued request made, if it was a booking route's. */
  byRequestId(requestId: string): Promise<Booking | null> {
    return this.dataSource.manager.findOne(Booking, { where: { requestId } });
  }

  forSenior(seniorId: string): Promise<Booking[]> {
    return this.dataSource.manager.find(Booking, { where: { seniorId }, order: { createdAt: 'DESC' }, take: 500 });
  }

  /** The senior's bookings changed after a point (updated_at, id), oldest first: what a stream has not sent yet. */
  changedAfter(seniorId: string, at: Date, id: string, limit: number): Promise<Booking[]> {
    return this.dataSource.manager
      .createQueryBuilder(Booking, 'b')
      .where(`b.senior_id = :seniorId AND (date_trunc('milliseconds', b.updated_at), b.id) > (:at, :id)`, { seniorId, at, id }) // event ids carry milliseconds
      .orderBy('b.updated_at')
      .addOrderBy('b.id')
      .limit(limit)
      .getMany();
  }

  /** The senior's booking of `kind` whose answer names `bookedId` (one object, or one element of a list), locked. */
  async holding(manager: EntityManager, seniorId: string, kind: string, idField: string, bookedId: string): Promise<Booking | null> {
    const probe = JSON.stringify({ [idField]: bookedId });
    return manager
      .createQueryBuilder(Booking, 'b')
      .setLock('pessimistic_write')
      .where(`b.senior_id = :seniorId AND b.kind = :kind AND (b.result @> :probe::jsonb OR b.result @> :list::jsonb)`, { seniorId, kind, probe, list: `[${probe}]` })
      .orderBy('b.created_at', 'DESC')
      .getOne();
  }

  /**
   * Bookings still waiting for a service's answer, locked for this gateway (others skip them); every
   * one is looked at each round. One whose answer the queue no longer keeps has a reason and is left to staff.
   */
  waiting(manager: EntityManager, limit: number): Promise<Booking[]> {
    return manager
      .createQueryBuilder(Booking, 'b')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where(`b.status = 'requested' AND b.request_id IS NOT NULL AND b.reason IS NULL`)
      .orderBy('b.created_at')
      .limit(limit)
      .getMany();
  }

  /** Family accounts whose consent lets them see the senior's bookings (view-status) and whose app has a webhook. */
  async webhookAccounts(manager: EntityManager, seniorId: string): Promise<string[]> {
    const rows: Array<{ account_id: string }> = await manager.query(
      `SELECT DISTINCT w.account_id FROM identity.consent_link c JOIN identity.family_webhook w ON w.account_id = c.family_account_id
       WHERE c.senior_id = $1 AND c.revoked_at IS NULL AND 'view-status' = ANY(c.scopes) ORDER BY w.account_id`,
      [seniorId],
    );
    return rows.map((r) => r.account_id);
  }
}
