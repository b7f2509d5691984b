import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { EntitlementSnapshot } from '@app/persistence';

/** The only place that queries entitlement snapshots. */
@Injectable()
export class EntitlementsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  latest(seniorId: string, manager: EntityManager = this.dataSource.manager): Promise<EntitlementSnapshot | null> {
    return manager.findOne(EntitlementSnapshot, { where: { seniorId }, order: { id: 'DESC' } });
  }

  async insert(manager: EntityManager, snapshot: Pick<EntitlementSnapshot, 'seniorId' | 'entitlements' | 'districtCode' | 'policyVersion' | 'trigger'>): Promise<EntitlementSnapshot> {
    const result = await manager.insert(EntitlementSnapshot, snapshot);
    return (await manager.findOne(EntitlementSnapshot, { where: { id: (result.identifiers[0] as { id: string }).id } }))!;
  }

  /** Seniors of a district whose latest entitlements were derived with another policy version (or never). */
  async seniorsNotOnVersion(districtCode: string, version: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT s.id FROM assessment.senior s
       LEFT JOIN LATERAL (SELECT e.policy_version FROM assessment.entitlement_snapshot e WHERE e.senior_id = s.id ORDER BY e.id DESC LIMIT 1) latest ON true
       WHERE s.district_code = $1 AND latest.policy_version IS DISTINCT FROM $2`,
      [districtCode, version],
    );
    return rows.map((r) => r.id);
  }

  async districtsWithSeniors(): Promise<string[]> {
    const rows: Array<{ district_code: string }> = await this.dataSource.query(`SELECT DISTINCT district_code FROM assessment.senior`);
    return rows.map((r) => r.district_code);
  }

  /** Seniors of a district with a priority flag that starts today or ended yesterday: their entitlements change today. */
  async seniorsWithFlagBoundary(districtCode: string, today: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT DISTINCT s.id FROM assessment.senior s JOIN assessment.senior_priority_flag f ON f.senior_id = s.id
       WHERE s.district_code = $1 AND (f.valid_from = $2::date OR f.valid_until = $2::date - 1)`,
      [districtCode, today],
    );
    return rows.map((r) => r.id);
  }
}
