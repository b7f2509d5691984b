// Checks one policy condition (recursively) against the vocabulary and the scales its level basis
// may read. A level condition under `shanghai-else-gbt` must say what it means on both scales:
// otherwise a senior with only a GB/T result would be refused by a missing number, silently.

import { GBT_ITEMS, LAWTON_DOMAINS, RISK_EVENT_TYPE_NAMES, type RiskEventType } from '../assessment';
import { type JsonChecks, type JsonObject, at, describe, isJsonObject, item } from './json-checks';
import { CONDITION_KINDS, type ConditionKind } from './policy-conditions';
import {
  BASIS_SCALES,
  DIAGNOSIS_FACTS,
  LEVEL_BASES,
  LEVEL_SCALES,
  LEVEL_SCALE_MAX,
  LIVING_ARRANGEMENT_IDS,
  type LevelBasis,
  PRIORITY_GROUP_IDS,
  SENIOR_SEXES,
} from './policy-vocabulary';

export interface ConditionScope {
  /** The basis level conditions inherit; undefined when the enclosing basis is itself invalid. */
  readonly basis: LevelBasis | undefined;
  /** `group` conditions are not allowed inside the priority-group rules (no circular groups). */
  readonly allowGroups: boolean;
}

/** Deep enough for any sensible rule, shallow enough that a cyclic or generated policy cannot blow the stack. */
const MAX_DEPTH = 12;

const RISK_EVENT_TYPES = Object.keys(RISK_EVENT_TYPE_NAMES) as RiskEventType[];
const LAWTON_CODES = LAWTON_DOMAINS.map((d) => d.code);

const FIELDS: Readonly<Record<ConditionKind, { readonly required: readonly string[]; readonly optional: readonly string[] }>> = {
  always: { required: [], optional: [] },
  level: { required: [], optional: ['basis', 'gbt', 'shanghai'] },
  'gbt-item': { required: ['item'], optional: ['min', 'max'] },
  'lawton-item': { required: ['item'], optional: ['min', 'max'] },
  'barthel-total': { required: [], optional: ['min', 'max'] },
  'risk-events': { required: ['types', 'min'], optional: [] },
  diagnosis: { required: ['anyOf'], optional: [] },
  flag: { required: ['anyOf'], optional: [] },
  group: { required: ['anyOf'], optional: [] },
  age: { required: [], optional: ['min', 'max'] },
  living: { required: ['anyOf'], optional: [] },
  sex: { required: ['anyOf'], optional: [] },
  all: { required: ['of'], optional: [] },
  any: { required: ['of'], optional: [] },
  not: { required: ['of'], optional: [] },
};

export function checkCondition(checks: JsonChecks, value: unknown, path: string, scope: ConditionScope, depth = 0): void {
  if (depth > MAX_DEPTH) {
    checks.report('TOO_DEEP', path, `conditions are nested more than ${MAX_DEPTH} deep`);
    return;
  }
  if (value === undefined) return; // reported as missing by the enclosing object
  if (!isJsonObject(value)) {
    checks.report('WRONG_TYPE', path, `${path} must be a condition object {"kind": …}, got ${describe(value)}`);
    return;
  }
  if (value['kind'] === undefined) {
    checks.report('MISSING_FIELD', at(path, 'kind'), `${at(path, 'kind')} is required (one of ${CONDITION_KINDS.join(', ')})`);
    return;
  }
  const kind = checks.oneOf(value['kind'], at(path, 'kind'), CONDITION_KINDS);
  if (kind === undefined) return;
  const fields = FIELDS[kind];
  const condition = checks.object(value, path, ['kind', ...fields.required], fields.optional);
  if (condition === undefined) return;

  switch (kind) {
    case 'always':
      return;
    case 'level':
      checkLevel(checks, condition, path, scope);
      return;
    case 'gbt-item': {
      const code = checks.oneOf(condition['item'], at(path, 'item'), GBT_ITEMS.map((i) => i.code));
      const definition = GBT_ITEMS.find((i) => i.code === code);
      const top = definition === undefined ? undefined : Math.max(...definition.allowed);
      checkRange(checks, condition, path, 0, top);
      return;
    }
    case 'lawton-item':
      checks.oneOf(condition['item'], at(path, 'item'), LAWTON_CODES);
      checkRange(checks, condition, path, 0, 1);
      return;
    case 'barthel-total':
      if (condition['min'] === undefined && condition['max'] === undefined) checks.report('MISSING_FIELD', path, 'a Barthel condition needs min or max');
      checkRange(checks, condition, path, 0, 100);
      return;
    case 'risk-events':
      checks.words(condition['types'], at(path, 'types'), RISK_EVENT_TYPES);
      checks.number(condition['min'], at(path, 'min'), { min: 1, integer: true });
      return;
    case 'diagnosis':
      checks.words(condition['anyOf'], at(path, 'anyOf'), DIAGNOSIS_FACTS);
      return;
    case 'flag':
      checks.words(condition['anyOf'], at(path, 'anyOf'), PRIORITY_GROUP_IDS);
      return;
    case 'group':
      if (!scope.allowGroups) {
        checks.report('NOT_ALLOWED_HERE', path, 'a priority-group rule cannot depend on priority groups; use `flag` for granted flags');
      }
      checks.words(condition['anyOf'], at(path, 'anyOf'), PRIORITY_GROUP_IDS);
      return;
    case 'age':
      if (condition['min'] === undefined && condition['max'] === undefined) checks.report('MISSING_FIELD', path, 'an age condition needs min or max');
      checkRange(checks, condition, path, 0, 150);
      return;
    case 'living':
      checks.words(condition['anyOf'], at(path, 'anyOf'), LIVING_ARRANGEMENT_IDS);
      return;
    case 'sex':
      checks.words(condition['anyOf'], at(path, 'anyOf'), SENIOR_SEXES);
      return;
    case 'all':
    case 'any': {
      const list = checks.array(condition['of'], at(path, 'of'), true);
      list?.forEach((child, index) => checkCondition(checks, child, item(at(path, 'of'), index), scope, depth + 1));
      return;
    }
    case 'not':
      checkCondition(checks, condition['of'], at(path, 'of'), scope, depth + 1);
      return;
  }
}

function checkLevel(checks: JsonChecks, condition: JsonObject, path: string, scope: ConditionScope): void {
  const own = checks.oneOf(condition['basis'], at(path, 'basis'), LEVEL_BASES);
  const basis = condition['basis'] === undefined ? scope.basis : own;
  for (const scale of LEVEL_SCALES) {
    const rangePath = at(path, scale);
    if (condition[scale] === undefined) continue;
    const range = checks.object(condition[scale], rangePath, [], ['min', 'max']);
    if (range !== undefined) checkRange(checks, range, rangePath, 0, LEVEL_SCALE_MAX[scale]);
  }
  if (basis === undefined) return;
  for (const scale of BASIS_SCALES[basis]) {
    if (condition[scale] === undefined) {
      checks.report('MISSING_THRESHOLD', at(path, scale), `basis ${basis} may read the ${scale} level, but the condition gives no ${scale} range (use {} for any level)`);
    }
  }
}

function checkRange(checks: JsonChecks, range: JsonObject, path: string, lowest: number, highest: number | undefined): void {
  const bounds = { min: lowest, ...(highest === undefined ? {} : { max: highest }), integer: true };
  const min = checks.number(range['min'], at(path, 'min'), bounds);
  const max = checks.number(range['max'], at(path, 'max'), bounds);
  if (min !== undefined && max !== undefined && min > max) checks.report('OUT_OF_RANGE', path, `min ${min} is above max ${max}`);
}
