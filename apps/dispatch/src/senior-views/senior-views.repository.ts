import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { applyOnce, DispatchInboxReceipt, DispatchSeniorViewRecord, SeniorNotYetKnownError } from '@app/persistence';

/** The only place that queries dispatch's read model of seniors. */
@Injectable()
export class SeniorViewsRepository {
  readonly entity = DispatchSeniorViewRecord;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(seniorId: string): Promise<DispatchSeniorViewRecord | null> {
    return this.dataSource.manager.findOne(DispatchSeniorViewRecord, { where: { seniorId } });
  }

  /** Runs an event's effects in one transaction with its receipt; false when it was applied before. */
  applyEventOnce(event: { eventId: string; type: string }, effects: (manager: EntityManager) => Promise<void>): Promise<boolean> {
    return this.dataSource.transaction((manager) => applyOnce(manager, DispatchInboxReceipt, event, effects));
  }

  async upsert(manager: EntityManager, view: Omit<DispatchSeniorViewRecord, 'updatedAt' | 'level' | 'levelInstrument' | 'levelAssessedOn' | 'entitlements' | 'entitlementsAt'>): Promise<void> {
    await manager.upsert(DispatchSeniorViewRecord, view, ['seniorId']);
  }

  async updateLivesAlone(manager: EntityManager, seniorId: string, livesAlone: boolean): Promise<void> {
    const result = await manager.update(DispatchSeniorViewRecord, { seniorId }, { livesAlone });
    if (!result.affected) throw new SeniorNotYetKnownError(seniorId);
  }
}
