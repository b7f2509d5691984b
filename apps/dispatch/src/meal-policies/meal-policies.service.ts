import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DEFAULT_MEAL_POLICY, DEFAULT_MEAL_POLICY_VERSION, type MealServicePolicy, validateMealPolicy } from '@app/domain';
import { MealPolicyVersion } from '@app/persistence';
import { DistrictPolicyVersions, type PolicyInForce } from '../district-policies/district-policy-versions';

export type MealPolicyInForce = PolicyInForce<MealServicePolicy>;

/** Districts' meal policies as versions; until a district publishes one, the built-in policy applies and says so. */
@Injectable()
export class MealPoliciesService extends DistrictPolicyVersions<MealServicePolicy> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, { name: 'meal policy', entity: MealPolicyVersion, builtIn: { version: DEFAULT_MEAL_POLICY_VERSION, policy: DEFAULT_MEAL_POLICY }, validate: validateMealPolicy });
  }
}
