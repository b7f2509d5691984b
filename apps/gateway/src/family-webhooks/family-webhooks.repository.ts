import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { FamilyWebhook, FamilyWebhookDelivery } from '@app/persistence';

/** The only place that reads and writes family webhooks and their deliveries. */
@Injectable()
export class FamilyWebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  webhook(accountId: string, manager: EntityManager = this.dataSource.manager): Promise<FamilyWebhook | null> {
    return manager.findOne(FamilyWebhook, { where: { accountId } });
  }

  async save(row: FamilyWebhook): Promise<void> {
    await this.dataSource.manager.upsert(FamilyWebhook, row, ['accountId']);
  }

  async remove(accountId: string): Promise<void> {
    await this.dataSource.manager.delete(FamilyWebhook, { accountId });
  }

  async insertDeliveries(manager: EntityManager, rows: Array<Pick<FamilyWebhookDelivery, 'id' | 'accountId' | 'event' | 'payload' | 'status' | 'nextAttemptAt'>>): Promise<void> {
    if (rows.length > 0) await manager.insert(FamilyWebhookDelivery, rows);
  }

  /** Deliveries due now, locked for this gateway (others skip them). */
  due(manager: EntityManager, limit: number): Promise<FamilyWebhookDelivery[]> {
    return manager
      .createQueryBuilder(FamilyWebhookDelivery, 'd')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where(`d.status = 'pending' AND d.next_attempt_at <= now()`)
      .orderBy('d.next_attempt_at')
      .limit(limit)
      .getMany();
  }

  async updateDelivery(manager: EntityManager, id: string, changes: Partial<FamilyWebhookDelivery>): Promise<void> {
    await manager.update(FamilyWebhookDelivery, { id }, changes);
  }

  deliveries(accountId: string): Promise<FamilyWebhookDelivery[]> {
    return this.dataSource.manager.find(FamilyWebhookDelivery, { where: { accountId }, order: { createdAt: 'DESC' }, take: 200 });
  }
}
