/**
 * A district's meal service policy, as versioned data: for each slot it serves, when orders for a
 * meal date freeze, when meals reach the door and what a meal costs; how long a hot meal may take
 * from packing to the door; and how many refusals or missed deliveries call for a reassessment.
 * (Named MealServicePolicy because the entitlement policy's `meals` section is already `MealPolicy`.)
 */
import { addDays, DISTRICT_TIME_ZONE } from '../calendar';
import { at, JsonChecks } from '../entitlements/json-checks';
import { HH_MM, localInstant } from '../calendar/clock-time';
import { DEFAULT_ESCALATION_LADDER, type LadderStep, validateLadder } from '../meal-delivery/escalation-ladder';
import { type MealProblem, mealProblems } from './meal-problems';
import { MEAL_SLOTS, type MealSlot } from './meal-vocabulary';

export interface MealSlotPolicy {
  /** Local HH:MM when orders for the meal date freeze (the kitchen's production list is built then). */
  readonly cutoff: string;
  /** 0: the cutoff is on the meal date itself (lunch orders close at 09:00 that morning); 1: the day before. */
  readonly cutoffDaysBefore: number;
  /** Local HH:MM: when meals reach the door, and when the canteen serves. */
  readonly deliveryWindow: { readonly from: string; readonly to: string };
  /** Full price of one meal in fen, before subsidy. */
  readonly priceFen: number;
}

/** So many refusals, or so many missed meals, within so many days call for a reassessment. */
export interface MealReassessmentRule {
  readonly refusals: number;
  readonly nonDeliveries: number;
  readonly withinDays: number;
}

export interface MealServicePolicy {
  /** The slots the district serves; a slot not listed is not served. */
  readonly slots: Readonly<Partial<Record<MealSlot, MealSlotPolicy>>>;
  /** Food safety: longest time a hot meal may take from packing to the door. */
  readonly maxPackToDoorMinutes: number;
  readonly reassessment: MealReassessmentRule;
  /** The "no answer at the door" ladder; absent: DEFAULT_ESCALATION_LADDER. */
  readonly escalation?: readonly LadderStep[];
}

/** The district's ladder, or the built-in one. */
export function escalationLadder(policy: MealServicePolicy): readonly LadderStep[] {
  return policy.escalation ?? DEFAULT_ESCALATION_LADDER;
}

/** What a district has until it publishes its own: lunch and dinner, no breakfast. Amounts are [assumption]. */
export const DEFAULT_MEAL_POLICY: Readonly<MealServicePolicy> = Object.freeze({
  slots: {
    lunch: { cutoff: '09:00', cutoffDaysBefore: 0, deliveryWindow: { from: '10:30', to: '12:30' }, priceFen: 1500 },
    dinner: { cutoff: '14:00', cutoffDaysBefore: 0, deliveryWindow: { from: '16:30', to: '18:00' }, priceFen: 1200 },
  },
  maxPackToDoorMinutes: 45,
  reassessment: { refusals: 3, nonDeliveries: 3, withinDays: 14 },
});

export const DEFAULT_MEAL_POLICY_VERSION = 'built-in-2026';

/** The rules of one slot; throws when the district does not serve it (validateSubscriptionTerms refuses such a slot first). */
export function mealSlotPolicy(policy: MealServicePolicy, slot: MealSlot): MealSlotPolicy {
  const rules = policy.slots[slot];
  if (rules === undefined) throw new RangeError(`the meal policy serves no ${slot}`);
  return rules;
}

/** The instant orders for `slot` on `mealDate` freeze: the policy's local cutoff time, `cutoffDaysBefore` days earlier. */
export function cutoffInstant(policy: MealServicePolicy, slot: MealSlot, mealDate: string, timeZone: string = DISTRICT_TIME_ZONE): Date {
  const rules = mealSlotPolicy(policy, slot);
  return localInstant(addDays(mealDate, -rules.cutoffDaysBefore), rules.cutoff, timeZone);
}

/** Whether orders for that meal may still change at `now`: never at the cutoff instant itself or after, nor for a slot the district does not serve. */
export function isBeforeCutoff(policy: MealServicePolicy, slot: MealSlot, mealDate: string, now: Date, timeZone: string = DISTRICT_TIME_ZONE): boolean {
  return policy.slots[slot] !== undefined && now.getTime() < cutoffInstant(policy, slot, mealDate, timeZone).getTime();
}

/** Every problem with a policy document, each naming its path; empty when the policy can be used. */
export function validateMealPolicy(input: unknown): MealProblem[] {
  if (input === undefined) return [{ path: '$', message: 'the meal policy must be an object, got nothing' }];
  const checks = new JsonChecks();
  const policy = checks.object(input, '', ['slots', 'maxPackToDoorMinutes', 'reassessment'], ['escalation']);
  if (policy === undefined) return mealProblems(checks);
  const slots = checks.object(policy['slots'], 'slots', [], MEAL_SLOTS);
  if (slots !== undefined) {
    const served = MEAL_SLOTS.filter((slot) => slots[slot] !== undefined);
    if (served.length === 0) checks.report('MISSING_FIELD', 'slots', `the policy serves no meal: give at least one of ${MEAL_SLOTS.join(', ')}`);
    for (const slot of served) checkSlot(checks, slots[slot], at('slots', slot));
  }
  checks.number(policy['maxPackToDoorMinutes'], 'maxPackToDoorMinutes', { min: 1, max: 240, integer: true });
  const reassessment = checks.object(policy['reassessment'], 'reassessment', ['refusals', 'nonDeliveries', 'withinDays']);
  if (reassessment !== undefined) {
    checks.number(reassessment['refusals'], 'reassessment.refusals', { min: 1, max: 100, integer: true });
    checks.number(reassessment['nonDeliveries'], 'reassessment.nonDeliveries', { min: 1, max: 100, integer: true });
    checks.number(reassessment['withinDays'], 'reassessment.withinDays', { min: 1, max: 365, integer: true });
  }
  const ladderProblems = policy['escalation'] === undefined ? [] : validateLadder(policy['escalation']).map((p) => ({ path: `escalation${p.path.startsWith('[') ? '' : '.'}${p.path === '$' ? '' : p.path}`, message: p.message }));
  return [...mealProblems(checks), ...ladderProblems];
}

function checkSlot(checks: JsonChecks, value: unknown, path: string): void {
  const slot = checks.object(value, path, ['cutoff', 'cutoffDaysBefore', 'deliveryWindow', 'priceFen']);
  if (slot === undefined) return;
  const cutoff = checks.string(slot['cutoff'], at(path, 'cutoff'), HH_MM);
  const daysBefore = checks.number(slot['cutoffDaysBefore'], at(path, 'cutoffDaysBefore'), { min: 0, max: 7, integer: true });
  checks.number(slot['priceFen'], at(path, 'priceFen'), { min: 0, max: 100_000, integer: true });
  const windowPath = at(path, 'deliveryWindow');
  const window = checks.object(slot['deliveryWindow'], windowPath, ['from', 'to']);
  if (window === undefined) return;
  const from = checks.string(window['from'], at(windowPath, 'from'), HH_MM);
  const to = checks.string(window['to'], at(windowPath, 'to'), HH_MM);
  if (from !== undefined && to !== undefined && to <= from) checks.report('DATE_ORDER', at(windowPath, 'to'), `the delivery window must end after it starts (${from}–${to})`);
  if (cutoff !== undefined && daysBefore === 0 && from !== undefined && cutoff >= from) {
    checks.report('DATE_ORDER', at(path, 'cutoff'), `the cutoff ${cutoff} must be before the delivery window opens at ${from}, or the kitchen cannot cook what is ordered`);
  }
}
