import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DistrictPolicyRecord } from '@app/persistence';

/** The only place that queries district policy versions. */
@Injectable()
export class DistrictPoliciesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  forDistrict(districtCode: string, manager: EntityManager = this.dataSource.manager): Promise<DistrictPolicyRecord[]> {
    return manager.find(DistrictPolicyRecord, { where: { districtCode }, order: { effectiveFrom: 'ASC' } });
  }

  all(): Promise<DistrictPolicyRecord[]> {
    return this.dataSource.manager.find(DistrictPolicyRecord, { order: { districtCode: 'ASC', effectiveFrom: 'ASC' } });
  }

  /** Stores a version unless the district already has one with that label. Returns whether it was new. */
  async insertIfNew(record: Pick<DistrictPolicyRecord, 'districtCode' | 'version' | 'effectiveFrom' | 'document' | 'createdBy'>): Promise<boolean> {
    const result = await this.dataSource.manager.createQueryBuilder().insert().into(DistrictPolicyRecord).values(record).orIgnore().execute();
    return (result.raw as unknown[]).length > 0;
  }
}
