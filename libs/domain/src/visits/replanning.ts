/**
 * Same-day re-planning: a caregiver calls in sick, a visit is cancelled, an extra visit appears.
 * Only what the change touches moves: a sick caregiver's visits go, one at a time (earliest window
 * first), to the matching caregiver on duty where they add the least working time (the senior's
 * caregiver of the week preferred), inserted into that caregiver's day without moving any planned
 * visit earlier; every other caregiver's day stays as it was. A cancelled visit leaves its
 * caregiver's day and nothing else moves. What changed and who must hear of it is returned.
 */
import { haversineMetres } from '../district';
import { type Caregiver, cheapestInsertion, DEFAULT_DETOUR_FACTOR, isOnDuty, mayVisit, modeMinutes, type TimedDay, timeDay, weeklyBudgetMinutes } from './caregiver-day';
import type { VisitRequest } from './visit-plan';
import { DEFAULT_VISIT_POLICY, type HomeCareVisitPolicy } from './visit-policy';
import { assembleSchedule, type DayState, type WeeklySchedule } from './weekly-schedule';

export type DayChange = { readonly sickCaregiverId: string } | { readonly cancelledVisitId: string } | { readonly extraVisit: VisitRequest };

export type VisitChangeKind = 'reassigned' | 'retimed' | 'cancelled' | 'added' | 'unassigned';

export interface VisitChange {
  readonly visitId: string;
  readonly seniorId: string;
  readonly kind: VisitChangeKind;
  readonly fromCaregiverId: string | null;
  readonly toCaregiverId: string | null;
  readonly fromStart: number | null;
  readonly toStart: number | null;
}

export interface DayReplan {
  readonly schedule: WeeklySchedule;
  /** By visit id. */
  readonly changes: readonly VisitChange[];
  /** Everyone whose day changed: caregivers (the sick one included) and seniors. */
  readonly notify: { readonly caregiverIds: readonly string[]; readonly seniorIds: readonly string[] };
  readonly elapsedMs: number;
}

export interface ReplanOptions {
  readonly policy?: HomeCareVisitPolicy;
  readonly detourFactor?: number;
  readonly continuityPenaltyMetres?: number;
  readonly lastWeekCaregivers?: Readonly<Record<string, string>>;
  /** Minute of the day before which nothing moved or added may start (re-planning during the day: now). */
  readonly notBeforeMinute?: number;
}

const MOVED_MINUTES = 0.5;

export function replanDay(schedule: WeeklySchedule, date: string, change: DayChange, caregivers: readonly Caregiver[], options: ReplanOptions = {}): DayReplan {
  const started = Date.now();
  const policy = options.policy ?? DEFAULT_VISIT_POLICY;
  const detour = options.detourFactor ?? DEFAULT_DETOUR_FACTOR;
  const penaltyMinutes = modeMinutes('e-bike', options.continuityPenaltyMetres ?? 3000);
  let visits = [...schedule.visits];
  let team = [...caregivers];
  const days = dayStates(schedule);
  const day: DayState = days.find((state) => state.date === date) ?? { date, sequences: new Map(), timings: new Map() };
  if (!days.includes(day)) days.push(day);
  const before = new Map(schedule.assignments.filter((entry) => entry.date === date).map((entry) => [entry.visitId, entry]));
  const notBefore = new Map([...before.values()].map((entry) => [entry.visitId, entry.start]));
  const byId = new Map(team.map((caregiver) => [caregiver.caregiverId, caregiver]));
  const touched = new Set<string>();
  let orphans: VisitRequest[] = [];
  const changes: VisitChange[] = [];

  if ('sickCaregiverId' in change) {
    const sick = byId.get(change.sickCaregiverId);
    if (!sick) throw new RangeError(`unknown caregiver ${change.sickCaregiverId}`);
    team = team.map((caregiver) => (caregiver === sick ? { ...caregiver, daysOff: [...caregiver.daysOff, date] } : caregiver));
    orphans = day.sequences.get(sick.caregiverId) ?? [];
    day.sequences.delete(sick.caregiverId);
    day.timings.delete(sick.caregiverId);
    touched.add(sick.caregiverId);
  } else if ('cancelledVisitId' in change) {
    const visit = visits.find((v) => v.visitId === change.cancelledVisitId);
    if (!visit || visit.date !== date) throw new RangeError(`no visit ${change.cancelledVisitId} on ${date}`);
    visits = visits.filter((v) => v !== visit);
    const was = before.get(visit.visitId);
    changes.push({ visitId: visit.visitId, seniorId: visit.seniorId, kind: 'cancelled', fromCaregiverId: was?.caregiverId ?? null, toCaregiverId: null, fromStart: was?.start ?? null, toStart: null });
    if (was) {
      const caregiver = byId.get(was.caregiverId) as Caregiver;
      const sequence = (day.sequences.get(was.caregiverId) ?? []).filter((v) => v.visitId !== visit.visitId);
      setRoute(day, caregiver.caregiverId, sequence, sequence.length > 0 ? timeDay(caregiver, sequence, detour, notBefore) : null);
      touched.add(was.caregiverId);
    }
  } else {
    if (change.extraVisit.date !== date) throw new RangeError(`the extra visit ${change.extraVisit.visitId} is on ${change.extraVisit.date}, not ${date}`);
    if (visits.some((v) => v.visitId === change.extraVisit.visitId)) throw new RangeError(`visit ${change.extraVisit.visitId} is already planned`);
    visits = [...visits, change.extraVisit];
    orphans = [change.extraVisit];
  }

  // Weekly working minutes so far, this day included as it now stands.
  const worked = new Map<string, number>();
  for (const state of days) for (const [id, timed] of state.timings) worked.set(id, (worked.get(id) ?? 0) + timed.workMinutes);
  const remaining = (caregiver: Caregiver) => weeklyBudgetMinutes(caregiver, policy) - (worked.get(caregiver.caregiverId) ?? 0);
  const weekCaregivers = (seniorId: string): string[] => {
    const counts = new Map<string, number>();
    for (const entry of schedule.assignments) if (entry.seniorId === seniorId) counts.set(entry.caregiverId, (counts.get(entry.caregiverId) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  };
  const onDuty = team.filter((caregiver) => isOnDuty(caregiver, date));
  const notBeforeMinute = options.notBeforeMinute ?? 0;
  for (const visit of [...orphans].sort((a, b) => a.window.from - b.window.from || (a.visitId < b.visitId ? -1 : 1))) {
    const known = new Set([options.lastWeekCaregivers?.[visit.seniorId], ...visit.preferredCaregiverIds, ...weekCaregivers(visit.seniorId)].filter((id): id is string => id !== undefined));
    let best: { caregiver: Caregiver; sequence: VisitRequest[]; timed: TimedDay; cost: number; added: number } | null = null;
    const startable = visit.window.to >= notBeforeMinute;
    if (startable) notBefore.set(visit.visitId, Math.max(notBefore.get(visit.visitId) ?? 0, notBeforeMinute));
    const candidates = (startable ? onDuty : [])
      .filter((caregiver) => mayVisit(caregiver, visit))
      .sort((a, b) => haversineMetres(a.home, visit.location) - haversineMetres(b.home, visit.location));
    for (const caregiver of candidates) {
      const id = caregiver.caregiverId;
      const insertion = cheapestInsertion(caregiver, day.sequences.get(id) ?? [], day.timings.get(id) ?? null, visit, remaining(caregiver), detour, notBefore);
      if (!insertion) continue;
      const cost = insertion.addedMinutes + (known.has(id) ? 0 : penaltyMinutes);
      if (!best || cost < best.cost) best = { caregiver, sequence: insertion.sequence, timed: insertion.timed, cost, added: insertion.addedMinutes };
    }
    const was = before.get(visit.visitId);
    if (!best) {
      changes.push({ visitId: visit.visitId, seniorId: visit.seniorId, kind: 'unassigned', fromCaregiverId: was?.caregiverId ?? null, toCaregiverId: null, fromStart: was?.start ?? null, toStart: null });
      continue;
    }
    const id = best.caregiver.caregiverId;
    setRoute(day, id, best.sequence, best.timed);
    worked.set(id, (worked.get(id) ?? 0) + best.added);
    touched.add(id);
  }

  // Every visit of the touched days that moved to another caregiver or another time.
  for (const caregiverId of touched) {
    const sequence = day.sequences.get(caregiverId) ?? [];
    const timed = day.timings.get(caregiverId);
    sequence.forEach((visit, i) => {
      const start = timed?.stops[i].start ?? null;
      const was = before.get(visit.visitId);
      const common = { visitId: visit.visitId, seniorId: visit.seniorId, fromCaregiverId: was?.caregiverId ?? null, toCaregiverId: caregiverId, fromStart: was?.start ?? null, toStart: start };
      if (!was) changes.push({ ...common, kind: 'added' });
      else if (was.caregiverId !== caregiverId) changes.push({ ...common, kind: 'reassigned' });
      else if (start !== null && Math.abs(start - was.start) > MOVED_MINUTES) changes.push({ ...common, kind: 'retimed' });
    });
  }
  changes.sort((a, b) => (a.visitId < b.visitId ? -1 : a.visitId > b.visitId ? 1 : 0));
  const caregiverIds = new Set<string>();
  if ('sickCaregiverId' in change) caregiverIds.add(change.sickCaregiverId);
  for (const entry of changes) {
    if (entry.fromCaregiverId) caregiverIds.add(entry.fromCaregiverId);
    if (entry.toCaregiverId) caregiverIds.add(entry.toCaregiverId);
  }
  const rebuilt = assembleSchedule(schedule.weekStart, visits, team, days, {
    policy,
    detour,
    lastWeek: options.lastWeekCaregivers ?? {},
    zones: schedule.metrics.zones,
    started,
    knownReasons: new Map(schedule.unassigned.filter((entry) => entry.date !== date).map((entry) => [entry.visitId, entry])),
  });
  return {
    schedule: rebuilt,
    changes,
    notify: { caregiverIds: [...caregiverIds].sort(), seniorIds: [...new Set(changes.map((entry) => entry.seniorId))].sort() },
    elapsedMs: Date.now() - started,
  };
}

function setRoute(day: DayState, caregiverId: string, sequence: VisitRequest[], timed: TimedDay | null): void {
  if (sequence.length === 0 || timed === null) {
    day.sequences.delete(caregiverId);
    day.timings.delete(caregiverId);
    return;
  }
  day.sequences.set(caregiverId, sequence);
  day.timings.set(caregiverId, timed);
}

/** The schedule's days as the planner keeps them while working: sequences and timings per caregiver. */
function dayStates(schedule: WeeklySchedule): DayState[] {
  const visitById = new Map(schedule.visits.map((visit) => [visit.visitId, visit]));
  const states = new Map<string, DayState>();
  const stopsOf = new Map<string, typeof schedule.assignments>();
  for (const entry of schedule.assignments) {
    const key = `${entry.date}|${entry.caregiverId}`;
    stopsOf.set(key, [...(stopsOf.get(key) ?? []), entry]);
  }
  for (const plan of schedule.days) {
    const state: DayState = states.get(plan.date) ?? { date: plan.date, sequences: new Map(), timings: new Map() };
    states.set(plan.date, state);
    const stops = [...(stopsOf.get(`${plan.date}|${plan.caregiverId}`) ?? [])].sort((a, b) => a.position - b.position);
    const service = stops.reduce((sum, stop) => sum + (stop.end - stop.start), 0);
    state.sequences.set(plan.caregiverId, stops.map((stop) => visitById.get(stop.visitId) as VisitRequest));
    state.timings.set(plan.caregiverId, {
      stops: stops.map((stop) => ({ visitId: stop.visitId, arrival: stop.arrival, start: stop.start, end: stop.end, travelMinutes: stop.travelMinutes })),
      departAt: plan.departAt,
      returnAt: plan.returnAt,
      travelMinutes: plan.travelMinutes,
      serviceMinutes: service,
      workMinutes: plan.workMinutes,
    });
  }
  return [...states.values()];
}

/** A visit of a stored schedule: who makes it and from which minute of its day. */
export interface StoredAssignment {
  readonly visitId: string;
  readonly caregiverId: string;
  readonly start: number;
}

/**
 * A week's schedule as it was stored (who visits whom, from when), re-timed so it can be re-planned:
 * each caregiver's day in the order of the stored starts, no visit earlier than stored. A day that
 * no longer fits its windows or shift (a coordinator's manual edit may do that) keeps the stored
 * times as they are. Assignments to caregivers no longer in the team are dropped (their visits are
 * then unassigned).
 */
export function restoreSchedule(weekStart: string, visits: readonly VisitRequest[], caregivers: readonly Caregiver[], stored: readonly StoredAssignment[], options: ReplanOptions = {}): WeeklySchedule {
  const started = Date.now();
  const detour = options.detourFactor ?? DEFAULT_DETOUR_FACTOR;
  const visitById = new Map(visits.map((visit) => [visit.visitId, visit]));
  const caregiverById = new Map(caregivers.map((caregiver) => [caregiver.caregiverId, caregiver]));
  const notBefore = new Map(stored.map((entry) => [entry.visitId, entry.start]));
  const groups = new Map<string, { date: string; caregiver: Caregiver; entries: StoredAssignment[] }>();
  for (const entry of stored) {
    const visit = visitById.get(entry.visitId);
    const caregiver = caregiverById.get(entry.caregiverId);
    if (!visit || !caregiver) continue;
    const key = `${visit.date}|${caregiver.caregiverId}`;
    const group = groups.get(key) ?? { date: visit.date, caregiver, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  const days = new Map<string, DayState>();
  for (const { date, caregiver, entries } of groups.values()) {
    const day = days.get(date) ?? { date, sequences: new Map(), timings: new Map() };
    days.set(date, day);
    const sequence = entries.sort((a, b) => a.start - b.start || (a.visitId < b.visitId ? -1 : 1)).map((entry) => visitById.get(entry.visitId) as VisitRequest);
    setRoute(day, caregiver.caregiverId, sequence, timeDay(caregiver, sequence, detour, notBefore) ?? asStored(sequence, entries));
  }
  return assembleSchedule(weekStart, visits, caregivers, [...days.values()], { policy: options.policy ?? DEFAULT_VISIT_POLICY, detour, lastWeek: options.lastWeekCaregivers ?? {}, zones: 0, started });
}

/** The stored times as they are, without travel: for a day edited beyond what the windows allow. */
function asStored(sequence: readonly VisitRequest[], entries: readonly StoredAssignment[]): TimedDay {
  const stops = sequence.map((visit, i) => ({ visitId: visit.visitId, arrival: entries[i]!.start, start: entries[i]!.start, end: entries[i]!.start + visit.durationMinutes, travelMinutes: 0 }));
  const service = sequence.reduce((sum, visit) => sum + visit.durationMinutes, 0);
  return { stops, departAt: stops[0]?.start ?? 0, returnAt: stops.at(-1)?.end ?? 0, travelMinutes: 0, serviceMinutes: service, workMinutes: service };
}
