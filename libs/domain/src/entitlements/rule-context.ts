// What every rule of derive-entitlements needs: the evaluated facts, the policy, and one way of
// writing a reason so that each names the policy version and the path of the rule that decided.

import { type ConditionContext, type Verdict, evaluateCondition } from './condition-evaluation';
import type { DistrictPolicy, PolicyRule } from './district-policy';
import type { LevelBasis } from './policy-vocabulary';

export interface RuleContext extends ConditionContext {
  readonly policy: DistrictPolicy;
}

/** "(policy sh-minhang 2026.1, homeCare.ltci.weeklyVisits[4]; 沪医保规〔2021〕…)" */
export function cite(policy: DistrictPolicy, path: string, source?: string): string {
  return `(policy ${policy.id} ${policy.version}, ${path}${source === undefined ? '' : `; ${source}`})`;
}

export function evaluateRule(rule: PolicyRule, context: RuleContext, basis?: LevelBasis): Verdict {
  return evaluateCondition(rule.when, context, basis ?? rule.basis ?? context.policy.levelBasis);
}

/**
 * One reason line for a yes/no rule: "<granted>: why (policy …)" or "<refused>: why (policy …)".
 * An unknown verdict says so, because "not yet assessed" and "assessed and refused" lead families
 * to different next steps.
 */
export function ruleReason(verdict: Verdict, granted: string, refused: string, citation: string): string {
  if (verdict.truth === 'yes') return `${granted}: ${verdict.text} ${citation}`;
  if (verdict.truth === 'no') return `${refused}: ${verdict.text} ${citation}`;
  return `${refused} (not known yet): ${verdict.text} ${citation}`;
}

/** 4000 → "40.00 yuan"; integer arithmetic, so no floating-point cents. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')} yuan`;
}

/** Hours with at most two decimals and no trailing zeros: 3, 2.25, 0.5. */
export function hoursText(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}
