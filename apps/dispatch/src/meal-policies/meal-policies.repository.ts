import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MealPolicyVersion } from '@app/persistence';

/** The only place that reads and writes districts' meal policy versions. */
@Injectable()
export class MealPoliciesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The latest version that has started on the date. */
  inForce(districtCode: string, date: string): Promise<MealPolicyVersion | null> {
    return this.dataSource.manager
      .createQueryBuilder(MealPolicyVersion, 'p')
      .where('p.district_code = :districtCode AND p.effective_from <= :date', { districtCode, date })
      .orderBy('p.effective_from', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .getOne();
  }

  version(districtCode: string, version: string): Promise<MealPolicyVersion | null> {
    return this.dataSource.manager.findOne(MealPolicyVersion, { where: { districtCode, version } });
  }

  async insert(row: Omit<MealPolicyVersion, 'id' | 'createdAt'>): Promise<void> {
    await this.dataSource.manager.insert(MealPolicyVersion, row);
  }
}
