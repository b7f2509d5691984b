import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AllocationPolicy } from '@app/persistence';

/** Versions of the districts' allocation policies, as published (the one in force is read by CircleRepository.walkingPolicy). */
@Injectable()
export class AllocationPoliciesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  version(districtCode: string, version: string): Promise<AllocationPolicy | null> {
    return this.dataSource.manager.findOne(AllocationPolicy, { where: { districtCode, version } });
  }

  async insert(row: Omit<AllocationPolicy, 'id' | 'createdAt'>): Promise<void> {
    await this.dataSource.manager.insert(AllocationPolicy, row);
  }
}
