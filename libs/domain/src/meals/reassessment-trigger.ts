/**
 * Couriers' observations as a welfare signal: a senior who keeps refusing meals or missing them may
 * have changed, so the district's meal policy says how many of each within how many days call for
 * a reassessment. The reason names the counts and the rule, for the assessor and the family.
 */
import { addDays } from '../calendar';
import type { MealReassessmentRule } from './meal-policy';

/** One meal's outcome at the door: 'delivered', 'refused', 'not-home', 'hospitalised', 'address-problem'. */
export interface MealObservation {
  readonly date: string;
  readonly outcome: string;
}

export interface ReassessmentVerdict {
  readonly due: boolean;
  /** Null when not due. */
  readonly reason: string | null;
}

/** Missed meals say something about the senior; an address problem is the platform's to fix, so it does not count. */
const MISSED = new Set(['not-home', 'hospitalised']);

/** Whether the outcomes of the `withinDays` days ending `today` (inclusive) reach either of the rule's counts. */
export function reassessmentDue(history: readonly MealObservation[], rule: MealReassessmentRule, today: string): ReassessmentVerdict {
  const from = addDays(today, -(rule.withinDays - 1));
  const recent = history.filter((o) => from <= o.date && o.date <= today);
  const refused = recent.filter((o) => o.outcome === 'refused').length;
  const missed = recent.filter((o) => MISSED.has(o.outcome)).length;
  const reasons = [
    refused >= rule.refusals ? `${refused} meals refused from ${from} to ${today} (the policy calls for a reassessment at ${rule.refusals} within ${rule.withinDays} days)` : null,
    missed >= rule.nonDeliveries ? `${missed} meals missed (not home or in hospital) from ${from} to ${today} (the policy calls for a reassessment at ${rule.nonDeliveries} within ${rule.withinDays} days)` : null,
  ].filter((r) => r !== null);
  return { due: reasons.length > 0, reason: reasons.length > 0 ? reasons.join('; ') : null };
}
