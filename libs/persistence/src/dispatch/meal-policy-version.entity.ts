import { Entity, Index } from 'typeorm';
import { DistrictPolicyVersionColumns } from './district-policy-version-columns';

/**
 * A version of a district's meal policy (the domain's MealPolicy): cutoffs and delivery windows per
 * slot, prices, the pack-to-door limit for hot meals, when repeated non-deliveries ask for a
 * reassessment.
 */
@Entity({ schema: 'dispatch', name: 'meal_policy_version' })
@Index('meal_policy_version_unique', ['districtCode', 'version'], { unique: true })
export class MealPolicyVersion extends DistrictPolicyVersionColumns {}
