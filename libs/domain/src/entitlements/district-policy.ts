// A district's entitlement policy: versioned, effective-dated data. Every district sets its own
// thresholds per year (domain.md "Assessment drives entitlement"), so nothing here is a constant in
// code: the rules engine (derive-entitlements.ts) only reads this object. The same shape is what a
// policy stored as JSON must have; validateDistrictPolicy checks it on load.

import type { IsoDate } from './date-checks';
import type { Condition } from './policy-conditions';
import type { BedType, LapsedLevelHandling, LevelBasis, LevelScale, PriorityGroupId } from './policy-vocabulary';

/** Money is integer fen (分) throughout; the field states it so a policy in yuan is rejected, not misread. */
export const POLICY_CURRENCY = 'CNY-fen';

/** One entitlement rule. `source` (a regulation or the bureau's decision) is quoted in the reasons. */
export interface PolicyRule {
  /** Which assessment's level the rule's `level` conditions read. Defaults to the policy's `levelBasis`. */
  readonly basis?: LevelBasis;
  readonly when: Condition;
  readonly source?: string;
}

/** Level → count table on one scale. JSON keys are the level as a string ("2"); a missing level means none. */
export type LevelTable = Readonly<Record<string, number>>;

export interface ContinuousCareBonusStep {
  /** Applies when the continuous-care months are strictly more than this ("连续照护超过6个月"). */
  readonly overMonths: number;
  readonly extraHoursPerMonth: number;
  /** Cash the senior may choose instead of the hours, fen per month; null when no cash option. */
  readonly cashAlternativeFenPerMonth: number | null;
}

export interface ContinuousCareBonus {
  /** Levels (on the scheme's scale) that earn the bonus. */
  readonly levels: readonly number[];
  /** The step with the largest `overMonths` below the senior's months applies. */
  readonly steps: readonly ContinuousCareBonusStep[];
  readonly source?: string;
}

/** A home-care funding scheme: LTCI (长期护理保险) or government-purchased services (政府购买居家养老服务). */
export interface HomeCareScheme {
  /** Shown to families, e.g. "上海长期护理保险 社区居家照护". */
  readonly name: string;
  /** The level scale `weeklyVisits` is keyed by. A scheme reads exactly one instrument. */
  readonly scale: LevelScale;
  /** Further conditions (age, insurance, priority groups). */
  readonly eligibleWhen: Condition;
  readonly weeklyVisits: LevelTable;
  readonly visitMinutes: number;
  /** Share of the fee the fund pays, 0–100; the senior co-pays the rest. */
  readonly fundSharePercent: number;
  readonly continuousCareBonus: ContinuousCareBonus | null;
  readonly source?: string;
}

export interface HomeCarePolicy {
  /** Tried first; when it gives no visits, `purchased` is tried. Null in non-LTCI districts. */
  readonly ltci: HomeCareScheme | null;
  readonly purchased: HomeCareScheme | null;
}

export interface MealSubsidyTier extends PolicyRule {
  /** Stable id carried in entitlements and bills, e.g. "tier-1". */
  readonly id: string;
  readonly name: string;
  readonly fenPerMeal: number;
}

export interface MealPolicy {
  /** Who may use meal assistance at all (助餐 is for all older adults, usually from 60). */
  readonly eligible: PolicyRule;
  /** Delivery (送餐) instead of canteen dining (堂食). */
  readonly delivery: PolicyRule;
  /** In priority order: the first tier whose condition holds applies. */
  readonly subsidyTiers: readonly MealSubsidyTier[];
}

export interface TextureModifiedDietRule extends PolicyRule {
  /**
   * Suggested IDDSI food level (3–7) by B1.1 进食 score, for the kitchen to propose and a
   * clinician to confirm. A score missing from the table gives no suggestion.
   */
  readonly iddsiByEatingScore: LevelTable;
}

export interface SafetyPolicy {
  readonly textureModifiedDiet: TextureModifiedDietRule;
  readonly fallRisk: PolicyRule;
  readonly wanderingRisk: PolicyRule;
}

export interface ReassessmentPolicy {
  /** Routine reassessment this many months after the last final GB/T result. */
  readonly routineMonths: number;
  /** Reminder this many days before the due date, e.g. [60, 30]. */
  readonly reminderDaysBeforeDue: readonly number[];
  /** A dispute reassessment may be requested up to this many days after the assessment. */
  readonly disputeWindowDays: number;
  /** Days after the due date before the assessment counts as overdue. */
  readonly overdueGraceDays: number;
  /** Whether an overdue GB/T level still gates entitlements (spec §8 default: keep, and raise a task). */
  readonly whenOverdue: LapsedLevelHandling;
  /** Whether a Shanghai record past its validity end still gives its care level. */
  readonly whenShanghaiRecordExpired: LapsedLevelHandling;
}

export interface PriorityGroupRule {
  readonly name: string;
  readonly basis?: LevelBasis;
  /** May not use `group` conditions: groups are derived from facts, not from each other. */
  readonly when: Condition;
  readonly source?: string;
}

export interface DistrictPolicy {
  /** Short slug for reasons and logs, e.g. "sh-minhang". */
  readonly id: string;
  /** Six-digit administrative division code (GB/T 2260), e.g. "310112". */
  readonly districtCode: string;
  readonly districtName: string;
  /** The bureau's version label, e.g. "2026.1". */
  readonly version: string;
  /** First day in force (inclusive). */
  readonly effectiveFrom: IsoDate;
  /** Last day in force (inclusive); absent while open-ended. */
  readonly effectiveUntil?: IsoDate;
  readonly currency: typeof POLICY_CURRENCY;
  /** Default basis for rules without their own, and the level reported as `levelUsed`. */
  readonly levelBasis: LevelBasis;
  readonly reassessment: ReassessmentPolicy;
  /** Every priority group has a rule, so membership is always explained. */
  readonly priorityGroups: Readonly<Record<PriorityGroupId, PriorityGroupRule>>;
  readonly beds: Readonly<Record<BedType, PolicyRule>>;
  readonly subsidisedBed: PolicyRule;
  readonly dayCare: PolicyRule;
  readonly homeCare: HomeCarePolicy;
  readonly meals: MealPolicy;
  readonly safety: SafetyPolicy;
}
