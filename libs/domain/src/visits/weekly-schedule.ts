/**
 * The week's home-care schedule: a caregiver for every visit and each caregiver's day in order,
 * planned with the routing solver (one VRPTW per zone and day).
 *
 * Objectives, in order: (1) no visit left out when a caregiver could take it, (2) continuity, the
 * same caregiver for the same senior, (3) travel, (4) a fair workload. How each is pursued:
 *
 * - Hard rules are the solver's: skills of the tasks, languages, the senior's gender preference
 *   (a job needs `gender:female`, a caregiver holds `gender:<own>`), blocked caregivers (a senior
 *   with a blocked list needs `may-visit:<seniorId>`, held by every caregiver not on it), shifts,
 *   windows, and the weekly maximum (a day may not take more than what is left of it).
 * - Zones: caregivers are split by home into zones of about `caregiversPerZone` (median cuts on
 *   the longer axis); a senior joins the zone of last week's (or their preferred) caregiver, or of
 *   the nearest caregiver. Days are planned Monday to Sunday, zone by zone; the time budget is
 *   shared in proportion to each zone-day's visits.
 * - Continuity: every visit prefers one caregiver (last week's, else the senior's first preferred,
 *   else the caregiver who served the senior most earlier this week): another one costs
 *   `continuityPenaltyMetres` of route. Two plans compete as for the meal rounds: preferred
 *   caregivers' days kept and filled by insertion (round-keeping) and a fresh search; fewer visits
 *   out wins, then the lower cost.
 * - Fair workload: in the solver each caregiver's day is capped at 1.5 × the zone-day's average
 *   load (service + a travel allowance), so work is spread; a final pass inserts every visit still
 *   out at least added travel into any matching caregiver on duty in the district (any zone), with
 *   only the shift and the weekly maximum as limits. Nothing else balances hours: the spread is
 *   reported.
 * - Scarce days (more visits than the shifts on duty can hold) ahead keep a full shift of each of
 *   their caregivers' weekly hours while lighter days are solved, so a light day does not use up hours
 *   a busy day needs; leftovers are placed first within that reserve, then into it.
 * - Working time counts service plus travel (waiting between visits is not paid time); the weekly
 *   maximum is checked on it.
 */
import { addDays } from '../calendar';
import { minutesOfDay } from '../calendar/clock-time';
import { haversineMetres, type LatLng } from '../district';
import { keepRounds } from '../meal-delivery/round-keeping';
import { type RoutingJob, type RoutingProblem, type RoutingSolution, type RoutingVehicle, solve, type TravelModel } from '../routing';
import {
  type Caregiver,
  cheapestInsertion,
  DEFAULT_DETOUR_FACTOR,
  isOnDuty,
  mayVisit,
  modeMinutes,
  streetMetres,
  type TimedDay,
  timeDay,
  travelMinutes,
  weeklyBudgetMinutes,
} from './caregiver-day';
import type { VisitRequest } from './visit-plan';
import { DEFAULT_VISIT_POLICY, type HomeCareVisitPolicy } from './visit-policy';
import { CAREGIVER_TRAVEL_MODES } from './visit-vocabulary';

export interface ScheduleWeekOptions {
  /** The Monday. */
  readonly weekStart: string;
  readonly policy?: HomeCareVisitPolicy;
  /** seniorId → the caregiver who served the senior most last week. */
  readonly lastWeekCaregivers?: Readonly<Record<string, string>>;
  /** Route metres the planner would add to keep a visit with the senior's caregiver. Default 3000. */
  readonly continuityPenaltyMetres?: number;
  /** Street over straight-line distance. Default 1.3. */
  readonly detourFactor?: number;
  /** Default 40. */
  readonly caregiversPerZone?: number;
  /** Wall-clock budget for the whole week. Default 30 000 ms. */
  readonly timeLimitMs?: number;
  readonly seed?: number;
  /** Caps the fresh search's genetic iterations per zone-day (tests: deterministic plans). */
  readonly maxIterations?: number;
}

export interface ScheduledVisit {
  readonly visitId: string;
  readonly seniorId: string;
  readonly date: string;
  readonly caregiverId: string;
  /** 1 for the caregiver's first door of the day. */
  readonly position: number;
  readonly arrival: number;
  /** Minutes after midnight. */
  readonly start: number;
  readonly end: number;
  /** Travel to this door. */
  readonly travelMinutes: number;
}

export interface CaregiverDayPlan {
  readonly caregiverId: string;
  readonly date: string;
  readonly visitIds: readonly string[];
  readonly departAt: number;
  readonly returnAt: number;
  readonly travelMinutes: number;
  /** Service plus travel. */
  readonly workMinutes: number;
}

export type UnscheduledReason = 'no-caregiver-on-duty' | 'no-matching-caregiver' | 'outside-working-hours' | 'weekly-hours-exhausted' | 'no-capacity';

export interface UnscheduledVisit {
  readonly visitId: string;
  readonly seniorId: string;
  readonly date: string;
  readonly reason: UnscheduledReason;
  readonly detail: string;
}

export interface WorkloadSpread {
  /** Caregivers on duty at least one day of the week. */
  readonly caregivers: number;
  readonly minHours: number;
  readonly maxHours: number;
  readonly meanHours: number;
  readonly stdevHours: number;
}

export interface ScheduleMetrics {
  readonly visits: number;
  readonly assigned: number;
  readonly unassigned: number;
  /** Seniors with a visit this week served by at most two caregivers, over those seniors (1 when none). */
  readonly continuityShare: number;
  readonly seniorsServed: number;
  /** Visits given to last week's caregiver, among visits of seniors who had one. */
  readonly keptFromLastWeek: { readonly visits: number; readonly of: number; readonly share: number };
  readonly totalTravelMinutes: number;
  readonly workload: WorkloadSpread;
  readonly zones: number;
  readonly elapsedMs: number;
}

export interface WeeklySchedule {
  readonly weekStart: string;
  /** The requests planned, for re-planning. */
  readonly visits: readonly VisitRequest[];
  /** By date, caregiver, position. */
  readonly assignments: readonly ScheduledVisit[];
  readonly unassigned: readonly UnscheduledVisit[];
  readonly days: readonly CaregiverDayPlan[];
  readonly metrics: ScheduleMetrics;
}

const DEFAULT_CONTINUITY_PENALTY_METRES = 3000;
const DEFAULT_CAREGIVERS_PER_ZONE = 40;
const DEFAULT_TIME_LIMIT_MS = 30_000;
const FAIR_HEADROOM = 1.5;
const TRAVEL_ALLOWANCE = 1.3;
/** The fairness cap never goes below this many minutes of a day. */
const MIN_FAIR_CAP = 180;
/** A day is scarce when its visits (with the travel allowance) reach this share of the on-duty caregivers' shift minutes. */
const SCARCE_DAY_LOAD = 1;
const KEEPING_SHARE = 0.5;
/** Share of the time budget kept for placing leftovers and explaining what is left out. */
const FINISHING_SHARE = 0.05;

export function scheduleWeek(visits: readonly VisitRequest[], caregivers: readonly Caregiver[], options: ScheduleWeekOptions): WeeklySchedule {
  const started = Date.now();
  const policy = options.policy ?? DEFAULT_VISIT_POLICY;
  const detour = options.detourFactor ?? DEFAULT_DETOUR_FACTOR;
  const penalty = options.continuityPenaltyMetres ?? DEFAULT_CONTINUITY_PENALTY_METRES;
  // The zone-days share the budget but for a slice kept for the leftover passes and the reasons.
  const deadline = started + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS) * (1 - FINISHING_SHARE);
  const seed = options.seed ?? 1;
  const lastWeek = options.lastWeekCaregivers ?? {};
  const dates = Array.from({ length: 7 }, (_, i) => addDays(options.weekStart, i));
  const inWeek = new Set(dates);
  for (const visit of visits) if (!inWeek.has(visit.date)) throw new RangeError(`visit ${visit.visitId} on ${visit.date} is not in the week of ${options.weekStart}`);

  const byId = new Map(caregivers.map((caregiver) => [caregiver.caregiverId, caregiver]));
  const zoneOfCaregiver = zoneCaregivers(caregivers, options.caregiversPerZone ?? DEFAULT_CAREGIVERS_PER_ZONE);
  const zoneCount = new Set(zoneOfCaregiver.values()).size;
  const zoneOfSenior = zoneSeniors(visits, caregivers, zoneOfCaregiver, lastWeek);
  const worked = new Map(caregivers.map((caregiver) => [caregiver.caregiverId, 0]));
  const budget = new Map(caregivers.map((caregiver) => [caregiver.caregiverId, weeklyBudgetMinutes(caregiver, policy)]));
  const servedThisWeek = new Map<string, Map<string, number>>();
  const state: DayState[] = [];
  let visitsLeft = visits.length;
  // Scarce days: more visits than the caregivers on duty can do in their shifts. A caregiver's weekly
  // hours are kept for the scarce days still ahead (a full shift each) while lighter days are planned,
  // so the light days go first to caregivers who do not work the busy ones.
  const scarce = new Set(
    dates.filter((date) => {
      const demand = visits.reduce((sum, visit) => sum + (visit.date === date ? visit.durationMinutes : 0), 0) * TRAVEL_ALLOWANCE;
      const shifts = caregivers.reduce((sum, caregiver) => sum + (isOnDuty(caregiver, date) ? Math.min(shiftMinutes(caregiver), weeklyBudgetMinutes(caregiver, policy)) : 0), 0);
      return demand > 0 && demand >= shifts * SCARCE_DAY_LOAD;
    }),
  );
  const reserveAfter = (caregiver: Caregiver, date: string): number =>
    dates.reduce((sum, later) => sum + (later > date && scarce.has(later) && isOnDuty(caregiver, later) ? shiftMinutes(caregiver) : 0), 0);

  for (const date of dates) {
    const day: DayState = { date, sequences: new Map(), timings: new Map() };
    const dayVisits = visits.filter((visit) => visit.date === date);
    const onDuty = caregivers.filter((caregiver) => isOnDuty(caregiver, date) && remaining(caregiver.caregiverId) > 0);
    const reserve = new Map(onDuty.map((caregiver) => [caregiver.caregiverId, reserveAfter(caregiver, date)]));
    /** Weekly minutes left after the reserve for the scarce days ahead. */
    const spare = (caregiverId: string): number => Math.max(0, remaining(caregiverId) - (reserve.get(caregiverId) ?? 0));
    const preference = (visit: VisitRequest): string | null => {
      const candidates = [lastWeek[visit.seniorId], ...visit.preferredCaregiverIds, ...frequent(servedThisWeek.get(visit.seniorId))];
      for (const id of candidates) {
        const caregiver = id === undefined ? undefined : byId.get(id);
        if (caregiver && isOnDuty(caregiver, date) && mayVisit(caregiver, visit)) return caregiver.caregiverId;
      }
      return null;
    };
    const leftovers: VisitRequest[] = [];
    for (let zone = 0; zone < zoneCount; zone++) {
      const zoneVisits = dayVisits.filter((visit) => zoneOfSenior.get(visit.seniorId) === zone);
      const zoneDuty = onDuty.filter((caregiver) => zoneOfCaregiver.get(caregiver.caregiverId) === zone);
      if (zoneVisits.length === 0) continue;
      if (zoneDuty.length === 0) {
        leftovers.push(...zoneVisits);
        continue;
      }
      const share = Math.max(1, ((deadline - Date.now()) * zoneVisits.length) / Math.max(1, visitsLeft));
      visitsLeft -= zoneVisits.length;
      const solution = solveZoneDay(zoneVisits, zoneDuty, {
        date,
        detour,
        penalty,
        preference,
        remaining: spare,
        timeLimitMs: share,
        seed,
        maxIterations: options.maxIterations,
      });
      const visitById = new Map(zoneVisits.map((visit) => [visit.visitId, visit]));
      for (const route of solution.routes) {
        const caregiver = byId.get(route.vehicleId) as Caregiver;
        const sequence = route.jobIds.map((id) => visitById.get(id) as VisitRequest);
        const timed = timeDay(caregiver, sequence, detour);
        if (!timed || timed.workMinutes > remaining(caregiver.caregiverId) + 1e-6) {
          leftovers.push(...sequence);
          continue;
        }
        day.sequences.set(caregiver.caregiverId, sequence);
        day.timings.set(caregiver.caregiverId, timed);
        worked.set(caregiver.caregiverId, (worked.get(caregiver.caregiverId) ?? 0) + timed.workMinutes);
      }
      leftovers.push(...solution.unassigned.map((entry) => visitById.get(entry.jobId) as VisitRequest));
    }
    // Leftovers anywhere in the district: first within the hours not kept for the scarce days ahead, then
    // into those too (a visit today is worth as much as one later in the week).
    const leftoverContext = { detour, preference, penaltyMinutes: penaltyMinutes(penalty), worked };
    const stillOut = placeLeftovers(day, leftovers, onDuty, { ...leftoverContext, remaining: spare });
    placeLeftovers(day, stillOut, onDuty, { ...leftoverContext, remaining });
    for (const [caregiverId, sequence] of day.sequences) {
      for (const visit of sequence) {
        const counts = servedThisWeek.get(visit.seniorId) ?? new Map<string, number>();
        counts.set(caregiverId, (counts.get(caregiverId) ?? 0) + 1);
        servedThisWeek.set(visit.seniorId, counts);
      }
    }
    state.push(day);
  }
  return assembleSchedule(options.weekStart, visits, caregivers, state, { policy, detour, lastWeek, zones: zoneCount, started });

  function remaining(caregiverId: string): number {
    return (budget.get(caregiverId) ?? 0) - (worked.get(caregiverId) ?? 0);
  }
}

/** One date's routes while it is planned: sequences and their timing per caregiver. */
export interface DayState {
  readonly date: string;
  readonly sequences: Map<string, VisitRequest[]>;
  readonly timings: Map<string, TimedDay>;
}

interface ZoneDayContext {
  date: string;
  detour: number;
  penalty: number;
  preference: (visit: VisitRequest) => string | null;
  remaining: (caregiverId: string) => number;
  timeLimitMs: number;
  seed: number;
  maxIterations: number | undefined;
}

function solveZoneDay(visits: readonly VisitRequest[], duty: readonly Caregiver[], context: ZoneDayContext): RoutingSolution {
  const started = Date.now();
  const points: LatLng[] = [...duty.map((caregiver) => caregiver.home), ...visits.map((visit) => visit.location)];
  const travel = visitTravelModel(points, context.detour);
  const blocking = visits.filter((visit) => visit.blockedCaregiverIds.length > 0);
  const demand = visits.reduce((sum, visit) => sum + visit.durationMinutes, 0);
  const fairCap = Math.max(MIN_FAIR_CAP, Math.ceil(((demand * TRAVEL_ALLOWANCE) / duty.length) * FAIR_HEADROOM));
  const vehicles = duty.map((caregiver): RoutingVehicle => {
    const from = minutesOfDay(caregiver.shift.from);
    const to = minutesOfDay(caregiver.shift.to);
    return {
      id: caregiver.caregiverId,
      capacity: 0,
      startLocation: duty.indexOf(caregiver),
      shift: { start: from, end: to },
      skills: [
        ...caregiver.skills,
        ...caregiver.languages.map((language) => `language:${language}`),
        `gender:${caregiver.gender}`,
        ...blocking.filter((visit) => !visit.blockedCaregiverIds.includes(caregiver.caregiverId)).map((visit) => `may-visit:${visit.seniorId}`),
      ],
      profile: caregiver.travelMode,
      speedFactor: caregiver.speedFactor ?? 1,
      maxDuration: Math.max(0, Math.min(to - from, context.remaining(caregiver.caregiverId), fairCap)),
    };
  });
  const onDuty = new Set(duty.map((caregiver) => caregiver.caregiverId));
  const jobs = visits.map((visit, i): RoutingJob => {
    const preferred = context.preference(visit);
    return {
      id: visit.visitId,
      location: duty.length + i,
      serviceDuration: visit.durationMinutes,
      timeWindow: { start: visit.window.from, end: visit.window.to },
      requiredSkills: [
        ...visit.requiredSkills,
        ...visit.languages.map((language) => `language:${language}`),
        ...(visit.genderPreference ? [`gender:${visit.genderPreference}`] : []),
        ...(visit.blockedCaregiverIds.length > 0 ? [`may-visit:${visit.seniorId}`] : []),
      ],
      ...(preferred && onDuty.has(preferred) ? { preferredVehicle: { vehicleId: preferred, penalty: context.penalty } } : {}),
    };
  });
  const problem: RoutingProblem = { jobs, vehicles, travel };
  const windowStart = new Map(visits.map((visit) => [visit.visitId, visit.window.from]));
  const kept = keepRounds(problem, windowStart, { deadline: started + context.timeLimitMs * KEEPING_SHARE, seed: context.seed });
  const fresh = solve(problem, { timeLimitMs: Math.max(1, started + context.timeLimitMs - Date.now()), seed: context.seed, maxIterations: context.maxIterations });
  const better = kept && (kept.unassigned.length < fresh.unassigned.length || (kept.unassigned.length === fresh.unassigned.length && kept.totals.cost <= fresh.totals.cost));
  return better ? kept : fresh;
}

/** Metres (haversine × detour) between doors; minutes per caregiver travel mode. */
export function visitTravelModel(points: readonly LatLng[], detourFactor: number): TravelModel {
  const n = points.length;
  const metres = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const street = streetMetres(points[i], points[j], detourFactor);
      metres[i * n + j] = street;
      metres[j * n + i] = street;
    }
  }
  const origin = points[0] ?? { lat: 31, lng: 121 };
  const perLng = 111_320 * Math.cos((origin.lat * Math.PI) / 180);
  const plane = points.map((p): [number, number] => [(p.lng - origin.lng) * perLng, (p.lat - origin.lat) * 110_574]);
  const modes = new Set<string>(CAREGIVER_TRAVEL_MODES);
  return {
    locationCount: n,
    distance: (from, to) => metres[from * n + to],
    duration: (from, to, profile) => (modes.has(profile) ? modeMinutes(profile as Caregiver['travelMode'], metres[from * n + to]) : metres[from * n + to]),
    coordinates: (location) => plane[location],
  };
}

interface LeftoverContext {
  detour: number;
  remaining: (caregiverId: string) => number;
  preference: (visit: VisitRequest) => string | null;
  penaltyMinutes: number;
  worked: Map<string, number>;
}

/**
 * Visits the zones left out, each where it adds the least (travel, plus the continuity penalty), into
 * any matching caregiver on duty in the district with room in the shift and the weekly hours (no
 * fairness cap). Returns the visits that fit nowhere.
 */
function placeLeftovers(day: DayState, leftovers: readonly VisitRequest[], onDuty: readonly Caregiver[], context: LeftoverContext): VisitRequest[] {
  const sorted = [...leftovers].sort((a, b) => a.window.from - b.window.from || (a.visitId < b.visitId ? -1 : 1));
  const out: VisitRequest[] = [];
  for (const visit of sorted) {
    const preferred = context.preference(visit);
    let best: { caregiver: Caregiver; sequence: VisitRequest[]; timed: TimedDay; cost: number; added: number } | null = null;
    for (const caregiver of onDuty) {
      const id = caregiver.caregiverId;
      const budget = context.remaining(id);
      if (budget < visit.durationMinutes) continue;
      const current = day.timings.get(id) ?? null;
      // Service plus travel never exceeds the shift: a day without that much room cannot take the visit.
      if (current && current.workMinutes + visit.durationMinutes > shiftMinutes(caregiver) + 1e-6) continue;
      if (!mayVisit(caregiver, visit)) continue;
      if (current && !hasGap(caregiver, day.sequences.get(id) ?? [], current, visit)) continue;
      const insertion = cheapestInsertion(caregiver, day.sequences.get(id) ?? [], current, visit, budget, context.detour);
      if (!insertion) continue;
      const cost = insertion.addedMinutes - visit.durationMinutes + (preferred !== null && preferred !== id ? context.penaltyMinutes : 0);
      if (!best || cost < best.cost) best = { caregiver, sequence: insertion.sequence, timed: insertion.timed, cost, added: insertion.addedMinutes };
    }
    if (!best) {
      out.push(visit);
      continue;
    }
    const id = best.caregiver.caregiverId;
    day.sequences.set(id, best.sequence);
    day.timings.set(id, best.timed);
    context.worked.set(id, (context.worked.get(id) ?? 0) + best.added);
  }
  return out;
}

/**
 * A cheap necessary condition for inserting `visit` into a timed day: somewhere between two stops (or
 * the shift's ends) the visit fits inside its window before the next visit's window closes, travel
 * aside. Saves timing every place of every full day.
 */
function hasGap(caregiver: Caregiver, sequence: readonly VisitRequest[], timed: TimedDay, visit: VisitRequest): boolean {
  const shiftFrom = minutesOfDay(caregiver.shift.from);
  const shiftTo = minutesOfDay(caregiver.shift.to);
  for (let i = 0; i <= sequence.length; i++) {
    const previousEnd = i === 0 ? shiftFrom : timed.stops[i - 1].end;
    const start = Math.max(visit.window.from, previousEnd);
    if (start > visit.window.to + 1e-6) return false; // later places only start later
    const end = start + visit.durationMinutes;
    const latest = i === sequence.length ? shiftTo : sequence[i].window.to;
    if (end <= latest + 1e-6) return true;
  }
  return false;
}

function shiftMinutes(caregiver: Caregiver): number {
  return minutesOfDay(caregiver.shift.to) - minutesOfDay(caregiver.shift.from);
}

/** The continuity penalty in minutes of an e-bike ride, for the insertion passes. */
function penaltyMinutes(penaltyMetres: number): number {
  return modeMinutes('e-bike', penaltyMetres);
}

function frequent(counts: ReadonlyMap<string, number> | undefined): string[] {
  if (!counts) return [];
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
}

/** Zone index per caregiver: median cuts on the longer axis until each zone has at most `size` caregivers. */
function zoneCaregivers(caregivers: readonly Caregiver[], size: number): Map<string, number> {
  const zones = new Map<string, number>();
  let next = 0;
  const cut = (group: Caregiver[]): void => {
    if (group.length <= Math.max(1, size)) {
      const zone = next++;
      for (const caregiver of group) zones.set(caregiver.caregiverId, zone);
      return;
    }
    const lats = group.map((c) => c.home.lat);
    const lngs = group.map((c) => c.home.lng);
    const latSpan = (Math.max(...lats) - Math.min(...lats)) * 110_574;
    const lngSpan = (Math.max(...lngs) - Math.min(...lngs)) * 111_320 * Math.cos((lats[0] * Math.PI) / 180);
    const key = latSpan >= lngSpan ? (c: Caregiver) => c.home.lat : (c: Caregiver) => c.home.lng;
    const sorted = [...group].sort((a, b) => key(a) - key(b) || (a.caregiverId < b.caregiverId ? -1 : 1));
    const half = Math.floor(sorted.length / 2);
    cut(sorted.slice(0, half));
    cut(sorted.slice(half));
  };
  cut([...caregivers]);
  return zones;
}

/** A senior joins the zone of the caregiver they know (last week's, else their first preferred), else of the nearest caregiver. */
function zoneSeniors(visits: readonly VisitRequest[], caregivers: readonly Caregiver[], zoneOfCaregiver: ReadonlyMap<string, number>, lastWeek: Readonly<Record<string, string>>): Map<string, number> {
  const zones = new Map<string, number>();
  for (const visit of visits) {
    if (zones.has(visit.seniorId)) continue;
    const known = [lastWeek[visit.seniorId], ...visit.preferredCaregiverIds].find((id) => id !== undefined && zoneOfCaregiver.has(id) && !visit.blockedCaregiverIds.includes(id));
    if (known !== undefined) {
      zones.set(visit.seniorId, zoneOfCaregiver.get(known) as number);
      continue;
    }
    let nearest = -1;
    let best = Number.POSITIVE_INFINITY;
    for (const caregiver of caregivers) {
      const metres = haversineMetres(caregiver.home, visit.location);
      if (metres < best) {
        best = metres;
        nearest = zoneOfCaregiver.get(caregiver.caregiverId) as number;
      }
    }
    zones.set(visit.seniorId, nearest);
  }
  return zones;
}

interface AssembleContext {
  policy: HomeCareVisitPolicy;
  detour: number;
  lastWeek: Readonly<Record<string, string>>;
  zones: number;
  started: number;
  /** Reasons already known (re-planning one day keeps the other days' reasons instead of recomputing them). */
  knownReasons?: ReadonlyMap<string, UnscheduledVisit>;
}

/** The schedule from each day's routes: assignments, reasons for what is left out, metrics. */
export function assembleSchedule(weekStart: string, visits: readonly VisitRequest[], caregivers: readonly Caregiver[], days: readonly DayState[], context: AssembleContext): WeeklySchedule {
  const assignments: ScheduledVisit[] = [];
  const plans: CaregiverDayPlan[] = [];
  const workedMinutes = new Map<string, number>();
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    for (const caregiverId of [...day.sequences.keys()].sort()) {
      const sequence = day.sequences.get(caregiverId) ?? [];
      const timed = day.timings.get(caregiverId);
      if (!timed || sequence.length === 0) continue;
      sequence.forEach((visit, i) => {
        const stop = timed.stops[i];
        assignments.push({ visitId: visit.visitId, seniorId: visit.seniorId, date: day.date, caregiverId, position: i + 1, arrival: stop.arrival, start: stop.start, end: stop.end, travelMinutes: stop.travelMinutes });
      });
      plans.push({ caregiverId, date: day.date, visitIds: sequence.map((visit) => visit.visitId), departAt: timed.departAt, returnAt: timed.returnAt, travelMinutes: timed.travelMinutes, workMinutes: timed.workMinutes });
      workedMinutes.set(caregiverId, (workedMinutes.get(caregiverId) ?? 0) + timed.workMinutes);
    }
  }
  const assigned = new Map(assignments.map((entry) => [entry.visitId, entry]));
  const onDutyByDate = new Map<string, Caregiver[]>();
  const unassigned = visits
    .filter((visit) => !assigned.has(visit.visitId))
    .map((visit) => {
      const known = context.knownReasons?.get(visit.visitId);
      if (known) return known;
      let onDuty = onDutyByDate.get(visit.date);
      if (!onDuty) onDutyByDate.set(visit.date, (onDuty = caregivers.filter((caregiver) => isOnDuty(caregiver, visit.date))));
      return explainUnscheduled(visit, onDuty, workedMinutes, context.policy, context.detour);
    })
    .sort((a, b) => a.date.localeCompare(b.date) || (a.visitId < b.visitId ? -1 : 1));

  const caregiversBySenior = new Map<string, Set<string>>();
  for (const entry of assignments) {
    const set = caregiversBySenior.get(entry.seniorId) ?? new Set<string>();
    set.add(entry.caregiverId);
    caregiversBySenior.set(entry.seniorId, set);
  }
  const continuous = [...caregiversBySenior.values()].filter((set) => set.size <= 2).length;
  const withHistory = visits.filter((visit) => context.lastWeek[visit.seniorId] !== undefined);
  const kept = withHistory.filter((visit) => assigned.get(visit.visitId)?.caregiverId === context.lastWeek[visit.seniorId]).length;
  const dates = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  const working = caregivers.filter((caregiver) => dates.some((date) => isOnDuty(caregiver, date)));
  return {
    weekStart,
    visits,
    assignments,
    unassigned,
    days: plans,
    metrics: {
      visits: visits.length,
      assigned: assignments.length,
      unassigned: unassigned.length,
      continuityShare: caregiversBySenior.size === 0 ? 1 : continuous / caregiversBySenior.size,
      seniorsServed: caregiversBySenior.size,
      keptFromLastWeek: { visits: kept, of: withHistory.length, share: withHistory.length === 0 ? 1 : kept / withHistory.length },
      totalTravelMinutes: plans.reduce((sum, plan) => sum + plan.travelMinutes, 0),
      workload: workloadSpread(working.map((caregiver) => (workedMinutes.get(caregiver.caregiverId) ?? 0) / 60)),
      zones: context.zones,
      elapsedMs: Date.now() - context.started,
    },
  };
}

export function workloadSpread(hours: readonly number[]): WorkloadSpread {
  if (hours.length === 0) return { caregivers: 0, minHours: 0, maxHours: 0, meanHours: 0, stdevHours: 0 };
  const mean = hours.reduce((sum, h) => sum + h, 0) / hours.length;
  const variance = hours.reduce((sum, h) => sum + (h - mean) ** 2, 0) / hours.length;
  return { caregivers: hours.length, minHours: Math.min(...hours), maxHours: Math.max(...hours), meanHours: mean, stdevHours: Math.sqrt(variance) };
}

/** Why nobody took a visit, from the whole district's caregivers that day (not just its zone). */
export function explainUnscheduled(visit: VisitRequest, caregivers: readonly Caregiver[], workedMinutes: ReadonlyMap<string, number>, policy: HomeCareVisitPolicy, detour: number): UnscheduledVisit {
  const base = { visitId: visit.visitId, seniorId: visit.seniorId, date: visit.date };
  const onDuty = caregivers.filter((caregiver) => isOnDuty(caregiver, visit.date));
  if (onDuty.length === 0) return { ...base, reason: 'no-caregiver-on-duty', detail: `no caregiver works on ${visit.date}` };
  const matching = onDuty.filter((caregiver) => mayVisit(caregiver, visit));
  if (matching.length === 0) {
    const needs = [...visit.requiredSkills, ...visit.languages, ...(visit.genderPreference ? [`a ${visit.genderPreference} caregiver`] : [])].join(', ');
    return { ...base, reason: 'no-matching-caregiver', detail: `no caregiver on duty has ${needs || 'what the visit needs'} without being blocked` };
  }
  // Each matching caregiver timed once: alone at the door (null when the window or shift cannot be kept).
  let reachable = 0;
  let withHours = 0;
  for (const caregiver of matching) {
    const alone = aloneWorkMinutes(caregiver, visit, detour);
    if (alone === null) continue;
    reachable++;
    if (weeklyBudgetMinutes(caregiver, policy) - (workedMinutes.get(caregiver.caregiverId) ?? 0) >= alone) withHours++;
  }
  if (reachable === 0) return { ...base, reason: 'outside-working-hours', detail: 'no matching caregiver can reach the door inside the window within the shift' };
  if (withHours === 0) return { ...base, reason: 'weekly-hours-exhausted', detail: 'every matching caregiver has used up the weekly maximum' };
  return { ...base, reason: 'no-capacity', detail: `${withHours} matching caregiver(s) have hours left but no room in their day at that time: add a caregiver or widen the window` };
}

/** `timeDay(caregiver, [visit], detour)?.workMinutes` without building the day: null when the window or shift cannot be kept. */
function aloneWorkMinutes(caregiver: Caregiver, visit: VisitRequest, detour: number): number | null {
  const shiftFrom = minutesOfDay(caregiver.shift.from);
  const shiftTo = minutesOfDay(caregiver.shift.to);
  const leg = travelMinutes(caregiver, caregiver.home, visit.location, detour);
  const departAt = Math.max(shiftFrom, visit.window.from - leg);
  const start = Math.max(departAt + leg, visit.window.from);
  if (start > visit.window.to + 1e-6) return null;
  const back = travelMinutes(caregiver, visit.location, caregiver.home, detour);
  if (start + visit.durationMinutes + back > shiftTo + 1e-6) return null;
  return leg + visit.durationMinutes + back;
}
