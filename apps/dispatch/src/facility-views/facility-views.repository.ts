import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { applyOnce, DispatchFacilityViewRecord, DispatchInboxReceipt } from '@app/persistence';

/** The only place that queries dispatch's read model of facilities. */
@Injectable()
export class FacilityViewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs an event's effects in one transaction with its receipt; false when it was applied before. */
  applyEventOnce(event: { eventId: string; type: string }, effects: (manager: EntityManager) => Promise<void>): Promise<boolean> {
    return this.dataSource.transaction((manager) => applyOnce(manager, DispatchInboxReceipt, event, effects));
  }

  async upsert(manager: EntityManager, view: Omit<DispatchFacilityViewRecord, 'updatedAt'>): Promise<void> {
    await manager.upsert(DispatchFacilityViewRecord, view, ['facilityId']);
  }

  find(facilityId: string): Promise<DispatchFacilityViewRecord | null> {
    return this.dataSource.manager.findOne(DispatchFacilityViewRecord, { where: { facilityId } });
  }

  list(districtCode: string, types: string[] | null): Promise<DispatchFacilityViewRecord[]> {
    return this.dataSource.manager.find(DispatchFacilityViewRecord, { where: { districtCode, ...(types ? { type: In(types) } : {}) }, order: { name: 'ASC' } });
  }
}
