import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CaregiverRecord, VisitPlanVersion } from '@app/persistence';

/** The only place that reads and writes caregivers and visit plans. */
@Injectable()
export class HomeCareRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  caregiver(id: string): Promise<CaregiverRecord | null> {
    return this.dataSource.manager.findOne(CaregiverRecord, { where: { id } });
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

  /** Starts a plan on `validFrom`: later versions are replaced, the one in force the day before ends then; one senior at a time. */
  async startPlan(seniorId: string, validFrom: string, plan: object, createdBy: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT 1 FROM dispatch.senior_view WHERE senior_id = $1 FOR UPDATE`, [seniorId]);
      await manager.query(`DELETE FROM dispatch.visit_plan_version WHERE senior_id = $1 AND valid_from >= $2`, [seniorId, validFrom]);
      await manager.query(`UPDATE dispatch.visit_plan_version SET valid_until = $2::date - 1 WHERE senior_id = $1 AND valid_from < $2 AND (valid_until IS NULL OR valid_until >= $2)`, [seniorId, validFrom]);
      await manager.insert(VisitPlanVersion, { seniorId, validFrom, validUntil: null, plan, createdBy });
    });
  }
}
