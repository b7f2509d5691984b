import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { applyOnce, DispatchDaycareDay, DispatchInboxReceipt, DispatchSeniorViewRecord, SeniorNotYetKnownError } from '@app/persistence';

export class DaycareDayNotYetKnownError extends Error {
  constructor(bookingId: string) {
    super(`day-care booking ${bookingId} is not in the read model yet; the cancellation will be retried`);
  }
}

/** The only place that queries dispatch's read model of seniors. */
@Injectable()
export class SeniorViewsRepository {
  readonly entity = DispatchSeniorViewRecord;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(seniorId: string, manager: EntityManager = this.dataSource.manager): Promise<DispatchSeniorViewRecord | null> {
    return manager.findOne(DispatchSeniorViewRecord, { where: { seniorId } });
  }

  /** Runs an event's effects in one transaction with its receipt; false when it was applied before. */
  applyEventOnce(event: { eventId: string; type: string }, effects: (manager: EntityManager) => Promise<void>): Promise<boolean> {
    return this.dataSource.transaction((manager) => applyOnce(manager, DispatchInboxReceipt, event, effects));
  }

  async upsert(manager: EntityManager, view: Omit<DispatchSeniorViewRecord, 'updatedAt' | 'level' | 'levelInstrument' | 'levelAssessedOn' | 'entitlements' | 'entitlementsAt' | 'residentialFacilityId' | 'residentialSince'>): Promise<void> {
    await manager.upsert(DispatchSeniorViewRecord, view, ['seniorId']);
  }

  async updateLivesAlone(manager: EntityManager, seniorId: string, livesAlone: boolean): Promise<void> {
    const result = await manager.update(DispatchSeniorViewRecord, { seniorId }, { livesAlone });
    if (!result.affected) throw new SeniorNotYetKnownError(seniorId);
  }

  /** Records a stay unless a later one is already recorded. */
  async setResidence(manager: EntityManager, seniorId: string, facilityId: string, since: Date): Promise<void> {
    await lockKnown(manager, seniorId);
    await manager
      .createQueryBuilder()
      .update(DispatchSeniorViewRecord)
      .set({ residentialFacilityId: facilityId, residentialSince: since })
      .where('senior_id = :seniorId AND (residential_since IS NULL OR residential_since <= :since)', { seniorId, since })
      .execute();
  }

  /** Clears the stay that began before the discharge (a re-admission or transfer from that instant on stays recorded). */
  async clearResidence(manager: EntityManager, seniorId: string, facilityId: string, at: Date): Promise<void> {
    await lockKnown(manager, seniorId);
    await manager
      .createQueryBuilder()
      .update(DispatchSeniorViewRecord)
      .set({ residentialFacilityId: null, residentialSince: null })
      .where('senior_id = :seniorId AND residential_facility_id = :facilityId AND residential_since < :at', { seniorId, facilityId, at })
      .execute();
  }

  async addDaycareDays(manager: EntityManager, days: DispatchDaycareDay[]): Promise<void> {
    await manager.createQueryBuilder().insert().into(DispatchDaycareDay).values(days).orIgnore().execute();
  }

  /**
   * A cancelled day-care booking. The two events may be worked on at once (after an outage both
   * wait in the inbox): a cancellation whose booking is not here yet fails, and its retry finds it.
   */
  async removeDaycareDay(manager: EntityManager, bookingId: string): Promise<void> {
    const result = await manager.delete(DispatchDaycareDay, { bookingId });
    if (!result.affected) throw new DaycareDayNotYetKnownError(bookingId);
  }

  upcomingDaycareDates(seniorId: string, from: string): Promise<DispatchDaycareDay[]> {
    return this.dataSource.manager
      .createQueryBuilder(DispatchDaycareDay, 'd')
      .where('d.senior_id = :seniorId AND d.date >= :from', { seniorId, from })
      .orderBy('d.date')
      .limit(60)
      .getMany();
  }
}

async function lockKnown(manager: EntityManager, seniorId: string): Promise<void> {
  const row = await manager.createQueryBuilder(DispatchSeniorViewRecord, 'v').select('v.seniorId').where('v.senior_id = :seniorId', { seniorId }).setLock('pessimistic_write').getOne();
  if (!row) throw new SeniorNotYetKnownError(seniorId);
}
