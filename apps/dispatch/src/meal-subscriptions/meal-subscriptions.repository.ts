import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { closeVersionsFrom, MealChange, MealPause, MealSubscriptionVersion } from '@app/persistence';

/** The only place that reads and writes meal subscriptions, pauses and one-off changes. */
@Injectable()
export class MealSubscriptionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  versions(seniorId: string): Promise<MealSubscriptionVersion[]> {
    return this.dataSource.manager.find(MealSubscriptionVersion, { where: { seniorId }, order: { validFrom: 'ASC' } });
  }

  /**
   * Starts new terms on `validFrom`: versions that would start on or after it are replaced, the one
   * in force the day before ends then. One senior's changes are serialised by a row lock on the senior.
   */
  async startVersion(manager: EntityManager, seniorId: string, validFrom: string, terms: object, createdBy: string): Promise<void> {
    await closeVersionsFrom(manager, 'dispatch.meal_subscription_version', seniorId, validFrom);
    await manager.insert(MealSubscriptionVersion, { seniorId, validFrom, validUntil: null, terms, createdBy });
  }

  pauses(seniorId: string): Promise<MealPause[]> {
    return this.dataSource.manager.find(MealPause, { where: { seniorId }, order: { fromDate: 'ASC' } });
  }

  async insertPause(manager: EntityManager, pause: Omit<MealPause, 'createdAt'>): Promise<void> {
    await manager.insert(MealPause, pause);
  }

  pause(id: string): Promise<MealPause | null> {
    return this.dataSource.manager.findOne(MealPause, { where: { id } });
  }

  changes(seniorId: string, from: string): Promise<MealChange[]> {
    return this.dataSource.manager.createQueryBuilder(MealChange, 'c').where('c.senior_id = :seniorId AND c.date >= :from', { seniorId, from }).orderBy('c.date').addOrderBy('c.slot').getMany();
  }

  change(id: string): Promise<MealChange | null> {
    return this.dataSource.manager.findOne(MealChange, { where: { id } });
  }

  async insertChange(change: Omit<MealChange, 'createdAt'>): Promise<void> {
    await this.dataSource.manager.insert(MealChange, change);
  }
}
