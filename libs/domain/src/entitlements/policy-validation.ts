// Validates a district policy loaded from JSON or the database, reporting every problem at once
// with its path. The checks mirror district-policy.ts field by field; unknown fields are errors
// because a misspelt threshold would otherwise be ignored and the rule would silently change.

import { type ConditionScope, checkCondition } from './condition-validation';
import { type DistrictPolicy, POLICY_CURRENCY } from './district-policy';
import { JsonChecks, type JsonObject, at, isJsonObject, item } from './json-checks';
import type { PolicyValidation } from './policy-problems';
import {
  BED_TYPES,
  LAPSED_LEVEL_HANDLING,
  LEVEL_BASES,
  LEVEL_SCALES,
  LEVEL_SCALE_MAX,
  type LevelBasis,
  type LevelScale,
  PRIORITY_GROUP_IDS,
} from './policy-vocabulary';

const SLUG = { regex: /^[a-z0-9]+(-[a-z0-9]+)*$/, description: 'lower-case letters, digits and single hyphens, e.g. "sh-minhang"' };
const DISTRICT_CODE = { regex: /^\d{6}$/, description: 'a six-digit administrative division code, e.g. "310112"' };
const VERSION = { regex: /^\S{1,40}$/, description: 'a label of up to 40 characters without spaces, e.g. "2026.1"' };

const PERCENT = { min: 0, max: 100, integer: true };
const FEN = { min: 0, integer: true };

export function validateDistrictPolicy(input: unknown): PolicyValidation<DistrictPolicy> {
  const checks = new JsonChecks();
  if (input === undefined) return { ok: false, problems: [{ code: 'WRONG_TYPE', path: '$', message: 'the policy must be an object, got nothing' }] };
  const policy = checks.object(
    input,
    '',
    ['id', 'districtCode', 'districtName', 'version', 'effectiveFrom', 'currency', 'levelBasis', 'reassessment', 'priorityGroups', 'beds', 'subsidisedBed', 'dayCare', 'homeCare', 'meals', 'safety'],
    ['effectiveUntil'],
  );
  if (policy === undefined) return { ok: false, problems: checks.problems };

  checks.string(policy['id'], 'id', SLUG);
  checks.string(policy['districtCode'], 'districtCode', DISTRICT_CODE);
  checks.string(policy['districtName'], 'districtName');
  checks.string(policy['version'], 'version', VERSION);
  const from = checks.date(policy['effectiveFrom'], 'effectiveFrom');
  const until = checks.date(policy['effectiveUntil'], 'effectiveUntil');
  if (from !== undefined && until !== undefined && until < from) {
    checks.report('DATE_ORDER', 'effectiveUntil', `effectiveUntil ${until} is before effectiveFrom ${from}`);
  }
  checks.oneOf(policy['currency'], 'currency', [POLICY_CURRENCY]);
  const basis = checks.oneOf(policy['levelBasis'], 'levelBasis', LEVEL_BASES);

  checkReassessment(checks, policy['reassessment']);
  checkPriorityGroups(checks, policy['priorityGroups'], basis);
  const beds = checks.object(policy['beds'], 'beds', BED_TYPES);
  if (beds !== undefined) for (const type of BED_TYPES) checkRule(checks, beds[type], at('beds', type), basis);
  checkRule(checks, policy['subsidisedBed'], 'subsidisedBed', basis);
  checkRule(checks, policy['dayCare'], 'dayCare', basis);
  checkHomeCare(checks, policy['homeCare']);
  checkMeals(checks, policy['meals'], basis);
  checkSafety(checks, policy['safety'], basis);

  if (checks.problems.length > 0) return { ok: false, problems: checks.problems };
  // Every field has been checked and no unknown field exists, so the input has the policy's shape.
  return { ok: true, policy: structuredClone(input) as DistrictPolicy };
}

function checkReassessment(checks: JsonChecks, value: unknown): void {
  const path = 'reassessment';
  const r = checks.object(value, path, ['routineMonths', 'reminderDaysBeforeDue', 'disputeWindowDays', 'overdueGraceDays', 'whenOverdue', 'whenShanghaiRecordExpired']);
  if (r === undefined) return;
  const months = checks.number(r['routineMonths'], at(path, 'routineMonths'), { min: 1, max: 120, integer: true });
  const reminders = checks.array(r['reminderDaysBeforeDue'], at(path, 'reminderDaysBeforeDue'), false);
  const seen = new Set<number>();
  reminders?.forEach((entry, index) => {
    const entryPath = item(at(path, 'reminderDaysBeforeDue'), index);
    // The shortest month has 28 days: a reminder longer before the due date than that could fall before the assessment itself.
    const days = checks.number(entry, entryPath, { min: 1, ...(months === undefined ? {} : { max: months * 28 - 1 }), integer: true });
    if (days === undefined) return;
    if (seen.has(days)) checks.report('DUPLICATE', entryPath, `reminder ${days} days before due is listed twice`);
    seen.add(days);
  });
  checks.number(r['disputeWindowDays'], at(path, 'disputeWindowDays'), { min: 0, max: 366, integer: true });
  checks.number(r['overdueGraceDays'], at(path, 'overdueGraceDays'), { min: 0, max: 366, integer: true });
  checks.oneOf(r['whenOverdue'], at(path, 'whenOverdue'), LAPSED_LEVEL_HANDLING);
  checks.oneOf(r['whenShanghaiRecordExpired'], at(path, 'whenShanghaiRecordExpired'), LAPSED_LEVEL_HANDLING);
}

function checkPriorityGroups(checks: JsonChecks, value: unknown, policyBasis: LevelBasis | undefined): void {
  const groups = checks.object(value, 'priorityGroups', PRIORITY_GROUP_IDS);
  if (groups === undefined) return;
  for (const id of PRIORITY_GROUP_IDS) {
    const path = at('priorityGroups', id);
    const rule = checks.object(groups[id], path, ['name', 'when'], ['basis', 'source']);
    if (rule === undefined) continue;
    checks.string(rule['name'], at(path, 'name'));
    checkRuleBody(checks, rule, path, policyBasis, false);
  }
}

/** `{when, basis?, source?}` plus the listed extra fields. */
function checkRule(checks: JsonChecks, value: unknown, path: string, policyBasis: LevelBasis | undefined, extra: readonly string[] = []): JsonObject | undefined {
  const rule = checks.object(value, path, ['when', ...extra], ['basis', 'source']);
  if (rule !== undefined) checkRuleBody(checks, rule, path, policyBasis, true);
  return rule;
}

function checkRuleBody(checks: JsonChecks, rule: JsonObject, path: string, policyBasis: LevelBasis | undefined, allowGroups: boolean): void {
  const own = checks.oneOf(rule['basis'], at(path, 'basis'), LEVEL_BASES);
  checks.string(rule['source'], at(path, 'source'));
  const scope: ConditionScope = { basis: rule['basis'] === undefined ? policyBasis : own, allowGroups };
  checkCondition(checks, rule['when'], at(path, 'when'), scope);
}

function checkHomeCare(checks: JsonChecks, value: unknown): void {
  const homeCare = checks.object(value, 'homeCare', ['ltci', 'purchased']);
  if (homeCare === undefined) return;
  for (const id of ['ltci', 'purchased'] as const) {
    // null (no such scheme in the district) must be written out, not left out: absence is more likely a mistake.
    if (homeCare[id] === null || homeCare[id] === undefined) continue;
    checkScheme(checks, homeCare[id], at('homeCare', id));
  }
}

function checkScheme(checks: JsonChecks, value: unknown, path: string): void {
  const scheme = checks.object(
    value,
    path,
    ['name', 'scale', 'eligibleWhen', 'weeklyVisits', 'visitMinutes', 'fundSharePercent', 'continuousCareBonus'],
    ['source'],
  );
  if (scheme === undefined) return;
  checks.string(scheme['name'], at(path, 'name'));
  checks.string(scheme['source'], at(path, 'source'));
  const scale = checks.oneOf(scheme['scale'], at(path, 'scale'), LEVEL_SCALES);
  // A scheme reads its own scale only; conditions inside inherit it (the policy basis is irrelevant).
  checkCondition(checks, scheme['eligibleWhen'], at(path, 'eligibleWhen'), { basis: scale, allowGroups: true });
  checkLevelTable(checks, scheme['weeklyVisits'], at(path, 'weeklyVisits'), scale === undefined ? undefined : LEVEL_SCALE_MAX[scale], { min: 0, max: 100, integer: true });
  checks.number(scheme['visitMinutes'], at(path, 'visitMinutes'), { min: 1, max: 24 * 60, integer: true });
  checks.number(scheme['fundSharePercent'], at(path, 'fundSharePercent'), PERCENT);
  if (scheme['continuousCareBonus'] !== null) checkBonus(checks, scheme['continuousCareBonus'], at(path, 'continuousCareBonus'), scale);
}

function checkBonus(checks: JsonChecks, value: unknown, path: string, scale: LevelScale | undefined): void {
  const bonus = checks.object(value, path, ['levels', 'steps'], ['source']);
  if (bonus === undefined) return;
  checks.string(bonus['source'], at(path, 'source'));
  const levels = checks.array(bonus['levels'], at(path, 'levels'), true);
  const seenLevels = new Set<number>();
  levels?.forEach((entry, index) => {
    const level = checks.number(entry, item(at(path, 'levels'), index), { min: 0, ...(scale === undefined ? {} : { max: LEVEL_SCALE_MAX[scale] }), integer: true });
    if (level === undefined) return;
    if (seenLevels.has(level)) checks.report('DUPLICATE', item(at(path, 'levels'), index), `level ${level} is listed twice`);
    seenLevels.add(level);
  });
  const steps = checks.array(bonus['steps'], at(path, 'steps'), true);
  let previous: number | undefined;
  steps?.forEach((entry, index) => {
    const stepPath = item(at(path, 'steps'), index);
    const step = checks.object(entry, stepPath, ['overMonths', 'extraHoursPerMonth', 'cashAlternativeFenPerMonth']);
    if (step === undefined) return;
    const over = checks.number(step['overMonths'], at(stepPath, 'overMonths'), { min: 0, integer: false });
    checks.number(step['extraHoursPerMonth'], at(stepPath, 'extraHoursPerMonth'), { min: 0, integer: false });
    if (step['cashAlternativeFenPerMonth'] !== null) checks.number(step['cashAlternativeFenPerMonth'], at(stepPath, 'cashAlternativeFenPerMonth'), FEN);
    if (over !== undefined && previous !== undefined && over <= previous) {
      checks.report('NOT_INCREASING', at(stepPath, 'overMonths'), `steps must be in increasing overMonths order: ${over} follows ${previous}`);
    }
    if (over !== undefined) previous = over;
  });
}

/** Level → number, keys "0"… up to the scale's top level. */
function checkLevelTable(
  checks: JsonChecks,
  value: unknown,
  path: string,
  topLevel: number | undefined,
  bounds: { readonly min: number; readonly max: number; readonly integer: boolean },
): void {
  if (value === undefined) return;
  const table = checks.object(value, path, [], isJsonObject(value) ? Object.keys(value) : []);
  if (table === undefined) return;
  for (const [key, entry] of Object.entries(table)) {
    const keyPath = at(path, key);
    // Canonical numbers only: "02" would be accepted here but never looked up as level 2.
    if (!/^(0|[1-9]\d*)$/.test(key) || (topLevel !== undefined && Number(key) > topLevel)) {
      checks.report('OUT_OF_RANGE', keyPath, `${JSON.stringify(key)} is not a level 0–${topLevel ?? '?'} of the scale`);
      continue;
    }
    checks.number(entry, keyPath, bounds);
  }
}

function checkMeals(checks: JsonChecks, value: unknown, policyBasis: LevelBasis | undefined): void {
  const meals = checks.object(value, 'meals', ['eligible', 'delivery', 'subsidyTiers']);
  if (meals === undefined) return;
  checkRule(checks, meals['eligible'], 'meals.eligible', policyBasis);
  checkRule(checks, meals['delivery'], 'meals.delivery', policyBasis);
  const tiers = checks.array(meals['subsidyTiers'], 'meals.subsidyTiers', false);
  const ids = new Set<string>();
  tiers?.forEach((entry, index) => {
    const path = item('meals.subsidyTiers', index);
    const tier = checkRule(checks, entry, path, policyBasis, ['id', 'name', 'fenPerMeal']);
    if (tier === undefined) return;
    const id = checks.string(tier['id'], at(path, 'id'), SLUG);
    if (id !== undefined && ids.has(id)) checks.report('DUPLICATE', at(path, 'id'), `tier id ${id} is used twice`);
    if (id !== undefined) ids.add(id);
    checks.string(tier['name'], at(path, 'name'));
    checks.number(tier['fenPerMeal'], at(path, 'fenPerMeal'), FEN);
  });
}

function checkSafety(checks: JsonChecks, value: unknown, policyBasis: LevelBasis | undefined): void {
  const safety = checks.object(value, 'safety', ['textureModifiedDiet', 'fallRisk', 'wanderingRisk']);
  if (safety === undefined) return;
  const texture = checkRule(checks, safety['textureModifiedDiet'], 'safety.textureModifiedDiet', policyBasis, ['iddsiByEatingScore']);
  // B1.1 进食 scores 0–4; IDDSI food levels are 3 (liquidised) to 7 (regular).
  if (texture !== undefined) checkLevelTable(checks, texture['iddsiByEatingScore'], 'safety.textureModifiedDiet.iddsiByEatingScore', 4, { min: 3, max: 7, integer: true });
  checkRule(checks, safety['fallRisk'], 'safety.fallRisk', policyBasis);
  checkRule(checks, safety['wanderingRisk'], 'safety.wanderingRisk', policyBasis);
}
