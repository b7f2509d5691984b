// Level changes shared by GB/T 42195 (C.4) and MZ/T 039 (§2.3): a coma rule that sets the level
// outright, then "raise one level" rules, capped at the top level. The standards leave open
// whether two raises add up; that, and how risk events are counted, are policy flags whose
// defaults come from the spec (§1.4 open points 1 and 2).

import type { AssessmentProblem } from './assessment-problem';
import { type JsonObject, readPolicyFlag } from './answer-parsing';
import type { LevelChange, SuppressedLevelChange } from './instrument';
import type { RiskEventCounting } from './risk-events';

export type StackingPolicy = 'cumulative' | 'single';

// A type alias (not an interface) so it fits InstrumentResult's `Record<string, string>` policy.
export type LevelChangePolicy = {
  /** `cumulative`: dementia +1 and risk events +1 add up (+2). `single`: at most +1 in total. */
  readonly stacking: StackingPolicy;
  /** `total`: 1 fall + 1 choking = 2 events. `per-type`: needs 2 of the same type. */
  readonly riskEventCounting: RiskEventCounting;
};

export const DEFAULT_LEVEL_CHANGE_POLICY: LevelChangePolicy = { stacking: 'cumulative', riskEventCounting: 'total' };

export const LEVEL_CHANGE_POLICY_FLAGS = ['stacking', 'riskEventCounting'] as const;

const STACKING_SPELLINGS: Readonly<Record<string, StackingPolicy>> = {
  cumulative: 'cumulative', stack: 'cumulative', stacked: 'cumulative', additive: 'cumulative',
  single: 'single', max: 'single', 'max-one': 'single', 'at-most-one': 'single',
};
const COUNTING_SPELLINGS: Readonly<Record<string, RiskEventCounting>> = {
  total: 'total', sum: 'total', 'across-types': 'total', all: 'total',
  'per-type': 'per-type', 'by-type': 'per-type', 'same-type': 'per-type',
};

export function readLevelChangePolicy(policy: JsonObject, problems: AssessmentProblem[]): LevelChangePolicy {
  return {
    stacking: readPolicyFlag(policy, 'stacking', STACKING_SPELLINGS, DEFAULT_LEVEL_CHANGE_POLICY.stacking, problems),
    riskEventCounting: readPolicyFlag(policy, 'riskEventCounting', COUNTING_SPELLINGS, DEFAULT_LEVEL_CHANGE_POLICY.riskEventCounting, problems),
  };
}

export interface LevelChangeRule {
  readonly code: string;
  readonly rule: string;
  /** Why the condition holds (or would hold), written for the report. */
  readonly reason: string;
  readonly met: boolean;
}

export interface LevelChangeInput {
  readonly preliminary: number;
  readonly maxLevel: number;
  readonly levelName: (level: number) => string;
  /** Coma sets the level outright and overrides the raises (GB/T → 4, MZ/T → 3). */
  readonly coma: LevelChangeRule & { readonly level: number };
  /** "Raise one level" rules, applied in this order. */
  readonly raises: readonly LevelChangeRule[];
  readonly stacking: StackingPolicy;
  /** MZ/T 039 only: when the preliminary level is already the top level, no change applies. */
  readonly freezeAtTop: boolean;
}

export interface LevelChangeOutcome {
  readonly finalLevel: number;
  readonly changes: readonly LevelChange[];
  readonly suppressedChanges: readonly SuppressedLevelChange[];
}

export function applyLevelChanges(input: LevelChangeInput): LevelChangeOutcome {
  const met = [input.coma, ...input.raises].filter((r) => r.met);
  const suppress = (rule: LevelChangeRule, suppressedBy: SuppressedLevelChange['suppressedBy']): SuppressedLevelChange => ({
    code: rule.code,
    rule: rule.rule,
    reason: rule.reason,
    suppressedBy,
  });
  const change = (rule: LevelChangeRule, from: number, to: number, capped: boolean): LevelChange => ({
    code: rule.code,
    rule: rule.rule,
    reason: capped ? `${rule.reason}; capped at ${input.maxLevel} ${input.levelName(input.maxLevel)}` : rule.reason,
    from,
    to,
    fromName: input.levelName(from),
    toName: input.levelName(to),
    capped,
  });

  if (input.freezeAtTop && input.preliminary === input.maxLevel) {
    return { finalLevel: input.preliminary, changes: [], suppressedChanges: met.map((r) => suppress(r, 'SEVERE_LEVEL_FROZEN')) };
  }

  if (input.coma.met) {
    const to = input.coma.level;
    return {
      finalLevel: to,
      changes: [change(input.coma, input.preliminary, to, false)],
      suppressedChanges: input.raises.filter((r) => r.met).map((r) => suppress(r, 'COMA_OVERRIDES')),
    };
  }

  let level = input.preliminary;
  const changes: LevelChange[] = [];
  const suppressedChanges: SuppressedLevelChange[] = [];
  for (const rule of input.raises.filter((r) => r.met)) {
    if (input.stacking === 'single' && changes.length > 0) {
      suppressedChanges.push(suppress(rule, 'SINGLE_STACKING'));
      continue;
    }
    const to = Math.min(input.maxLevel, level + 1);
    changes.push(change(rule, level, to, to === level));
    level = to;
  }
  return { finalLevel: level, changes, suppressedChanges };
}
