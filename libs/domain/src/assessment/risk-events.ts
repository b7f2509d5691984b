// Care-risk events in the last 30 days (GB/T 42195 annex A.2.14 近30天内照护风险事件). Whether
// "two or more events" means the total across types or two of the same type is a policy flag
// (spec §1.4 open point 2); the default is the total.

import { type AssessmentProblem, assessmentProblem } from './assessment-problem';
import { describeValue, isJsonObject, normaliseKey } from './answer-parsing';

export type RiskEventType = 'fall' | 'choking' | 'suicide' | 'selfHarm' | 'wandering' | 'other';

/** The form's event types with their Chinese names. */
export const RISK_EVENT_TYPE_NAMES: Readonly<Record<RiskEventType, string>> = {
  fall: '跌倒',
  choking: '噎食',
  suicide: '自杀',
  selfHarm: '自伤',
  wandering: '走失',
  other: '其他',
};

const SPELLINGS: Readonly<Record<string, RiskEventType>> = {
  fall: 'fall', falls: 'fall', 跌倒: 'fall',
  choking: 'choking', 噎食: 'choking',
  suicide: 'suicide', suicideAttempt: 'suicide', 自杀: 'suicide',
  selfHarm: 'selfHarm', 'self-harm': 'selfHarm', 自伤: 'selfHarm',
  wandering: 'wandering', lost: 'wandering', gettingLost: 'wandering', 走失: 'wandering',
  other: 'other', 其他: 'other',
};
const BY_KEY = new Map(Object.entries(SPELLINGS).map(([spelling, type]) => [normaliseKey(spelling), type]));

export type RiskEventCounting = 'total' | 'per-type';

export interface RiskEvents30d {
  readonly byType: Readonly<Partial<Record<RiskEventType, number>>>;
  /** Events given as a bare number, without types. Only meaningful when counting the total. */
  readonly untyped: number;
}

export const NO_RISK_EVENTS: RiskEvents30d = { byType: {}, untyped: 0 };

/**
 * Reads `riskEvents30d`: either `{"fall": 1, "choking": 1}` or a bare non-negative integer
 * (the total, types unknown). A bare number cannot be counted per type, so it is rejected under
 * the `per-type` policy rather than guessed at.
 */
export function readRiskEvents(raw: unknown, counting: RiskEventCounting, problems: AssessmentProblem[], path = 'riskEvents30d'): RiskEvents30d {
  if (raw === undefined) return NO_RISK_EVENTS;
  if (typeof raw === 'number') {
    if (counting === 'per-type') {
      problems.push(assessmentProblem('VALUE_NOT_ALLOWED', path, `a bare count cannot be counted per type (policy riskEventCounting = per-type); give counts by type, e.g. {"fall": 2}`));
      return NO_RISK_EVENTS;
    }
    const count = readCount(raw, path, problems);
    return { byType: {}, untyped: count ?? 0 };
  }
  if (!isJsonObject(raw)) {
    problems.push(assessmentProblem('WRONG_TYPE', path, `${path} must be an object of event type → count, got ${describeValue(raw)}`));
    return NO_RISK_EVENTS;
  }
  const byType: Partial<Record<RiskEventType, number>> = {};
  for (const [key, value] of Object.entries(raw)) {
    const type = BY_KEY.get(normaliseKey(key));
    if (type === undefined) {
      const known = Object.entries(RISK_EVENT_TYPE_NAMES).map(([t, n]) => `${t} ${n}`).join(', ');
      problems.push(assessmentProblem('UNKNOWN_EVENT_TYPE', `${path}.${key}`, `${key} is not a care-risk event type (known: ${known})`));
      continue;
    }
    const count = readCount(value, `${path}.${key}`, problems);
    if (count !== undefined) byType[type] = (byType[type] ?? 0) + count;
  }
  return { byType, untyped: 0 };
}

function readCount(value: unknown, path: string, problems: AssessmentProblem[]): number | undefined {
  if (typeof value !== 'number') {
    problems.push(assessmentProblem('WRONG_TYPE', path, `${path} must be a whole number of events, got ${describeValue(value)}`));
    return undefined;
  }
  if (!Number.isInteger(value)) {
    problems.push(assessmentProblem('VALUE_NOT_ALLOWED', path, `${value} is not a whole number of events`));
    return undefined;
  }
  if (value < 0) {
    problems.push(assessmentProblem('NEGATIVE_EVENT_COUNT', path, `event count ${value} is negative`));
    return undefined;
  }
  return value;
}

export interface RiskEventTally {
  /** Sum over the counted types (plus untyped events). */
  readonly total: number;
  /** Largest count of a single counted type. */
  readonly maxOfOneType: number;
  /** Whether the "two or more events in 30 days" condition is met under the counting policy. */
  readonly twoOrMore: boolean;
  /** Events of types this instrument does not count (e.g. self-harm under MZ/T 039). */
  readonly uncounted: Readonly<Partial<Record<RiskEventType, number>>>;
}

export function tallyRiskEvents(events: RiskEvents30d, countedTypes: readonly RiskEventType[], counting: RiskEventCounting): RiskEventTally {
  let total = events.untyped;
  let maxOfOneType = 0;
  const uncounted: Partial<Record<RiskEventType, number>> = {};
  for (const [type, count] of Object.entries(events.byType) as [RiskEventType, number][]) {
    if (!countedTypes.includes(type)) {
      if (count > 0) uncounted[type] = count;
      continue;
    }
    total += count;
    maxOfOneType = Math.max(maxOfOneType, count);
  }
  const twoOrMore = counting === 'total' ? total >= 2 : maxOfOneType >= 2;
  return { total, maxOfOneType, twoOrMore, uncounted };
}

export function describeRiskEvents(events: RiskEvents30d, countedTypes: readonly RiskEventType[]): string {
  const parts = (Object.entries(events.byType) as [RiskEventType, number][])
    .filter(([type, count]) => countedTypes.includes(type) && count > 0)
    .map(([type, count]) => `${RISK_EVENT_TYPE_NAMES[type]} ${type} ×${count}`);
  if (events.untyped > 0) parts.push(`untyped ×${events.untyped}`);
  return parts.join(', ');
}
