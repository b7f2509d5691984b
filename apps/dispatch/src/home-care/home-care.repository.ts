import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { addDays } from '@app/domain';
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

  /**
   * In the caller's transaction, under the senior's lock: every plan version in force on or after
   * `from` is put through `fit`; one already running is split at `from` (the past stays as it was),
   * one not yet started is replaced in place, or removed when no plan remains.
   */
  async refitPlansFrom(manager: EntityManager, seniorId: string, from: string, fit: (plan: object) => { plan: object | null; changed: boolean }): Promise<number> {
    await manager.query(`SELECT 1 FROM dispatch.senior_view WHERE senior_id = $1 FOR UPDATE`, [seniorId]);
    const versions = await manager.find(VisitPlanVersion, { where: { seniorId }, order: { validFrom: 'ASC' } });
    let changed = 0;
    for (const version of versions.filter((v) => v.validUntil === null || v.validUntil >= from)) {
      const fitted = fit(version.plan as object);
      if (!fitted.changed) continue;
      changed++;
      if (version.validFrom < from) {
        await manager.update(VisitPlanVersion, { id: version.id }, { validUntil: addDays(from, -1) });
        if (fitted.plan) await manager.insert(VisitPlanVersion, { seniorId, validFrom: from, validUntil: version.validUntil, plan: fitted.plan, createdBy: null });
      } else if (fitted.plan) {
        await manager.update(VisitPlanVersion, { id: version.id }, { plan: fitted.plan, createdBy: null });
      } else {
        await manager.delete(VisitPlanVersion, { id: version.id });
      }
    }
    return changed;
  }

  /** Starts a plan on `validFrom`: later versions are replaced, the one in force the day before ends then; one senior at a time. */
  async startPlan(seniorId: string, validFrom: string, plan: object, createdBy: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await closeVersionsFrom(manager, 'dispatch.visit_plan_version', seniorId, validFrom);
      await manager.insert(VisitPlanVersion, { seniorId, validFrom, validUntil: null, plan, createdBy });
    });
  }
}
