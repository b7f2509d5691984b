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

  /** One query: findOne with a to-many relation would first select the id in a DISTINCT subquery, then join. */
  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Senior | null> {
    const [senior] = await manager.find(Senior, { where: { id }, relations: { priorityFlags: true } });
    return senior ?? null;
  }

  findByIdNumberHash(hash: string, manager: EntityManager = this.dataSource.manager): Promise<Senior | null> {
    return manager.findOne(Senior, { where: { idNumberHash: hash } });
  }

  async insert(manager: EntityManager, senior: Omit<Senior, 'registeredAt' | 'priorityFlags'>, flags: Array<Pick<SeniorPriorityFlag, 'flag' | 'evidence' | 'validFrom' | 'validUntil'>>): Promise<void> {
    await manager.insert(Senior, senior);
    if (flags.length > 0) await manager.insert(SeniorPriorityFlag, flags.map((f) => ({ ...f, seniorId: senior.id })));
  }

  /** Locks the senior's row so flag changes (and the entitlements derived from them) happen one at a time. */
  async lock(manager: EntityManager, seniorId: string): Promise<boolean> {
    return (await manager.createQueryBuilder(Senior, 's').where('s.id = :seniorId', { seniorId }).setLock('pessimistic_write').getOne()) !== null;
  }

  async insertFlag(manager: EntityManager, seniorId: string, grant: Pick<SeniorPriorityFlag, 'flag' | 'evidence' | 'validFrom' | 'validUntil'>): Promise<void> {
    await manager.insert(SeniorPriorityFlag, { seniorId, flag: grant.flag, evidence: grant.evidence, validFrom: grant.validFrom, validUntil: grant.validUntil, endReason: null });
  }

  findFlag(manager: EntityManager, seniorId: string, grantId: string): Promise<SeniorPriorityFlag | null> {
    return manager.findOne(SeniorPriorityFlag, { where: { id: grantId, seniorId } });
  }

  async endFlag(manager: EntityManager, grantId: string, validUntil: string, endReason: string): Promise<void> {
    await manager.update(SeniorPriorityFlag, { id: grantId }, { validUntil, endReason });
  }
}
