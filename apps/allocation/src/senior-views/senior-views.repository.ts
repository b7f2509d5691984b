import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AllocationInboxReceipt, AllocationSeniorViewRecord, applyOnce, SeniorNotYetKnownError } from '@app/persistence';

/** The only place that queries allocation's read model of seniors. */
@Injectable()
export class SeniorViewsRepository {
  readonly entity = AllocationSeniorViewRecord;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(seniorId: string): Promise<AllocationSeniorViewRecord | null> {
    return this.dataSource.manager.findOne(AllocationSeniorViewRecord, { where: { seniorId } });
  }

  /** Runs an event's effects in one transaction with its receipt; false when it was applied before. */
  applyEventOnce(event: { eventId: string; type: string }, effects: (manager: EntityManager) => Promise<void>): Promise<boolean> {
    return this.dataSource.transaction((manager) => applyOnce(manager, AllocationInboxReceipt, event, effects));
  }

  async upsert(manager: EntityManager, view: Omit<AllocationSeniorViewRecord, 'updatedAt' | 'level' | 'levelInstrument' | 'levelAssessedOn' | 'entitlements' | 'entitlementsAt'>): Promise<void> {
    await manager.upsert(AllocationSeniorViewRecord, view, ['seniorId']);
  }

  async updateFlags(manager: EntityManager, seniorId: string, priorityFlags: string[], priorityGrants: object[], livingArrangement: string): Promise<void> {
    const result = await manager.update(AllocationSeniorViewRecord, { seniorId }, { priorityFlags, priorityGrants, livingArrangement });
    if (!result.affected) throw new SeniorNotYetKnownError(seniorId);
  }
}
