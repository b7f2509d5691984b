/**
 * "No answer at the door" as a timed ladder, district data like the priority rules: a senior who
 * does not open the door is an emergency until someone has seen them. Each step has an owner (the
 * role that acts) and a deadline from the step's start; when it passes without the senior being
 * found, the next step starts. The dispatch service runs the timers as delayed jobs and records
 * each step's outcome; these rules decide what comes next and how fast cases were closed.
 */
import { isJsonObject } from '../entitlements/json-checks';

export const ESCALATION_STEPS = ['courier-retry', 'office-call', 'emergency-contacts', 'community-worker', 'emergency-services'] as const;
export type EscalationStep = (typeof ESCALATION_STEPS)[number];

export interface LadderStep {
  step: EscalationStep;
  /** The role that acts: 'courier', 'kitchen-office', 'community-worker' (居委会)… */
  owner: string;
  /** Deadline from the step's start; 0 for emergency services: called the moment the ladder gets there. */
  minutes: number;
  /** Chinese / English, as staff see it. */
  label: string;
}

export const DEFAULT_ESCALATION_LADDER: readonly Readonly<LadderStep>[] = Object.freeze(
  (
    [
      { step: 'courier-retry', owner: 'courier', minutes: 10, label: '送餐员再次敲门并致电老人 / Courier knocks again and calls the senior' },
      { step: 'office-call', owner: 'kitchen-office', minutes: 15, label: '助餐点致电老人 / Kitchen office calls the senior' },
      { step: 'emergency-contacts', owner: 'kitchen-office', minutes: 20, label: '联系紧急联系人 / Office calls the emergency contacts' },
      { step: 'community-worker', owner: 'community-worker', minutes: 45, label: '居委会上门查看 / Community worker (居委会) visits' },
      { step: 'emergency-services', owner: 'community-worker', minutes: 0, label: '报警或呼叫急救（110/120）/ Emergency services called (110/120)' },
    ] satisfies LadderStep[]
  ).map((step) => Object.freeze(step)),
);

export interface LadderProblem {
  path: string;
  message: string;
}

/** A step longer than this defeats the ladder: a senior may be on the floor. */
const MAX_STEP_MINUTES = 240;
const STEP_FIELDS = ['step', 'owner', 'minutes', 'label'];

/**
 * Every problem with a district's ladder, each naming its path; empty when it can be used. Steps
 * come in the order of ESCALATION_STEPS (a district may leave some out), each at most once, and
 * the ladder ends with emergency services.
 */
export function validateLadder(input: unknown): LadderProblem[] {
  if (!Array.isArray(input)) return [{ path: '$', message: 'the ladder must be a list of steps' }];
  if (input.length === 0) return [{ path: '$', message: 'the ladder needs at least one step' }];
  const problems: LadderProblem[] = [];
  let previous = -1;
  input.forEach((entry: unknown, i) => {
    const path = `[${i}]`;
    if (!isJsonObject(entry)) {
      problems.push({ path, message: 'each step must be an object with step, owner, minutes and label' });
      return;
    }
    for (const key of Object.keys(entry)) if (!STEP_FIELDS.includes(key)) problems.push({ path: `${path}.${key}`, message: `unknown field (known: ${STEP_FIELDS.join(', ')})` });
    const rank = ESCALATION_STEPS.indexOf(entry['step'] as EscalationStep);
    if (rank < 0) problems.push({ path: `${path}.step`, message: `must be one of ${ESCALATION_STEPS.join(', ')}` });
    else if (rank <= previous) problems.push({ path: `${path}.step`, message: `${String(entry['step'])} must come after ${ESCALATION_STEPS[previous]} and appear once (order: ${ESCALATION_STEPS.join(' → ')})` });
    else previous = rank;
    for (const field of ['owner', 'label']) {
      const value = entry[field];
      if (typeof value !== 'string' || value.trim() === '') problems.push({ path: `${path}.${field}`, message: 'must be a non-empty string' });
    }
    const minutes = entry['minutes'];
    const last = i === input.length - 1;
    const least = last ? 0 : 1;
    if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < least || minutes > MAX_STEP_MINUTES) {
      problems.push({ path: `${path}.minutes`, message: `must be a whole number of minutes from ${least} to ${MAX_STEP_MINUTES}${last ? '' : ' (a step needs time to act; leave it out instead)'}` });
    }
  });
  const lastStep = input[input.length - 1] as unknown;
  if (!isJsonObject(lastStep) || lastStep['step'] !== 'emergency-services') {
    problems.push({ path: `[${input.length - 1}].step`, message: 'the ladder must end with emergency-services: nobody may stay unfound' });
  }
  return problems;
}

export const LADDER_OUTCOMES = ['found-well', 'found-needs-help', 'hospitalised', 'no-answer', 'unreachable'] as const;
export type LadderOutcome = (typeof LADDER_OUTCOMES)[number];

export interface LadderDecision {
  next: LadderStep | null;
  /** The senior has been found (or is known to be in hospital): the case closes. */
  resolved: boolean;
  reason: string;
}

/** Outcomes that close the case, and what closing means. */
const FINDINGS: Readonly<Partial<Record<LadderOutcome, string>>> = {
  'found-well': 'found well: the case closes',
  'found-needs-help': 'found needing help: the case closes with a follow-up (care visit or reassessment)',
  hospitalised: 'in hospital: the case closes and meals pause until discharge',
};

/**
 * What follows a step's outcome: a finding closes the case; no answer (or nobody to try, e.g. no
 * emergency contact on file) moves to the next step. A step no longer on the ladder (the district
 * changed it mid-case) continues with the next step that is.
 */
export function nextStep(ladder: readonly LadderStep[], current: EscalationStep, outcome: LadderOutcome): LadderDecision {
  const finding = FINDINGS[outcome];
  if (finding) return { next: null, resolved: true, reason: finding };
  const rank = ESCALATION_STEPS.indexOf(current);
  const next = ladder.find((step) => ESCALATION_STEPS.indexOf(step.step) > rank) ?? null;
  const why = outcome === 'no-answer' ? 'no answer' : 'could not be tried';
  if (next) return { next, resolved: false, reason: `${current}: ${why}; next: ${next.step} (${next.owner}, ${next.minutes === 0 ? 'now' : `${next.minutes} min`})` };
  return { next: null, resolved: false, reason: `${current}: ${why}, and it is the last step: the case stays open until someone records where the senior is` };
}

export interface EscalationTimeline {
  startedAt: Date;
  steps: Array<{ step: EscalationStep; startedAt: Date; endedAt: Date | null; outcome: LadderOutcome | null; by: string | null }>;
  resolvedAt: Date | null;
}

export interface EscalationSla {
  cases: number;
  resolved: number;
  /** Minutes from the ladder's start to resolution, over resolved cases; null when none is. */
  medianMinutes: number | null;
  p90Minutes: number | null;
  reachedEmergencyServices: number;
}

/** How fast ladders closed. Percentiles interpolate between ranks (the median of an even count is the mean of the middle two). */
export function escalationSla(timelines: readonly EscalationTimeline[]): EscalationSla {
  const minutes = timelines
    .flatMap((timeline) => (timeline.resolvedAt ? [(timeline.resolvedAt.getTime() - timeline.startedAt.getTime()) / 60_000] : []))
    .sort((a, b) => a - b);
  return {
    cases: timelines.length,
    resolved: minutes.length,
    medianMinutes: percentile(minutes, 0.5),
    p90Minutes: percentile(minutes, 0.9),
    reachedEmergencyServices: timelines.filter((timeline) => timeline.steps.some((step) => step.step === 'emergency-services')).length,
  };
}

/** Linear interpolation between closest ranks of sorted values. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const at = (sorted.length - 1) * p;
  const below = Math.floor(at);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
}
