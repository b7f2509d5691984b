// Facts + district policy → entitlements, each with the reasons a family or an auditor can read.
// Pure and deterministic. Missing inputs (no assessment yet, unknown age) never throw: rules
// that need them are "not known yet" and grant nothing, and their reasons say what is missing.

import { type BarthelResult, type GbtResult, type LawtonResult, gbtEatingScore } from '../assessment';
import { ageIfKnown, isIsoDate } from './date-checks';
import type { DistrictPolicy, PolicyRule } from './district-policy';
import type { Entitlements, LevelUsed, MealEntitlement, SafetyFlags } from './entitlements';
import { deriveHomeCare } from './home-care-entitlement';
import { levelOnBasis, readLevels } from './level-resolution';
import { isPolicyInEffect } from './policy-selection';
import { BED_TYPES, BED_TYPE_NAMES, type BedType, PRIORITY_GROUP_IDS, type PriorityGroupId } from './policy-vocabulary';
import { type RuleContext, cite, evaluateRule, ruleReason, yuan } from './rule-context';
import type { DatedResult, SeniorFacts } from './senior-facts';

export function deriveEntitlements(facts: SeniorFacts, policy: DistrictPolicy): Entitlements {
  // The date is the caller's own clock reading: a malformed one is a bug, not missing data.
  if (!isIsoDate(facts.asOf)) throw new RangeError(`asOf ${JSON.stringify(facts.asOf)} is not a calendar date YYYY-MM-DD`);
  const warnings: string[] = [];
  if (!isPolicyInEffect(policy, facts.asOf)) {
    warnings.push(`policy ${policy.id} ${policy.version} is in effect ${policy.effectiveFrom} to ${policy.effectiveUntil ?? 'open end'}, not on ${facts.asOf}`);
  }
  const age = ageIfKnown(facts.birthDate, facts.asOf);
  if (age === null) warnings.push(`birth date ${JSON.stringify(facts.birthDate)} is not a date on or before ${facts.asOf}; age-based rules are unknown`);
  const continuousCareMonths = readMonths(facts.continuousCareMonths, warnings);

  const base: RuleContext = {
    policy,
    facts,
    age,
    levels: readLevels(facts, policy, warnings),
    gbtObservation: observation<GbtResult>(facts.gbt, facts.asOf, 'GB/T', warnings, false),
    lawton: observation<LawtonResult>(facts.lawton, facts.asOf, 'Lawton IADL', warnings, true),
    barthel: observation<BarthelResult>(facts.barthel, facts.asOf, 'Barthel', warnings, true),
    groups: null,
  };

  const groups = derivePriorityGroups(base);
  const context: RuleContext = { ...base, groups: new Set(groups.value) };
  const levelUsed = deriveLevelUsed(context);
  const beds = deriveBeds(context);
  const subsidisedBed = yesNoRule(context, policy.subsidisedBed, 'subsidisedBed', 'qualifies for a subsidised basic bed (保基本床位)', 'no subsidised basic bed');
  const dayCare = yesNoRule(context, policy.dayCare, 'dayCare', 'day care (日间照料)', 'no day care');
  const homeCare = deriveHomeCare(context, continuousCareMonths);
  const meals = deriveMeals(context);
  const safety = deriveSafety(context);

  return {
    asOf: facts.asOf,
    policy: { id: policy.id, districtCode: policy.districtCode, version: policy.version },
    levelUsed: levelUsed.value,
    bedTypes: beds.value,
    subsidisedBed: subsidisedBed.value,
    dayCare: dayCare.value,
    homeCare: homeCare.value,
    meals: meals.value,
    safety: safety.value,
    priorityGroups: groups.value,
    reasons: {
      levelUsed: levelUsed.reasons,
      bedTypes: beds.reasons,
      subsidisedBed: subsidisedBed.reasons,
      dayCare: dayCare.reasons,
      homeCare: homeCare.reasons,
      meals: meals.reasons,
      safety: safety.reasons,
      priorityGroups: groups.reasons,
    },
    warnings,
  };
}

interface Derived<T> {
  readonly value: T;
  readonly reasons: string[];
}

function readMonths(months: number | undefined, warnings: string[]): number {
  if (months === undefined) return 0;
  if (Number.isFinite(months) && months >= 0) return months;
  warnings.push(`continuousCareMonths ${months} is not a number of months ≥ 0; counted as 0`);
  return 0;
}

/**
 * The latest result as an observation (item scores, risk events, dementia flag). Unlike the level,
 * an overdue GB/T result still counts here: a senior who chokes keeps the soft-diet flag until a
 * new assessment says otherwise. Only a result dated after `asOf` is ignored.
 */
function observation<T>(dated: DatedResult<T> | undefined, asOf: string, name: string, warnings: string[], warn: boolean): T | null {
  if (dated === undefined) return null;
  if (!isIsoDate(dated.assessedOn) || dated.assessedOn > asOf) {
    // The GB/T level reading already warned about the same result.
    if (warn) warnings.push(`${name} result dated ${dated.assessedOn} is not a date on or before ${asOf}; it was ignored`);
    return null;
  }
  return dated.result;
}

function derivePriorityGroups(context: RuleContext): Derived<PriorityGroupId[]> {
  const value: PriorityGroupId[] = [];
  const reasons: string[] = [];
  for (const id of PRIORITY_GROUP_IDS) {
    const rule = context.policy.priorityGroups[id];
    const verdict = evaluateRule(rule, context);
    if (verdict.truth === 'yes') value.push(id);
    const label = `${rule.name} (${id})`;
    reasons.push(ruleReason(verdict, `priority group ${label}`, `not ${label}`, cite(context.policy, `priorityGroups.${id}.when`, rule.source)));
  }
  return { value, reasons };
}

function deriveLevelUsed(context: RuleContext): Derived<LevelUsed> {
  const { policy } = context;
  const { level, note } = levelOnBasis(context.levels, policy.levelBasis);
  const citation = cite(policy, `levelBasis = ${policy.levelBasis}`);
  if (level === null) {
    return {
      value: { instrument: null, scale: null, level: null, levelName: null, assessedOn: null, expired: false },
      reasons: [`no level: ${note ?? 'no assessment'}; only entitlements that need no assessment apply ${citation}`],
    };
  }
  return {
    value: {
      instrument: level.instrument,
      scale: level.scale,
      level: level.level,
      levelName: level.levelName,
      assessedOn: level.assessedOn,
      expired: level.expired,
    },
    reasons: [`level used: ${level.detail}${note === null ? '' : ` (${note})`} ${citation}`],
  };
}

function deriveBeds(context: RuleContext): Derived<BedType[]> {
  const value: BedType[] = [];
  const reasons: string[] = [];
  for (const type of BED_TYPES) {
    const rule = context.policy.beds[type];
    const verdict = evaluateRule(rule, context);
    if (verdict.truth === 'yes') value.push(type);
    reasons.push(ruleReason(verdict, BED_TYPE_NAMES[type], `no ${BED_TYPE_NAMES[type]}`, cite(context.policy, `beds.${type}.when`, rule.source)));
  }
  return { value, reasons };
}

function yesNoRule(context: RuleContext, rule: PolicyRule, path: string, granted: string, refused: string): Derived<boolean> {
  const verdict = evaluateRule(rule, context);
  return { value: verdict.truth === 'yes', reasons: [ruleReason(verdict, granted, refused, cite(context.policy, `${path}.when`, rule.source))] };
}

const NO_MEALS: MealEntitlement = { eligible: false, delivery: false, subsidyTier: null, subsidyFenPerMeal: 0 };

function deriveMeals(context: RuleContext): Derived<MealEntitlement> {
  const { policy } = context;
  const meals = policy.meals;
  const eligible = evaluateRule(meals.eligible, context);
  const reasons = [ruleReason(eligible, 'meal assistance (助餐)', 'no meal assistance', cite(policy, 'meals.eligible.when', meals.eligible.source))];
  if (eligible.truth !== 'yes') return { value: NO_MEALS, reasons };

  const delivery = evaluateRule(meals.delivery, context);
  reasons.push(ruleReason(delivery, 'home delivery (送餐) instead of canteen', 'canteen dining (堂食), no delivery', cite(policy, 'meals.delivery.when', meals.delivery.source)));

  let tier: { id: string; fen: number } | null = null;
  for (const [index, candidate] of meals.subsidyTiers.entries()) {
    const verdict = evaluateRule(candidate, context);
    const citation = cite(policy, `meals.subsidyTiers[${index}].when`, candidate.source);
    const label = `meal subsidy ${candidate.name} (${candidate.id})`;
    reasons.push(ruleReason(verdict, `${label} ${yuan(candidate.fenPerMeal)}/meal`, `not ${label}`, citation));
    if (verdict.truth === 'yes') {
      tier = { id: candidate.id, fen: candidate.fenPerMeal };
      break; // tiers are in priority order: the first that applies wins
    }
  }
  if (tier === null) reasons.push(`no meal subsidy tier applies: meals at the full price ${cite(policy, 'meals.subsidyTiers')}`);
  return {
    value: { eligible: true, delivery: delivery.truth === 'yes', subsidyTier: tier?.id ?? null, subsidyFenPerMeal: tier?.fen ?? 0 },
    reasons,
  };
}

function deriveSafety(context: RuleContext): Derived<SafetyFlags> {
  const { policy } = context;
  const safety = policy.safety;
  const texture = evaluateRule(safety.textureModifiedDiet, context);
  const reasons = [ruleReason(texture, 'texture-modified diet', 'no texture-modified diet', cite(policy, 'safety.textureModifiedDiet.when', safety.textureModifiedDiet.source))];

  let iddsiLevel: number | null = null;
  if (texture.truth === 'yes' && context.gbtObservation !== null) {
    const eating = gbtEatingScore(context.gbtObservation);
    iddsiLevel = safety.textureModifiedDiet.iddsiByEatingScore[String(eating)] ?? null;
    if (iddsiLevel !== null) {
      reasons.push(`IDDSI level ${iddsiLevel} suggested for B1.1 进食 ${eating}, to be confirmed by a clinician ${cite(policy, `safety.textureModifiedDiet.iddsiByEatingScore[${eating}]`)}`);
    }
  }
  const fall = evaluateRule(safety.fallRisk, context);
  reasons.push(ruleReason(fall, 'fall risk', 'no fall risk flag', cite(policy, 'safety.fallRisk.when', safety.fallRisk.source)));
  const wandering = evaluateRule(safety.wanderingRisk, context);
  reasons.push(ruleReason(wandering, 'wandering risk', 'no wandering risk flag', cite(policy, 'safety.wanderingRisk.when', safety.wanderingRisk.source)));
  return {
    value: { textureModifiedDiet: texture.truth === 'yes', iddsiLevel, fallRisk: fall.truth === 'yes', wanderingRisk: wandering.truth === 'yes' },
    reasons,
  };
}
