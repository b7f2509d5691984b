/**
 * A caregiver's working day, shared by the weekly planner and same-day re-planning: who is on
 * duty, who may visit whom, travel between doors, and the timing of a fixed sequence of visits.
 *
 * Timing: the caregiver leaves home (never before the shift starts) just in time for the first
 * visit, starts each visit as early as its window allows (waiting at the door when early) and goes
 * home after the last; the shift bounds departure and return. A visit already planned may carry a
 * `notBefore`: re-planning never moves a planned visit earlier. Working time is service plus
 * travel, the time an agency pays; waiting between visits is the caregiver's own.
 */
import { isoWeekday } from '../calendar';
import { minutesOfDay } from '../calendar/clock-time';
import { haversineMetres, type LatLng } from '../district';
import type { VisitRequest } from './visit-plan';
import { DEFAULT_VISIT_POLICY, type HomeCareVisitPolicy } from './visit-policy';
import { CAREGIVER_TRAVEL_SPEEDS_KMH, type CaregiverGender, type CaregiverTravelMode, type CareSkill, type CertificationLevel } from './visit-vocabulary';

export interface Caregiver {
  readonly caregiverId: string;
  readonly gender: CaregiverGender;
  /** Null: not (yet) certified. */
  readonly certification: CertificationLevel | null;
  readonly skills: readonly CareSkill[];
  /** Languages and dialects spoken, e.g. 'mandarin', 'shanghainese'. */
  readonly languages: readonly string[];
  /** Where the day starts and ends (WGS-84). */
  readonly home: LatLng;
  readonly travelMode: CaregiverTravelMode;
  /** Multiplies the mode's speed. Default 1. */
  readonly speedFactor?: number;
  /** ISO weekdays worked (1 = Monday). */
  readonly workingDays: readonly number[];
  /** Local HH:MM: leaves home no earlier than `from`, back no later than `to`. */
  readonly shift: { readonly from: string; readonly to: string };
  /** The contract's weekly maximum; the policy's maximum caps it. */
  readonly maxHoursPerWeek?: number | null;
  /** Dates not worked: rest days, leave, sickness. */
  readonly daysOff: readonly string[];
  /** A meal break of `minutes` taken between `from` and `to` (local HH:MM) on any day that runs past `from`. */
  readonly break?: { readonly from: string; readonly to: string; readonly minutes: number } | null;
}

/** Street distance over straight line, the meals' default. */
export const DEFAULT_DETOUR_FACTOR = 1.3;
const TOLERANCE = 1e-6;

export function isOnDuty(caregiver: Caregiver, date: string): boolean {
  return caregiver.workingDays.includes(isoWeekday(date)) && !caregiver.daysOff.includes(date);
}

export function weeklyBudgetMinutes(caregiver: Caregiver, policy: HomeCareVisitPolicy = DEFAULT_VISIT_POLICY): number {
  return Math.min(caregiver.maxHoursPerWeek ?? policy.maxCaregiverHoursPerWeek, policy.maxCaregiverHoursPerWeek) * 60;
}

/** Skills of the tasks, languages, the senior's gender preference and blocked caregivers: all hard. */
export function mayVisit(caregiver: Caregiver, visit: VisitRequest): boolean {
  return (
    visit.requiredSkills.every((skill) => caregiver.skills.includes(skill)) &&
    visit.languages.every((language) => caregiver.languages.includes(language)) &&
    (visit.genderPreference === null || visit.genderPreference === caregiver.gender) &&
    !visit.blockedCaregiverIds.includes(caregiver.caregiverId)
  );
}

export function streetMetres(a: LatLng, b: LatLng, detourFactor: number): number {
  return haversineMetres(a, b) * detourFactor;
}

export function modeMinutes(mode: CaregiverTravelMode, metres: number): number {
  return (metres / 1000 / CAREGIVER_TRAVEL_SPEEDS_KMH[mode]) * 60;
}

export function travelMinutes(caregiver: Caregiver, a: LatLng, b: LatLng, detourFactor: number): number {
  return modeMinutes(caregiver.travelMode, streetMetres(a, b, detourFactor)) / (caregiver.speedFactor ?? 1);
}

export interface TimedStop {
  readonly visitId: string;
  readonly arrival: number;
  readonly start: number;
  readonly end: number;
  /** Travel to this door from home or the previous one. */
  readonly travelMinutes: number;
}

export interface TimedDay {
  readonly stops: readonly TimedStop[];
  readonly departAt: number;
  readonly returnAt: number;
  readonly travelMinutes: number;
  readonly serviceMinutes: number;
  /** Service plus travel. */
  readonly workMinutes: number;
}

/** The sequence timed, or null when a window or the shift cannot be kept. */
export function timeDay(caregiver: Caregiver, visits: readonly VisitRequest[], detourFactor: number, notBefore?: ReadonlyMap<string, number>): TimedDay | null {
  const shiftFrom = minutesOfDay(caregiver.shift.from);
  const shiftTo = minutesOfDay(caregiver.shift.to);
  let place = caregiver.home;
  let clock = shiftFrom;
  let departAt = shiftFrom;
  let travel = 0;
  let service = 0;
  const stops: TimedStop[] = [];
  const pause = caregiver.break ? { from: minutesOfDay(caregiver.break.from), latest: minutesOfDay(caregiver.break.to) - caregiver.break.minutes, minutes: caregiver.break.minutes } : null;
  let rested = pause === null;
  for (const [i, visit] of visits.entries()) {
    const leg = travelMinutes(caregiver, place, visit.location, detourFactor);
    const earliest = Math.max(visit.window.from, notBefore?.get(visit.visitId) ?? 0);
    if (i === 0) {
      departAt = Math.max(shiftFrom, earliest - leg);
      clock = departAt;
    }
    // A visit that would start after the break window opens comes after the break (taken where the last visit ended).
    if (!rested && pause && Math.max(clock + leg, earliest) > pause.from && i > 0) {
      const breakStart = Math.max(clock, pause.from);
      if (breakStart > pause.latest + TOLERANCE) return null;
      clock = breakStart + pause.minutes;
      rested = true;
    }
    const arrival = clock + leg;
    const start = Math.max(arrival, earliest);
    if (start > visit.window.to + TOLERANCE) return null;
    clock = start + visit.durationMinutes;
    travel += leg;
    service += visit.durationMinutes;
    stops.push({ visitId: visit.visitId, arrival, start, end: clock, travelMinutes: leg });
    place = visit.location;
  }
  const home = visits.length > 0 ? travelMinutes(caregiver, place, caregiver.home, detourFactor) : 0;
  const returnAt = clock + home;
  if (visits.length > 0 && returnAt > shiftTo + TOLERANCE) return null;
  travel += home;
  return { stops, departAt, returnAt: visits.length > 0 ? returnAt : departAt, travelMinutes: travel, serviceMinutes: service, workMinutes: travel + service };
}

export interface Insertion {
  readonly sequence: VisitRequest[];
  readonly timed: TimedDay;
  /** Working minutes added. */
  readonly addedMinutes: number;
}

/** The visit where it adds the fewest working minutes, within the shift, the windows and `budgetMinutes`; null when it fits nowhere. */
export function cheapestInsertion(
  caregiver: Caregiver,
  sequence: readonly VisitRequest[],
  current: TimedDay | null,
  visit: VisitRequest,
  budgetMinutes: number,
  detourFactor: number,
  notBefore?: ReadonlyMap<string, number>,
): Insertion | null {
  const before = current?.workMinutes ?? 0;
  let best: Insertion | null = null;
  for (let i = 0; i <= sequence.length; i++) {
    // A visit whose window closes before the one at i starts cannot go after it: skip hopeless places cheaply.
    if (i > 0 && sequence[i - 1].window.from > visit.window.to) break;
    const candidate = [...sequence.slice(0, i), visit, ...sequence.slice(i)];
    const timed = timeDay(caregiver, candidate, detourFactor, notBefore);
    if (!timed || timed.workMinutes - before > budgetMinutes + TOLERANCE) continue;
    const added = timed.workMinutes - before;
    if (!best || added < best.addedMinutes) best = { sequence: candidate, timed, addedMinutes: added };
  }
  return best;
}
