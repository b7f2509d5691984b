/**
 * A district's priority rules for the bed waiting list, as versioned data: points for each of the
 * plans' priority groups, for the assessed level, for time waited, and a penalty for offers
 * declined. An applicant's score is the sum of these named parts, so a family can see exactly why
 * they stand where they stand.
 */
import { GBT_42195_2022_ID, MZT_039_2013_ID, SHANGHAI_CARE_NEEDS_ID } from '../assessment';
import { isJsonObject } from '../entitlements/json-checks';
import { PRIORITY_GROUP_IDS, type PriorityGroupId } from '../entitlements/policy-vocabulary';

export interface PriorityRules {
  /** Points for holding each priority group flag (特困, 低保, 高龄…); a group not listed gives none. */
  readonly groupPoints: Readonly<Partial<Record<PriorityGroupId, number>>>;
  /** Points by the senior's latest level, per instrument id ("GB/T 42195-2022" → {"3": 20, …}). */
  readonly levelPoints: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Points per full month on the list, up to `maxWaitingPoints`. */
  readonly waitingPointsPerMonth: number;
  readonly maxWaitingPoints: number;
  /** Points taken off per offer the applicant declined (0: declining costs nothing). */
  readonly declinePenaltyPoints: number;
}

/** The rules a district has until it publishes its own: the plans' groups, level first, then time waited. */
export const DEFAULT_PRIORITY_RULES: Readonly<PriorityRules> = Object.freeze({
  groupPoints: {
    'extreme-poverty': 40,
    'minimum-income': 30,
    'low-income': 20,
    'very-old': 10,
    'living-alone': 15,
    'empty-nest': 10,
    disabled: 15,
    'cognitive-impairment': 15,
    'family-planning-special': 20,
    'key-entitled': 20,
  },
  levelPoints: {
    [GBT_42195_2022_ID]: { '1': 5, '2': 15, '3': 30, '4': 40 },
    [MZT_039_2013_ID]: { '1': 5, '2': 15, '3': 30 },
    [SHANGHAI_CARE_NEEDS_ID]: { '1': 5, '2': 10, '3': 15, '4': 25, '5': 35, '6': 40 },
  },
  waitingPointsPerMonth: 2,
  maxWaitingPoints: 24,
  declinePenaltyPoints: 5,
});

export const DEFAULT_PRIORITY_RULES_VERSION = 'built-in-2026';

export interface PriorityRulesProblem {
  readonly path: string;
  readonly message: string;
}

const MAX_POINTS = 1_000;

/** Every problem with a rules document, each naming its path; empty when the rules can be used. */
export function validatePriorityRules(input: unknown): PriorityRulesProblem[] {
  const problems: PriorityRulesProblem[] = [];
  if (!isJsonObject(input)) return [{ path: '$', message: 'the rules must be a JSON object' }];
  const points = (path: string, value: unknown, min = -MAX_POINTS) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_POINTS) problems.push({ path, message: `must be a whole number from ${min} to ${MAX_POINTS}` });
  };
  const known = new Set<string>(['groupPoints', 'levelPoints', 'waitingPointsPerMonth', 'maxWaitingPoints', 'declinePenaltyPoints']);
  for (const key of Object.keys(input)) if (!known.has(key)) problems.push({ path: key, message: `unknown field (known: ${[...known].join(', ')})` });
  const groups = input['groupPoints'];
  if (!isJsonObject(groups)) problems.push({ path: 'groupPoints', message: 'must be an object of priority group → points' });
  else
    for (const [group, value] of Object.entries(groups)) {
      if (!(PRIORITY_GROUP_IDS as readonly string[]).includes(group)) problems.push({ path: `groupPoints.${group}`, message: `unknown priority group (known: ${PRIORITY_GROUP_IDS.join(', ')})` });
      else points(`groupPoints.${group}`, value);
    }
  const levels = input['levelPoints'];
  if (!isJsonObject(levels)) problems.push({ path: 'levelPoints', message: 'must be an object of instrument → { level → points }' });
  else
    for (const [instrument, table] of Object.entries(levels)) {
      if (!isJsonObject(table)) {
        problems.push({ path: `levelPoints.${instrument}`, message: 'must be an object of level → points' });
        continue;
      }
      for (const [level, value] of Object.entries(table)) {
        if (!/^\d$/.test(level)) problems.push({ path: `levelPoints.${instrument}.${level}`, message: 'levels are single digits 0–9' });
        else points(`levelPoints.${instrument}.${level}`, value);
      }
    }
  points('waitingPointsPerMonth', input['waitingPointsPerMonth'], 0);
  points('maxWaitingPoints', input['maxWaitingPoints'], 0);
  points('declinePenaltyPoints', input['declinePenaltyPoints'], 0);
  return problems;
}
