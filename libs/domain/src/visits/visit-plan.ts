/**
 * A senior's visit plan (the care plan agreed from the entitlement) and the visits it asks for in
 * one week. The plan names the days and the start times the senior prefers, how far a visit may
 * move from them, the tasks (each visit shows them), and who may or may not come.
 */
import { addDays, isoWeekday } from '../calendar';
import { isClockTime, minutesOfDay } from '../calendar/clock-time';
import type { LatLng } from '../district';
import type { HomeCareEntitlement } from '../entitlements';
import { DEFAULT_VISIT_POLICY, type HomeCareVisitPolicy, type VisitProblem } from './visit-policy';
import { VERIFICATION_METHODS, type VerificationMethod } from './visit-verification';
import { CARE_SKILLS, CARE_TASK_SKILLS, type CaregiverGender, type CareSkill, skillsForTasks } from './visit-vocabulary';

/** A recurring visit: on an ISO weekday (1 = Monday), starting between `from` and `to` (local HH:MM). */
export interface VisitPattern {
  readonly weekday: number;
  readonly from: string;
  readonly to: string;
  /** Overrides the plan's visit length. */
  readonly durationMinutes?: number;
}

export interface VisitPlan {
  readonly seniorId: string;
  /** The door (WGS-84). */
  readonly location: LatLng;
  readonly patterns: readonly VisitPattern[];
  /** Length of a visit; usually the entitlement's visitMinutes. */
  readonly visitMinutes: number;
  /** Minutes the start may move before `from` and after `to`; absent: the policy's default. */
  readonly flexibilityMinutes?: number;
  readonly tasks: readonly string[];
  /** Skills beyond those the tasks need (e.g. dementia care for a senior who wanders). */
  readonly extraSkills?: readonly CareSkill[];
  /** Languages or dialects the caregiver must speak, e.g. 'shanghainese'. */
  readonly languages?: readonly string[];
  readonly genderPreference: CaregiverGender | null;
  /** First = the caregiver the senior knows best. */
  readonly preferredCaregiverIds: readonly string[];
  readonly blockedCaregiverIds: readonly string[];
  /** Why the plan gives more hours than the entitlement (paid privately, a discharge week...); required then. */
  readonly overrideReason?: string | null;
  /** How check-in and check-out are verified, and whether the senior consented to the caregiver's location being kept; absent: a geofence, location not kept. */
  readonly verification?: VisitVerificationSettings;
}

export interface VisitVerificationSettings {
  readonly method: VerificationMethod;
  readonly keepLocation: boolean;
}

export const DEFAULT_VERIFICATION: VisitVerificationSettings = Object.freeze({ method: 'geofence', keepLocation: false });

/** Minutes after midnight, local time. */
export interface VisitWindow {
  readonly from: number;
  readonly to: number;
}

/** One visit to schedule: its service must START inside `window`. */
export interface VisitRequest {
  /** `${seniorId}:${date}:${n}`, n = 1 for the day's first visit: the same plan and week give the same ids. */
  readonly visitId: string;
  readonly seniorId: string;
  readonly date: string;
  readonly window: VisitWindow;
  readonly durationMinutes: number;
  readonly tasks: readonly string[];
  readonly requiredSkills: readonly CareSkill[];
  readonly languages: readonly string[];
  readonly genderPreference: CaregiverGender | null;
  readonly preferredCaregiverIds: readonly string[];
  readonly blockedCaregiverIds: readonly string[];
  readonly location: LatLng;
}

const DAY_MINUTES = 24 * 60;

/** The visits of the week starting on `weekStart` (a Monday), by date then start time. */
export function visitsForWeek(plan: VisitPlan, weekStart: string, policy: HomeCareVisitPolicy = DEFAULT_VISIT_POLICY): VisitRequest[] {
  if (isoWeekday(weekStart) !== 1) throw new RangeError(`a week starts on a Monday; ${weekStart} is not one`);
  const flexibility = plan.flexibilityMinutes ?? policy.defaultFlexibilityMinutes;
  const requiredSkills = CARE_SKILLS.filter((skill) => skillsForTasks(plan.tasks).includes(skill) || (plan.extraSkills ?? []).includes(skill));
  const sorted = [...plan.patterns].sort((a, b) => a.weekday - b.weekday || minutesOfDay(a.from) - minutesOfDay(b.from));
  const perDate = new Map<string, number>();
  return sorted.map((pattern): VisitRequest => {
    const date = addDays(weekStart, pattern.weekday - 1);
    const n = (perDate.get(date) ?? 0) + 1;
    perDate.set(date, n);
    const duration = pattern.durationMinutes ?? plan.visitMinutes;
    return {
      visitId: `${plan.seniorId}:${date}:${n}`,
      seniorId: plan.seniorId,
      date,
      window: {
        from: Math.max(0, minutesOfDay(pattern.from) - flexibility),
        to: Math.min(DAY_MINUTES - duration, minutesOfDay(pattern.to) + flexibility),
      },
      durationMinutes: duration,
      tasks: [...plan.tasks],
      requiredSkills,
      languages: [...(plan.languages ?? [])],
      genderPreference: plan.genderPreference,
      preferredCaregiverIds: [...plan.preferredCaregiverIds],
      blockedCaregiverIds: [...plan.blockedCaregiverIds],
      location: plan.location,
    };
  });
}

/** Weekly minutes the plan asks for. */
export function plannedMinutesPerWeek(plan: VisitPlan): number {
  return plan.patterns.reduce((sum, pattern) => sum + (pattern.durationMinutes ?? plan.visitMinutes), 0);
}

/** Every problem with a plan against the senior's home-care entitlement, each naming its path. */
export function validateVisitPlan(plan: VisitPlan, entitlement: HomeCareEntitlement): VisitProblem[] {
  const problems: VisitProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  if (!Number.isInteger(plan.visitMinutes) || plan.visitMinutes < 15 || plan.visitMinutes > 480) report('visitMinutes', `visitMinutes ${plan.visitMinutes} must be a whole number of minutes from 15 to 480`);
  if (plan.flexibilityMinutes !== undefined && !(Number.isInteger(plan.flexibilityMinutes) && plan.flexibilityMinutes >= 0 && plan.flexibilityMinutes <= 240)) {
    report('flexibilityMinutes', `flexibilityMinutes ${plan.flexibilityMinutes} must be a whole number from 0 to 240`);
  }
  plan.patterns.forEach((pattern, i) => {
    const path = `patterns[${i}]`;
    if (!Number.isInteger(pattern.weekday) || pattern.weekday < 1 || pattern.weekday > 7) report(`${path}.weekday`, `${path}.weekday ${pattern.weekday} must be 1 (Monday) to 7 (Sunday)`);
    const from = isClockTime(pattern.from) ? minutesOfDay(pattern.from) : null;
    const to = isClockTime(pattern.to) ? minutesOfDay(pattern.to) : null;
    if (from === null) report(`${path}.from`, `${path}.from ${JSON.stringify(pattern.from)} must be a 24-hour time HH:MM`);
    if (to === null) report(`${path}.to`, `${path}.to ${JSON.stringify(pattern.to)} must be a 24-hour time HH:MM`);
    const duration = pattern.durationMinutes ?? plan.visitMinutes;
    if (pattern.durationMinutes !== undefined && !(Number.isInteger(duration) && duration >= 15 && duration <= 480)) {
      report(`${path}.durationMinutes`, `${path}.durationMinutes ${duration} must be a whole number of minutes from 15 to 480`);
    }
    if (from !== null && to !== null && to < from) report(`${path}.to`, `${path}.to ${pattern.to} is before ${path}.from ${pattern.from}`);
    else if (to !== null && to + duration > DAY_MINUTES) report(`${path}.to`, `a ${duration}-minute visit starting at ${pattern.to} runs past midnight`);
  });
  plan.tasks.forEach((task, i) => {
    if (!(task in CARE_TASK_SKILLS)) report(`tasks[${i}]`, `tasks[${i}] ${JSON.stringify(task)} is not a known care task`);
    else if (plan.tasks.indexOf(task) !== i) report(`tasks[${i}]`, `${task} is listed twice`);
  });
  (plan.extraSkills ?? []).forEach((skill, i) => {
    if (!(CARE_SKILLS as readonly string[]).includes(skill)) report(`extraSkills[${i}]`, `extraSkills[${i}] ${JSON.stringify(skill)} is not one of ${CARE_SKILLS.join(', ')}`);
  });
  if (plan.genderPreference !== null && plan.genderPreference !== 'female' && plan.genderPreference !== 'male') {
    report('genderPreference', `genderPreference ${JSON.stringify(plan.genderPreference)} must be female, male or null`);
  }
  if (plan.verification !== undefined) {
    const { method, keepLocation } = (plan.verification ?? {}) as Partial<VisitVerificationSettings>;
    if (!(VERIFICATION_METHODS as readonly unknown[]).includes(method)) report('verification.method', `verification.method ${JSON.stringify(method)} must be one of ${VERIFICATION_METHODS.join(', ')}`);
    if (typeof keepLocation !== 'boolean') report('verification.keepLocation', 'verification.keepLocation must be true (the senior consented to the location being kept) or false');
  }
  plan.blockedCaregiverIds.forEach((id, i) => {
    if (plan.preferredCaregiverIds.includes(id)) report(`blockedCaregiverIds[${i}]`, `caregiver ${id} is both preferred and blocked`);
  });
  const plannedHours = plannedMinutesPerWeek(plan) / 60;
  const overridden = typeof plan.overrideReason === 'string' && plan.overrideReason.trim() !== '';
  if (!overridden) {
    if (plannedHours > entitlement.hoursPerWeek + 1e-9) {
      report('patterns', `the plan gives ${round2(plannedHours)} h a week but the entitlement is ${round2(entitlement.hoursPerWeek)} h: give an overrideReason`);
    } else if (plan.patterns.length > entitlement.visitsPerWeek) {
      report('patterns', `the plan gives ${plan.patterns.length} visits a week but the entitlement is ${entitlement.visitsPerWeek}: give an overrideReason`);
    }
  }
  return problems;
}

/**
 * The plan a senior keeps when the entitlement changes: the same plan when it still fits (or was
 * given more on purpose, with an overrideReason); without any home-care entitlement, none; otherwise
 * the first visits of the week (by weekday, then time) that fit the new visits and hours, each no
 * longer than the new visit length. The family and the office then adjust days and times.
 */
export function fitPlanToEntitlement<P extends Omit<VisitPlan, 'seniorId' | 'location'>>(plan: P, entitlement: HomeCareEntitlement | null): { plan: P | null; changed: boolean } {
  if (!entitlement || entitlement.source === null || entitlement.visitsPerWeek === 0) return { plan: null, changed: true };
  if (typeof plan.overrideReason === 'string' && plan.overrideReason.trim() !== '') return { plan, changed: false };
  const visitMinutes = Math.min(plan.visitMinutes, entitlement.visitMinutes ?? plan.visitMinutes);
  const budget = entitlement.hoursPerWeek * 60;
  const kept: VisitPattern[] = [];
  let minutes = 0;
  for (const pattern of [...plan.patterns].sort((a, b) => a.weekday - b.weekday || (a.from < b.from ? -1 : 1))) {
    const length = Math.min(pattern.durationMinutes ?? visitMinutes, visitMinutes);
    if (kept.length >= entitlement.visitsPerWeek || minutes + length > budget + 1e-9) break;
    kept.push(pattern.durationMinutes === undefined ? pattern : { ...pattern, durationMinutes: length });
    minutes += length;
  }
  const fitted = { ...plan, visitMinutes, patterns: kept };
  const changed = kept.length !== plan.patterns.length || visitMinutes !== plan.visitMinutes || kept.some((p) => !plan.patterns.includes(p));
  return changed ? { plan: fitted, changed } : { plan, changed: false };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
