import { Injectable } from '@nestjs/common';
import { type Actor, DomainError, type MealPolicyRecord } from '@app/contracts';
import { DEFAULT_MEAL_POLICY, DEFAULT_MEAL_POLICY_VERSION, localDate, type MealServicePolicy, validateMealPolicy } from '@app/domain';
import { MealPoliciesRepository } from './meal-policies.repository';

const UNIQUE_VIOLATION = '23505';

export interface MealPolicyInForce {
  version: string;
  policy: MealServicePolicy;
}

/** Districts' meal policies as versions; until a district publishes one, the built-in policy applies and says so. */
@Injectable()
export class MealPoliciesService {
  constructor(private readonly policies: MealPoliciesRepository) {}

  async inForce(districtCode: string, date: string = localDate(new Date())): Promise<MealPolicyInForce> {
    const row = await this.policies.inForce(districtCode, date);
    return row ? { version: row.version, policy: row.policy as MealServicePolicy } : { version: DEFAULT_MEAL_POLICY_VERSION, policy: DEFAULT_MEAL_POLICY };
  }

  async get(districtCode: string, date: string | null): Promise<MealPolicyRecord> {
    const row = await this.policies.inForce(districtCode, date ?? localDate(new Date()));
    return row
      ? { districtCode, version: row.version, effectiveFrom: row.effectiveFrom, policy: row.policy }
      : { districtCode, version: DEFAULT_MEAL_POLICY_VERSION, effectiveFrom: null, policy: DEFAULT_MEAL_POLICY };
  }

  async publish(command: { districtCode: string; version: string; effectiveFrom: string; policy: unknown }, actor: Actor): Promise<MealPolicyRecord> {
    const problems = validateMealPolicy(command.policy);
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', `The meal policy has ${problems.length} problem(s)`, problems.map((p) => ({ field: `policy.${p.path}`, problems: [p.message] })));
    if (await this.policies.version(command.districtCode, command.version)) throw new DomainError('CONFLICT', `District ${command.districtCode} already has meal policy ${command.version}; versions are never changed`);
    try {
      await this.policies.insert({ districtCode: command.districtCode, version: command.version, effectiveFrom: command.effectiveFrom, policy: command.policy as object, createdBy: actor.accountId });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DomainError('CONFLICT', `District ${command.districtCode} already has meal policy ${command.version}`);
      throw error;
    }
    return { districtCode: command.districtCode, version: command.version, effectiveFrom: command.effectiveFrom, policy: command.policy };
  }
}
