import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CaregiverRecord, closeVersionsFrom, VisitPlanVersion } from '@app/persistence';

/** The only place that reads and writes caregivers and visit plans. */
@Injectable()
export class HomeCareRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  caregiver(id: string): Promise<CaregiverRecord | null> {
    return this.dataSource.manager.findOne(CaregiverRecord, { where: { id } });
  }

  caregiverByAccount(accountId: string): Promise<CaregiverRecord | null> {
    return this.dataSource.manager.findOne(CaregiverRecord, { where: { accountId } });
  }

  caregivers(districtCode: string): Promise<CaregiverRecord[]> {
    return this.dataSource.manager.find(CaregiverRecord, { where: { districtCode }, order: { name: 'ASC' } });
  }

  async insertCaregiver(row: Omit<CaregiverRecord, 'createdAt'>): Promise<void> {
    await this.dataSource.manager.insert(CaregiverRecord, row);
  }

  planVersions(seniorId: string): Promise<VisitPlanVersion[]> {
    return this.dataSource.manager.find(VisitPlanVersion, { where: { seniorId }, order: { validFrom: 'ASC' } });
  }

  /** The plan version in force on a date, in the caller's transaction. */
  planOn(manager: EntityManager, seniorId: string, date: string): Promise<VisitPlanVersion | null> {
    return manager
      .createQueryBuilder(VisitPlanVersion, 'v')
      .where('v.senior_id = :seniorId AND v.valid_from <= :date AND (v.valid_until IS NULL OR v.valid_until >= :date)', { seniorId, date })
      .getOne();
  }

  /** In the caller's transaction: from `validFrom` the senior has `plan`, or no plan at all (null). */
  async replacePlanFrom(manager: EntityManager, seniorId: string, validFrom: string, plan: object | null, createdBy: string | null): Promise<void> {
    await closeVersionsFrom(manager, 'dispatch.visit_plan_version', seniorId, validFrom);
    if (plan) await manager.insert(VisitPlanVersion, { seniorId, validFrom, validUntil: null, plan, createdBy });
  }

  /** Starts a plan on `validFrom`: later versions are replaced, the one in force the day before ends then; one senior at a time. */
  async startPlan(seniorId: string, validFrom: string, plan: object, createdBy: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await closeVersionsFrom(manager, 'dispatch.visit_plan_version', seniorId, validFrom);
      await manager.insert(VisitPlanVersion, { seniorId, validFrom, validUntil: null, plan, createdBy });
    });
  }
}
