// The small rule language of a district policy. Every threshold a bureau sets (levels, item
// scores, ages, flags, living arrangements) is a value inside one of these conditions, so a new
// policy year is new data, never new code. Conditions are plain JSON so a policy can be stored in
// the database and validated on load (policy-validation.ts).

import type { GbtItemCode, LawtonDomainCode, RiskEventType } from '../assessment';
import type { DiagnosisFact, LevelBasis, LivingArrangement, PriorityGroupId, SeniorSex } from './policy-vocabulary';

/** Inclusive bounds; either may be left out. `{}` means "any level". */
export interface ScoreRange {
  readonly min?: number;
  readonly max?: number;
}

export type Condition =
  /** Holds for everyone (e.g. meals open to all). */
  | { readonly kind: 'always' }
  /**
   * The level on the rule's basis (or this condition's own `basis`) lies in the range given for
   * that scale: `gbt` for GB/T 42195 levels 0–4, `shanghai` for Shanghai care levels 0–6.
   * Unknown (not met) when the basis has no usable assessment.
   */
  | { readonly kind: 'level'; readonly basis?: LevelBasis; readonly gbt?: ScoreRange; readonly shanghai?: ScoreRange }
  /** A GB/T 42195 item score from the latest final GB/T result, e.g. B2.3 平地行走 ≤ 2. */
  | { readonly kind: 'gbt-item'; readonly item: GbtItemCode; readonly min?: number; readonly max?: number }
  /** A Lawton IADL domain score (0/1), e.g. B 购物 ≤ 0. Unknown without a Lawton result. */
  | { readonly kind: 'lawton-item'; readonly item: LawtonDomainCode; readonly min?: number; readonly max?: number }
  /** The Barthel Index total (0–100, higher is better), where a district uses it. Unknown without a Barthel result. */
  | { readonly kind: 'barthel-total'; readonly min?: number; readonly max?: number }
  /** At least `min` care-risk events of the listed types in the 30 days before the GB/T assessment. */
  | { readonly kind: 'risk-events'; readonly types: readonly RiskEventType[]; readonly min: number }
  /** A recorded diagnosis: dementia (F00–F03, also read from the GB/T result) or cognitive impairment. */
  | { readonly kind: 'diagnosis'; readonly anyOf: readonly DiagnosisFact[] }
  /** A priority flag granted with evidence and active on the date (raw, as registered). */
  | { readonly kind: 'flag'; readonly anyOf: readonly PriorityGroupId[] }
  /** Membership of a priority group derived by the policy's `priorityGroups` rules. Not allowed inside those rules. */
  | { readonly kind: 'group'; readonly anyOf: readonly PriorityGroupId[] }
  /** Age in completed years (周岁) on the date. */
  | { readonly kind: 'age'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'living'; readonly anyOf: readonly LivingArrangement[] }
  | { readonly kind: 'sex'; readonly anyOf: readonly SeniorSex[] }
  | { readonly kind: 'all'; readonly of: readonly Condition[] }
  | { readonly kind: 'any'; readonly of: readonly Condition[] }
  | { readonly kind: 'not'; readonly of: Condition };

export type ConditionKind = Condition['kind'];

export const CONDITION_KINDS: readonly ConditionKind[] = [
  'always', 'level', 'gbt-item', 'lawton-item', 'barthel-total', 'risk-events', 'diagnosis', 'flag', 'group', 'age', 'living', 'sex', 'all', 'any', 'not',
];
