// What changed between two computations of a senior's entitlements, for the
// `entitlements.changed` event (which carries the previous values). Only values are compared:
// reasons and warnings are explanations, and re-wording them is not a change of entitlement.

import type { Entitlements } from './entitlements';

type Scalar = string | number | boolean | null;

export type EntitlementChangeKind =
  /** Something a senior receives changed (hours, bed types, subsidy…). */
  | 'entitlement'
  /** What the entitlements were derived from changed (level used, policy version). */
  | 'basis';

export interface EntitlementChange {
  /** Path in `Entitlements`, e.g. `homeCare.hoursPerWeek`, `bedTypes`. */
  readonly path: string;
  readonly kind: EntitlementChangeKind;
  /** Null on the first computation. */
  readonly previous: Scalar | readonly string[];
  readonly next: Scalar | readonly string[];
  /** For list fields: entries gained and lost. */
  readonly added?: readonly string[];
  readonly removed?: readonly string[];
  /** "home care hours per week: 3 → 5". */
  readonly summary: string;
}


interface Field {
  readonly path: string;
  readonly label: string;
  readonly kind: EntitlementChangeKind;
  readonly read: (e: Entitlements) => Scalar | readonly string[];
}

const FIELDS: readonly Field[] = [
  { path: 'bedTypes', label: 'bed types', kind: 'entitlement', read: (e) => e.bedTypes },
  { path: 'subsidisedBed', label: 'subsidised basic bed', kind: 'entitlement', read: (e) => e.subsidisedBed },
  { path: 'dayCare', label: 'day care', kind: 'entitlement', read: (e) => e.dayCare },
  { path: 'homeCare.source.scheme', label: 'home-care scheme', kind: 'entitlement', read: (e) => e.homeCare.source?.scheme ?? null },
  { path: 'homeCare.visitsPerWeek', label: 'home-care visits per week', kind: 'entitlement', read: (e) => e.homeCare.visitsPerWeek },
  { path: 'homeCare.visitMinutes', label: 'home-care visit minutes', kind: 'entitlement', read: (e) => e.homeCare.visitMinutes },
  { path: 'homeCare.hoursPerWeek', label: 'home-care hours per week', kind: 'entitlement', read: (e) => e.homeCare.hoursPerWeek },
  { path: 'homeCare.bonusHoursPerMonth', label: 'continuous-care bonus hours per month', kind: 'entitlement', read: (e) => e.homeCare.bonusHoursPerMonth },
  {
    path: 'homeCare.bonusCashAlternativeFenPerMonth',
    label: 'continuous-care bonus cash alternative (fen per month)',
    kind: 'entitlement',
    read: (e) => e.homeCare.bonusCashAlternativeFenPerMonth,
  },
  { path: 'homeCare.fundSharePercent', label: 'home-care fund share %', kind: 'entitlement', read: (e) => e.homeCare.fundSharePercent },
  { path: 'homeCare.coPayPercent', label: 'home-care co-pay %', kind: 'entitlement', read: (e) => e.homeCare.coPayPercent },
  { path: 'meals.eligible', label: 'meal assistance', kind: 'entitlement', read: (e) => e.meals.eligible },
  { path: 'meals.delivery', label: 'meal delivery', kind: 'entitlement', read: (e) => e.meals.delivery },
  { path: 'meals.subsidyTier', label: 'meal subsidy tier', kind: 'entitlement', read: (e) => e.meals.subsidyTier },
  { path: 'meals.subsidyFenPerMeal', label: 'meal subsidy (fen per meal)', kind: 'entitlement', read: (e) => e.meals.subsidyFenPerMeal },
  { path: 'safety.textureModifiedDiet', label: 'texture-modified diet', kind: 'entitlement', read: (e) => e.safety.textureModifiedDiet },
  { path: 'safety.iddsiLevel', label: 'suggested IDDSI level', kind: 'entitlement', read: (e) => e.safety.iddsiLevel },
  { path: 'safety.fallRisk', label: 'fall risk', kind: 'entitlement', read: (e) => e.safety.fallRisk },
  { path: 'safety.wanderingRisk', label: 'wandering risk', kind: 'entitlement', read: (e) => e.safety.wanderingRisk },
  { path: 'priorityGroups', label: 'priority groups', kind: 'entitlement', read: (e) => e.priorityGroups },
  { path: 'levelUsed.instrument', label: 'instrument of the level used', kind: 'basis', read: (e) => e.levelUsed.instrument },
  { path: 'levelUsed.level', label: 'level used', kind: 'basis', read: (e) => e.levelUsed.level },
  { path: 'levelUsed.expired', label: 'level used is expired', kind: 'basis', read: (e) => e.levelUsed.expired },
  { path: 'policy.districtCode', label: 'policy district', kind: 'basis', read: (e) => e.policy.districtCode },
  { path: 'policy.version', label: 'policy version', kind: 'basis', read: (e) => e.policy.version },
];

/**
 * Every compared field whose value differs, in a fixed order. With no previous entitlements (the
 * first computation) every field is listed, with `previous: null`. An empty list means nothing
 * changed, not even the basis.
 */
export function diffEntitlements(previous: Entitlements | null, next: Entitlements): EntitlementChange[] {
  const changes: EntitlementChange[] = [];
  for (const field of FIELDS) {
    const after = field.read(next);
    const before = previous === null ? null : field.read(previous);
    if (previous !== null && same(before, after)) continue;
    changes.push(describeChange(field, before, after));
  }
  return changes;
}

/** True when something a senior receives changed; a new policy version or level alone is not enough. */
export function hasEntitlementChanges(changes: readonly EntitlementChange[]): boolean {
  return changes.some((c) => c.kind === 'entitlement');
}

function same(a: Scalar | readonly string[], b: Scalar | readonly string[]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x: string) => b.includes(x));
  return a === b;
}

function describeChange(field: Field, before: Scalar | readonly string[], after: Scalar | readonly string[]): EntitlementChange {
  if (Array.isArray(after)) {
    const was: readonly string[] = Array.isArray(before) ? before : [];
    const added = after.filter((x: string) => !was.includes(x));
    const removed = was.filter((x) => !after.includes(x));
    const parts = [...added.map((x: string) => `+${x}`), ...removed.map((x) => `−${x}`)];
    return { path: field.path, kind: field.kind, previous: before, next: after, added, removed, summary: `${field.label}: ${parts.join(' ') || 'none'}` };
  }
  return { path: field.path, kind: field.kind, previous: before, next: after, summary: `${field.label}: ${show(before)} → ${show(after)}` };
}

function show(value: Scalar | readonly string[]): string {
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join(', ') || 'none';
  return String(value);
}
