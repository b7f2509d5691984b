import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessRequest } from '@app/persistence';

/** The only place that reads and writes families' access requests. */
@Injectable()
export class AccessRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(row: Omit<AccessRequest, 'createdAt'>): Promise<void> {
    await this.dataSource.manager.insert(AccessRequest, row);
  }

  byId(id: string, manager: EntityManager = this.dataSource.manager): Promise<AccessRequest | null> {
    return manager.findOne(AccessRequest, { where: { id } });
  }

  lock(manager: EntityManager, id: string): Promise<AccessRequest | null> {
    return manager.createQueryBuilder(AccessRequest, 'r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
  }

  async update(manager: EntityManager, id: string, changes: Partial<AccessRequest>): Promise<void> {
    await manager.update(AccessRequest, { id }, changes);
  }

  ofFamily(familyAccountId: string): Promise<AccessRequest[]> {
    return this.dataSource.manager.find(AccessRequest, { where: { familyAccountId }, order: { createdAt: 'DESC' }, take: 100 });
  }

  pending(): Promise<AccessRequest[]> {
    return this.dataSource.manager.find(AccessRequest, { where: { status: 'pending' }, order: { createdAt: 'ASC' }, take: 500 });
  }
}
