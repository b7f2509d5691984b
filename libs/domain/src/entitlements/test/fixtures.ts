// Factories for the entitlement specs: valid facts with overrides, and real scored GB/T results
// (scored by the assessment rules, so a fixture cannot drift from what the service stores).
// Test-only: the build excludes test/ folders.

import {
  type GbtItemCode,
  type GbtLevel,
  type GbtResult,
  type LawtonResult,
  type ShanghaiCareNeedsRecord,
  gbt42195Instrument,
  lawtonIadlInstrument,
  validateShanghaiCareNeedsRecord,
} from '../../assessment';
import type { DistrictPolicy } from '../district-policy';
import type { SeniorFacts } from '../senior-facts';

const MAX: Readonly<Record<GbtItemCode, number>> = {
  'B1.1': 4, 'B1.2': 4, 'B1.3': 4, 'B1.4': 4, 'B1.5': 4, 'B1.6': 4, 'B1.7': 4, 'B1.8': 4,
  'B2.1': 4, 'B2.2': 4, 'B2.3': 4, 'B2.4': 3,
  'B3.1': 4, 'B3.2': 4, 'B3.3': 4, 'B3.4': 4, 'B3.5': 4, 'B3.6': 4, 'B3.7': 1, 'B3.8': 1, 'B3.9': 2,
  'B4.1': 2, 'B4.2': 2, 'B4.3': 4, 'B4.4': 3, 'B4.5': 4,
};

const zero = (...codes: GbtItemCode[]): Partial<Record<GbtItemCode, number>> => Object.fromEntries(codes.map((c) => [c, 0]));

// Hand-computed totals. Every preset keeps B1.1 进食, B2.3 平地行走, B3.2 空间定向, B3.4 记忆 and
// B4.4 at their maximum, so a test can lower exactly the item a rule reads.
const LEVEL_PRESETS: Readonly<Record<GbtLevel, Partial<Record<GbtItemCode, number>>>> = {
  0: {}, // 90
  1: zero('B1.3'), // 90 − 4 = 86
  2: zero('B1.2', 'B1.3', 'B1.4', 'B1.5', 'B1.6', 'B1.7', 'B1.8'), // 90 − 28 = 62
  3: zero('B1.2', 'B1.3', 'B1.4', 'B1.5', 'B1.6', 'B1.7', 'B1.8', 'B3.1', 'B3.3', 'B3.5', 'B3.6', 'B4.3'), // 62 − 16 − 4 = 42
  4: zero('B1.2', 'B1.3', 'B1.4', 'B1.5', 'B1.6', 'B1.7', 'B1.8', 'B3.1', 'B3.3', 'B3.5', 'B3.6', 'B4.3', 'B4.5', 'B2.1', 'B2.2', 'B2.4'), // 42 − 15 = 27
};

/**
 * A scored GB/T result from the preset of `level`; throws unless the final level is `finalLevel`
 * (by default `level`), so an override that moves the level cannot slip by unnoticed.
 */
export function gbtResult(
  level: GbtLevel,
  items: Partial<Record<GbtItemCode, number>> = {},
  riskEvents30d: Record<string, number> = {},
  finalLevel: GbtLevel = level,
): GbtResult {
  const validation = gbt42195Instrument.validate({ instrument: 'GB/T 42195-2022', items: { ...MAX, ...LEVEL_PRESETS[level], ...items }, riskEvents30d });
  if (!validation.ok) throw new Error(validation.problems.map((p) => `${p.path} ${p.code}`).join('; '));
  const result = gbt42195Instrument.score(validation.answers);
  if (result.finalLevel !== finalLevel) throw new Error(`fixture gives GB/T level ${result.finalLevel}, not ${finalLevel} (total ${result.total})`);
  return result;
}

export function gbt(level: GbtLevel, items: Partial<Record<GbtItemCode, number>> = {}, riskEvents30d: Record<string, number> = {}, assessedOn = '2026-03-01'): SeniorFacts['gbt'] {
  return { assessedOn, result: gbtResult(level, items, riskEvents30d) };
}

export function shanghai(level: number | string, assessedOn = '2026-01-10', validUntil = '2027-12-31'): ShanghaiCareNeedsRecord {
  const validation = validateShanghaiCareNeedsRecord({ level, assessedOn, validUntil, organisationRef: 'MH-2026-0001' });
  if (!validation.ok) throw new Error(validation.problems.map((p) => `${p.path} ${p.code}`).join('; '));
  return validation.record;
}

/** Lawton with every domain able (1) except the ones given. */
export function lawton(items: Record<string, number>, assessedOn = '2026-03-01'): SeniorFacts['lawton'] {
  const validation = lawtonIadlInstrument.validate({ instrument: 'Lawton IADL', items: { A: 1, B: 1, C: 1, D: 1, E: 1, F: 1, G: 1, H: 1, ...items } });
  if (!validation.ok) throw new Error(validation.problems.map((p) => `${p.path} ${p.code}`).join('; '));
  return { assessedOn, result: lawtonIadlInstrument.score(validation.answers) as LawtonResult };
}

/** A 76-year-old woman living with family, no flags, no assessment, on 2026-06-15. */
export function facts(overrides: Partial<SeniorFacts> = {}): SeniorFacts {
  return {
    asOf: '2026-06-15',
    birthDate: '1950-03-01',
    sex: 'female',
    livingArrangement: 'with-family',
    priorityFlags: [],
    ...overrides,
  };
}

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };

/** A deep, editable copy of a policy for a test to change one value. */
export function editablePolicy(policy: DistrictPolicy): Mutable<DistrictPolicy> {
  return structuredClone(policy) as Mutable<DistrictPolicy>;
}

/** A deep, untyped copy (as loaded from JSON) for validation tests. */
export function policyJson(policy: DistrictPolicy): Record<string, unknown> {
  return JSON.parse(JSON.stringify(policy)) as Record<string, unknown>;
}

/** Sets (or, with `undefined`, deletes) the value at a path such as ['meals', 'subsidyTiers', 0, 'id']. */
export function setPath(root: unknown, path: readonly (string | number)[], value: unknown): void {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    node = (node as Record<string | number, unknown>)[key];
    if (typeof node !== 'object' || node === null) throw new Error(`no object at ${path.join('.')}`);
  }
  const container = node as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete container[last];
  else container[last] = value;
}
