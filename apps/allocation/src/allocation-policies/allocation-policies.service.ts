import { Injectable } from '@nestjs/common';
import { type Actor, type AllocationPolicyDocument, type AllocationPolicyRecord, DomainError } from '@app/contracts';
import { localDate } from '@app/domain';
import { type AllocationPolicy, UNIQUE_VIOLATION } from '@app/persistence';
import { CircleRepository } from '../circle/circle.repository';
import { AllocationPoliciesRepository } from './allocation-policies.repository';
import { allocationPolicyProblems, asAllocationPolicy } from './allocation-policy-document';

/** A district's allocation policy: the version in force, and new versions from today on. */
@Injectable()
export class AllocationPoliciesService {
  constructor(
    private readonly circle: CircleRepository,
    private readonly policies: AllocationPoliciesRepository,
  ) {}

  async get(districtCode: string): Promise<AllocationPolicyRecord> {
    const row = await this.circle.walkingPolicy(districtCode, localDate(new Date()));
    if (!row) throw new DomainError('POLICY_NOT_FOUND', `District ${districtCode} has no allocation policy yet; publish one`);
    return toRecord(row);
  }

  /** A version takes effect today or later: what was decided under an earlier one stays as it was. */
  async publish(command: { districtCode: string; version: string; effectiveFrom: string; policy: unknown }, actor: Actor): Promise<AllocationPolicyRecord> {
    const problems = allocationPolicyProblems(command.policy).map((p) => ({ field: p.path ? `policy.${p.path}` : 'policy', problems: [p.message] }));
    if (command.effectiveFrom < localDate(new Date())) problems.push({ field: 'effectiveFrom', problems: ['must be today or later'] });
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', `The allocation policy has ${problems.length} problem(s)`, problems);
    const conflict = () => new DomainError('CONFLICT', `District ${command.districtCode} already has allocation policy ${command.version}; versions are never changed`);
    if (await this.policies.version(command.districtCode, command.version)) throw conflict();
    const policy = asAllocationPolicy(command.policy);
    try {
      await this.policies.insert({
        districtCode: command.districtCode,
        version: command.version,
        effectiveFrom: command.effectiveFrom,
        walkingSpeedMps: policy.walkingSpeedMps,
        detourFactor: policy.detourFactor,
        circleMinutes: policy.circleMinutes,
        holdHours: policy.holdHours,
        dayCareCancelLeadHours: policy.dayCareCancelLeadHours,
        dayCareMorningStarts: policy.dayCareSessions.morning,
        dayCareAfternoonStarts: policy.dayCareSessions.afternoon,
        createdBy: actor.accountId,
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw conflict();
      throw error;
    }
    return { districtCode: command.districtCode, version: command.version, effectiveFrom: command.effectiveFrom, policy };
  }
}

function toRecord(row: AllocationPolicy): AllocationPolicyRecord {
  const policy: AllocationPolicyDocument = {
    walkingSpeedMps: row.walkingSpeedMps,
    detourFactor: row.detourFactor,
    circleMinutes: row.circleMinutes as AllocationPolicyDocument['circleMinutes'],
    holdHours: row.holdHours,
    dayCareCancelLeadHours: row.dayCareCancelLeadHours,
    dayCareSessions: { morning: row.dayCareMorningStarts, afternoon: row.dayCareAfternoonStarts },
  };
  return { districtCode: row.districtCode, version: row.version, effectiveFrom: row.effectiveFrom, policy };
}
