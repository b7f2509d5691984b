import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Senior, SeniorPriorityFlag } from '@app/persistence';

/** The only place that queries the assessment schema's seniors. */
@Injectable()
export class SeniorsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Senior | null> {
    return manager.findOne(Senior, { where: { id }, relations: { priorityFlags: true } });
  }

  findByIdNumberHash(hash: string, manager: EntityManager): Promise<Senior | null> {
    return manager.findOne(Senior, { where: { idNumberHash: hash } });
  }

  async insert(manager: EntityManager, senior: Omit<Senior, 'registeredAt' | 'priorityFlags'>, flags: Array<Omit<SeniorPriorityFlag, 'id' | 'seniorId'>>): Promise<void> {
    await manager.insert(Senior, senior);
    if (flags.length > 0) await manager.insert(SeniorPriorityFlag, flags.map((f) => ({ ...f, seniorId: senior.id })));
  }
}
