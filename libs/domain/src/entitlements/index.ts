// Public entry of the district entitlement-policy rules. Pure: no clock, no I/O, no framework.
// Internal helpers (JSON checks, condition evaluation, level resolution) stay private.

export type {
  BedType,
  DiagnosisFact,
  LapsedLevelHandling,
  LevelBasis,
  LevelScale,
  LivingArrangement,
  PriorityGroupId,
  SeniorSex,
} from './policy-vocabulary';
export {
  BED_TYPES,
  BED_TYPE_NAMES,
  DIAGNOSIS_FACTS,
  LEVEL_BASES,
  LEVEL_SCALES,
  LIVING_ARRANGEMENT_IDS,
  PRIORITY_GROUP_IDS,
  PRIORITY_GROUP_NAMES,
  SENIOR_SEXES,
} from './policy-vocabulary';

export type { Condition, ConditionKind, ScoreRange } from './policy-conditions';
export { CONDITION_KINDS } from './policy-conditions';
export type {
  ContinuousCareBonus,
  ContinuousCareBonusStep,
  DistrictPolicy,
  HomeCarePolicy,
  HomeCareScheme,
  LevelTable,
  MealPolicy,
  MealSubsidyTier,
  PolicyRule,
  PriorityGroupRule,
  ReassessmentPolicy,
  SafetyPolicy,
  TextureModifiedDietRule,
} from './district-policy';
export { POLICY_CURRENCY } from './district-policy';

export type { PolicyProblem, PolicyProblemCode, PolicyValidation } from './policy-problems';
export { formatPolicyProblems } from './policy-problems';
export { validateDistrictPolicy } from './policy-validation';
export type { PolicySelection } from './policy-selection';
export { comparePolicyVersions, explainPolicySelection, isPolicyInEffect, selectEffectivePolicy } from './policy-selection';

export type { ReassessmentSchedule, ReassessmentStatus } from './reassessment-schedule';
export { reassessmentSchedule, reassessmentStatusOn } from './reassessment-schedule';

export type { DatedResult, SeniorFacts } from './senior-facts';
export type {
  EntitlementReasons,
  Entitlements,
  HomeCareEntitlement,
  HomeCareSchemeId,
  HomeCareSource,
  LevelUsed,
  MealEntitlement,
  SafetyFlags,
} from './entitlements';
export { deriveEntitlements } from './derive-entitlements';
export type { EntitlementChange, EntitlementChangeKind } from './entitlements-diff';
export { diffEntitlements, hasEntitlementChanges } from './entitlements-diff';

export { DEFAULT_DISTRICT_POLICIES, SHANGHAI_MINHANG_POLICY, WUXI_XINWU_POLICY } from './default-policies';
