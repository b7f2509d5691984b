import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, type FieldProblem, type JsonObject, type PolicyVersionRecord } from '@app/contracts';
import { DEFAULT_DISTRICT_POLICIES, type DistrictPolicy, isPolicyInEffect, localDate, selectEffectivePolicy, validateDistrictPolicy } from '@app/domain';
import { DistrictPoliciesRepository } from './district-policies.repository';

export interface ReassessmentTiming {
  routineMonths: number;
  reminderDaysBefore: readonly number[];
  disputeWindowDays: number;
}

/**
 * District policies are versioned data in the database: a district's thresholds, entitlements and
 * reassessment timing, each version effective from a date. The platform ships defaults for a
 * Shanghai (LTCI) district and a non-LTCI district and stores them at first start.
 */
@Injectable()
export class DistrictPoliciesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DistrictPoliciesService.name);

  constructor(private readonly policies: DistrictPoliciesRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const policy of DEFAULT_DISTRICT_POLICIES) {
      const added = await this.policies.insertIfNew({
        districtCode: policy.districtCode,
        version: policy.version,
        effectiveFrom: policy.effectiveFrom,
        document: policy as unknown as Record<string, unknown>,
        createdBy: 'platform-default',
      });
      if (added) this.logger.log(`stored default policy ${policy.id} ${policy.version}`);
    }
  }

  /** The version in force in a district on a date. */
  async effective(manager: EntityManager | null, districtCode: string, date: string): Promise<DistrictPolicy> {
    const rows = await this.policies.forDistrict(districtCode, manager ?? undefined);
    const versions = rows.map((row) => {
      const validation = validateDistrictPolicy(row.document);
      if (!validation.ok) throw new Error(`stored policy ${districtCode} ${row.version} is invalid: ${validation.problems.map((p) => p.path).join(', ')}`);
      return validation.policy;
    });
    const policy = selectEffectivePolicy(versions, districtCode, date);
    if (!policy) throw new DomainError('POLICY_NOT_FOUND', `District ${districtCode} has no policy in force on ${date}; an administrator must publish one`);
    return policy;
  }

  async reassessmentTiming(manager: EntityManager | null, districtCode: string, date: string): Promise<ReassessmentTiming> {
    const { reassessment } = await this.effective(manager, districtCode, date);
    return { routineMonths: reassessment.routineMonths, reminderDaysBefore: reassessment.reminderDaysBeforeDue, disputeWindowDays: reassessment.disputeWindowDays };
  }

  async list(districtCode: string | null): Promise<PolicyVersionRecord[]> {
    const rows = districtCode ? await this.policies.forDistrict(districtCode) : await this.policies.all();
    const today = localDate(new Date());
    return rows.map((row) => toRecord(row.document as DistrictPolicy, today));
  }

  /** Validates a new version and stores it; every problem of the document is reported at once. */
  async publish(document: unknown, createdBy: string): Promise<PolicyVersionRecord> {
    return toRecord(await this.store(document, createdBy), localDate(new Date()));
  }

  private async store(document: unknown, createdBy: string): Promise<DistrictPolicy> {
    const validation = validateDistrictPolicy(document);
    if (!validation.ok) {
      const fields: FieldProblem[] = validation.problems.map((p) => ({ field: p.path, problems: [p.message] }));
      throw new DomainError('VALIDATION_FAILED', 'The policy document is invalid', fields);
    }
    const policy = validation.policy;
    const added = await this.policies.insertIfNew({ districtCode: policy.districtCode, version: policy.version, effectiveFrom: policy.effectiveFrom, document: policy as unknown as Record<string, unknown>, createdBy });
    if (!added) throw new DomainError('CONFLICT', `District ${policy.districtCode} already has a policy version ${policy.version}`);
    return policy;
  }
}

function toRecord(policy: DistrictPolicy, today: string): PolicyVersionRecord {
  return {
    districtCode: policy.districtCode,
    districtName: policy.districtName,
    version: policy.version,
    effectiveFrom: policy.effectiveFrom,
    effectiveUntil: policy.effectiveUntil ?? null,
    inForceToday: isPolicyInEffect(policy, today),
    document: policy as unknown as JsonObject,
  };
}
