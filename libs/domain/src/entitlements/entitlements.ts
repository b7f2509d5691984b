// What a senior is entitled to on a date, as published in `entitlements.changed`. Plain JSON: no
// Dates, no undefined (absent values are null), so it survives the queue and the database as is.

import type { IsoDate } from './date-checks';
import type { BedType, LevelScale, PriorityGroupId } from './policy-vocabulary';

export type HomeCareSchemeId = 'ltci' | 'purchased';

export interface LevelUsed {
  /** The instrument id (`GB/T 42195-2022`, `Shanghai 老年照护统一需求评估`), null without a usable assessment. */
  readonly instrument: string | null;
  readonly scale: LevelScale | null;
  readonly level: number | null;
  readonly levelName: string | null;
  readonly assessedOn: IsoDate | null;
  /** The assessment is overdue (GB/T) or past its validity (Shanghai) but the policy keeps its level. */
  readonly expired: boolean;
}

export interface HomeCareSource {
  readonly scheme: HomeCareSchemeId;
  readonly name: string;
  readonly instrument: string;
  readonly level: number;
}

export interface HomeCareEntitlement {
  /** Null when there is no home-care entitlement. */
  readonly source: HomeCareSource | null;
  readonly visitsPerWeek: number;
  readonly visitMinutes: number | null;
  readonly hoursPerWeek: number;
  /** Continuous-care bonus, in hours per month (not per week), or the cash alternative. */
  readonly bonusHoursPerMonth: number;
  readonly bonusCashAlternativeFenPerMonth: number | null;
  readonly fundSharePercent: number | null;
  readonly coPayPercent: number | null;
}

export interface MealEntitlement {
  readonly eligible: boolean;
  /** Delivery (送餐) instead of canteen dining (堂食). */
  readonly delivery: boolean;
  readonly subsidyTier: string | null;
  readonly subsidyFenPerMeal: number;
}

export interface SafetyFlags {
  readonly textureModifiedDiet: boolean;
  /** Suggested IDDSI food level for the kitchen, to be confirmed by a clinician. */
  readonly iddsiLevel: number | null;
  readonly fallRisk: boolean;
  readonly wanderingRisk: boolean;
}

export interface EntitlementReasons {
  readonly levelUsed: readonly string[];
  readonly bedTypes: readonly string[];
  readonly subsidisedBed: readonly string[];
  readonly dayCare: readonly string[];
  readonly homeCare: readonly string[];
  readonly meals: readonly string[];
  readonly safety: readonly string[];
  readonly priorityGroups: readonly string[];
}

export interface Entitlements {
  readonly asOf: IsoDate;
  readonly policy: { readonly id: string; readonly districtCode: string; readonly version: string };
  readonly levelUsed: LevelUsed;
  /** In the order of BED_TYPES. */
  readonly bedTypes: readonly BedType[];
  /** Qualifies for a subsidised basic bed (保基本床位). */
  readonly subsidisedBed: boolean;
  readonly dayCare: boolean;
  readonly homeCare: HomeCareEntitlement;
  readonly meals: MealEntitlement;
  readonly safety: SafetyFlags;
  /** In the order of PRIORITY_GROUP_IDS. */
  readonly priorityGroups: readonly PriorityGroupId[];
  /** One line per rule that was evaluated, naming the rule's policy path. */
  readonly reasons: EntitlementReasons;
  /** Inputs that were ignored or looked wrong (not entitlements; not compared by diffEntitlements). */
  readonly warnings: readonly string[];
}
