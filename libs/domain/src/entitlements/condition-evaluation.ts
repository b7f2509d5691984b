// Evaluates policy conditions with three-valued logic. A condition about something we have not
// assessed yet (no GB/T result, no Lawton result, unknown age) is `unknown`, not `no`: `not`
// keeps it unknown, so "not bed-bound" is never granted just because nobody looked. An unknown
// verdict grants nothing, and its text says what is missing.

import { type BarthelResult, GBT_ITEMS, type GbtResult, LAWTON_DOMAINS, type LawtonResult, RISK_EVENT_TYPE_NAMES, gbtItemScore } from '../assessment';
import { type LevelReadings, levelOnBasis } from './level-resolution';
import type { Condition, ScoreRange } from './policy-conditions';
import { type LevelBasis, PRIORITY_GROUP_NAMES, type PriorityGroupId } from './policy-vocabulary';
import type { SeniorFacts } from './senior-facts';

export type Truth = 'yes' | 'no' | 'unknown';

export interface Verdict {
  readonly truth: Truth;
  /** Why, in words a family can read: the facts compared with the policy's values. */
  readonly text: string;
}

export interface ConditionContext {
  readonly facts: SeniorFacts;
  readonly age: number | null;
  readonly levels: LevelReadings;
  /** The latest final GB/T result for item scores and risk events, even when its level is overdue. */
  readonly gbtObservation: GbtResult | null;
  readonly lawton: LawtonResult | null;
  readonly barthel: BarthelResult | null;
  /** Derived priority groups; null while the groups themselves are being derived. */
  readonly groups: ReadonlySet<PriorityGroupId> | null;
}

export function rangeText(range: ScoreRange): string {
  const { min, max } = range;
  if (min !== undefined && max !== undefined) return min === max ? `= ${min}` : `in ${min}–${max}`;
  if (min !== undefined) return `≥ ${min}`;
  if (max !== undefined) return `≤ ${max}`;
  return 'any value';
}

function inRange(value: number, range: ScoreRange): boolean {
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}

const compared = (subject: string, value: number, range: ScoreRange): Verdict => {
  const met = inRange(value, range);
  return { truth: met ? 'yes' : 'no', text: `${subject} ${value} ${met ? 'is' : 'is not'} ${rangeText(range)}` };
};

const groupNames = (ids: readonly PriorityGroupId[]): string => ids.map((id) => `${PRIORITY_GROUP_NAMES[id]} ${id}`).join(', ');

export function evaluateCondition(condition: Condition, context: ConditionContext, basis: LevelBasis): Verdict {
  switch (condition.kind) {
    case 'always':
      return { truth: 'yes', text: 'open to everyone' };
    case 'level':
      return evaluateLevel(condition, context, basis);
    case 'gbt-item': {
      const item = GBT_ITEMS.find((i) => i.code === condition.item);
      const subject = `GB/T ${condition.item} ${item?.name ?? ''}`.trimEnd();
      if (context.gbtObservation === null) return { truth: 'unknown', text: `${subject} unknown: no GB/T 42195 assessment yet` };
      return compared(subject, gbtItemScore(context.gbtObservation, condition.item), condition);
    }
    case 'lawton-item': {
      const domain = LAWTON_DOMAINS.find((d) => d.code === condition.item);
      const subject = `Lawton ${condition.item} ${domain?.name ?? ''}`.trimEnd();
      const score = context.lawton?.items[condition.item];
      if (score === undefined) return { truth: 'unknown', text: `${subject} unknown: no Lawton IADL result for it` };
      return compared(subject, score, condition);
    }
    case 'barthel-total':
      if (context.barthel === null) return { truth: 'unknown', text: 'Barthel Index unknown: no Barthel result' };
      return compared('Barthel Index', context.barthel.total, condition);
    case 'risk-events': {
      const names = condition.types.map((t) => `${RISK_EVENT_TYPE_NAMES[t]} ${t}`).join('/');
      if (context.gbtObservation === null) return { truth: 'unknown', text: `${names} events unknown: no GB/T 42195 assessment yet` };
      const recorded = context.gbtObservation.flags.riskEvents30d;
      const count = condition.types.reduce((sum, t) => sum + (recorded[t] ?? 0), 0);
      return compared(`${names} events in the 30 days before the GB/T assessment:`, count, { min: condition.min });
    }
    case 'diagnosis': {
      const dementia = context.facts.dementiaDiagnosed === true || context.gbtObservation?.flags.dementiaDiagnosed === true;
      const found = condition.anyOf.filter((d) => (d === 'dementia' ? dementia : context.facts.cognitiveImpairmentDiagnosed === true));
      return found.length > 0
        ? { truth: 'yes', text: `diagnosed ${found.join(' and ')}` }
        : { truth: 'no', text: `no recorded diagnosis of ${condition.anyOf.join(' or ')}` };
    }
    case 'flag': {
      const held = condition.anyOf.filter((f) => context.facts.priorityFlags.includes(f));
      return held.length > 0
        ? { truth: 'yes', text: `priority flag ${groupNames(held)} granted` }
        : { truth: 'no', text: `no priority flag among ${groupNames(condition.anyOf)}` };
    }
    case 'group': {
      const groups = context.groups;
      if (groups === null) return { truth: 'unknown', text: 'priority groups are not derived yet' };
      const held = condition.anyOf.filter((g) => groups.has(g));
      return held.length > 0
        ? { truth: 'yes', text: `priority group ${groupNames(held)}` }
        : { truth: 'no', text: `in no priority group among ${groupNames(condition.anyOf)}` };
    }
    case 'age':
      if (context.age === null) return { truth: 'unknown', text: `age unknown (birth date ${context.facts.birthDate})` };
      return compared('age', context.age, condition);
    case 'living': {
      const met = condition.anyOf.includes(context.facts.livingArrangement);
      return { truth: met ? 'yes' : 'no', text: `living arrangement ${context.facts.livingArrangement} ${met ? 'is' : 'is not'} one of ${condition.anyOf.join(', ')}` };
    }
    case 'sex': {
      const met = condition.anyOf.includes(context.facts.sex);
      return { truth: met ? 'yes' : 'no', text: `sex ${context.facts.sex} ${met ? 'is' : 'is not'} one of ${condition.anyOf.join(', ')}` };
    }
    case 'all':
      return combineAll(condition.of.map((c) => evaluateCondition(c, context, basis)));
    case 'any':
      return combineAny(condition.of.map((c) => evaluateCondition(c, context, basis)));
    case 'not': {
      const inner = evaluateCondition(condition.of, context, basis);
      const truth: Truth = inner.truth === 'unknown' ? 'unknown' : inner.truth === 'yes' ? 'no' : 'yes';
      return { truth, text: `not (${inner.text})` };
    }
  }
}

function evaluateLevel(condition: Extract<Condition, { kind: 'level' }>, context: ConditionContext, basis: LevelBasis): Verdict {
  const { level, note } = levelOnBasis(context.levels, condition.basis ?? basis);
  if (level === null) return { truth: 'unknown', text: `level unknown: ${note ?? 'no assessment'}` };
  const subject = note === null ? level.description : `${level.description} (${note})`;
  const range = condition[level.scale];
  if (range === undefined) return { truth: 'no', text: `${subject}: the rule sets no ${level.scale} threshold` };
  if (range.min === undefined && range.max === undefined) return { truth: 'yes', text: `${subject} (any level)` };
  const met = inRange(level.level, range);
  return { truth: met ? 'yes' : 'no', text: `${subject} ${met ? 'is' : 'is not'} ${rangeText(range)}` };
}

const texts = (verdicts: readonly Verdict[], truth: Truth): string[] => verdicts.filter((v) => v.truth === truth).map((v) => v.text);

function combineAll(verdicts: readonly Verdict[]): Verdict {
  const no = texts(verdicts, 'no');
  if (no.length > 0) return { truth: 'no', text: no.join('; ') };
  const unknown = texts(verdicts, 'unknown');
  if (unknown.length > 0) return { truth: 'unknown', text: unknown.join('; ') };
  return { truth: 'yes', text: verdicts.map((v) => v.text).join(' and ') };
}

function combineAny(verdicts: readonly Verdict[]): Verdict {
  const yes = texts(verdicts, 'yes');
  if (yes.length > 0) return { truth: 'yes', text: yes.join('; ') };
  const unknown = texts(verdicts, 'unknown');
  if (unknown.length > 0) return { truth: 'unknown', text: [...unknown, ...texts(verdicts, 'no')].join('; ') };
  return { truth: 'no', text: `none of: ${verdicts.map((v) => v.text).join('; ')}` };
}
