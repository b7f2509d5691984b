import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type Actor,
  DomainError,
  type ScheduleVersionSummary,
  type ScheduleVersionView,
  type ScheduleVersionVisit,
  type VisitChangeRecord,
  type VisitMoveCommand,
  type VisitNoticeRecord,
  type VisitReplanCommand,
  type VisitReplanResult,
} from '@app/contracts';
import {
  addDays,
  type DayChange,
  DISTRICT_TIME_ZONE,
  isClockTime,
  isoWeekday,
  localDate,
  localInstant,
  localInstantAtMinute,
  mayVisit,
  minutesOfDay,
  replanDay,
  restoreSchedule,
  type VisitChange,
  type VisitPlan,
  type VisitRequest,
  visitsForWeek,
} from '@app/domain';
import { type CareVisit, versionOn } from '@app/persistence';
import { SeniorViewsRepository } from '../senior-views/senior-views.repository';
import { CareVisitsRepository, type NoticeRow } from './care-visits.repository';
import { HomeCareRepository } from './home-care.repository';
import { requireCoordinator, VisitAlertsService } from './visit-alerts.service';
import { VisitPoliciesService } from './visit-policies.service';
import { activeCaregivers } from './visit-schedules.service';

/** Visits that have begun or are over: re-planning never moves them. */
const SETTLED = new Set(['in-progress', 'delivered', 'missed', 'cancelled']);

/**
 * Changing a week's schedule once it is out: same-day re-planning (a caregiver calls in sick, a
 * visit is cancelled, an extra one is needed), where as little else as possible moves and nothing
 * moves into the past; and a coordinator's hand edit of one visit, refused when it would overlap
 * the caregiver's other visits. Each change is a new version of the week, written with the visits
 * it changed and a notice to every caregiver and senior affected, in one transaction.
 */
@Injectable()
export class VisitReplansService {
  constructor(
    private readonly visits: CareVisitsRepository,
    private readonly homeCare: HomeCareRepository,
    private readonly seniors: SeniorViewsRepository,
    private readonly policies: VisitPoliciesService,
    private readonly alerts: VisitAlertsService,
  ) {}

  async replan(command: VisitReplanCommand, actor: Actor): Promise<VisitReplanResult> {
    requireCoordinator(actor);
    return this.replanDay(command, actor);
  }

  /**
   * A family cancels one of the senior's visits, no later than the policy's lead time before it: the
   * caregiver's day is re-planned around the gap and both are told. The office can cancel later.
   */
  async familyCancel(seniorId: string, visitId: string, reason: string, actor: Actor): Promise<VisitReplanResult> {
    const visit = await this.familyChangeable(seniorId, visitId);
    return this.replanDay({ districtCode: visit.districtCode, date: visit.date, change: { cancelledVisitId: visitId, reason: `asked by the family: ${reason}` } }, actor);
  }

  /** A family moves one of the senior's visits to another time the same day, with the same caregiver when free then; refused within the lead time. */
  async familyReschedule(seniorId: string, visitId: string, plannedStart: string, actor: Actor): Promise<VisitReplanResult> {
    const visit = await this.familyChangeable(seniorId, visitId);
    const start = new Date(plannedStart);
    const { policy } = await this.policies.inForce(visit.districtCode, visit.date);
    if (start.getTime() < Date.now() + policy.familyChangeLeadHours * 3_600_000) {
      throw new DomainError('TOO_LATE', `A visit can be moved to a time at least ${policy.familyChangeLeadHours} h ahead; call the office for sooner`);
    }
    if (!visit.caregiverId) throw new DomainError('CONFLICT', `Visit ${visitId} has no caregiver yet; the office will plan it`);
    return this.moveVisit({ visitId, caregiverId: visit.caregiverId, plannedStart, reason: 'asked by the family' }, actor, true);
  }

  private async familyChangeable(seniorId: string, visitId: string): Promise<CareVisit> {
    const visit = await this.visits.visit(visitId);
    if (!visit || visit.seniorId !== seniorId) throw new DomainError('NOT_FOUND', `No visit ${visitId} for senior ${seniorId}`);
    if (SETTLED.has(visit.status)) throw new DomainError('CONFLICT', `Visit ${visitId} is ${visit.status}`);
    const { policy } = await this.policies.inForce(visit.districtCode, visit.date);
    if (visit.plannedStart && visit.plannedStart.getTime() < Date.now() + policy.familyChangeLeadHours * 3_600_000) {
      throw new DomainError('TOO_LATE', `Visits can be changed up to ${policy.familyChangeLeadHours} h before they start; this one starts ${SHANGHAI_TIME.format(visit.plannedStart)}: call the office`);
    }
    return visit;
  }

  private async replanDay(command: VisitReplanCommand, actor: Actor): Promise<VisitReplanResult> {
    const { districtCode, date, change } = command;
    const today = localDate(new Date());
    if (date < today) throw new DomainError('VALIDATION_FAILED', 'Only today or a later day can be re-planned', [{ field: 'date', problems: [`${date} is before today (${today})`] }]);
    const weekStart = addDays(date, 1 - isoWeekday(date));
    const [caregiverRows, { policy }] = await Promise.all([this.homeCare.caregivers(districtCode), this.policies.inForce(districtCode, date)]);
    // One writer per district week (the advisory lock), and the day's visits locked before they are read: a
    // check-in or cancellation committing meanwhile waits, and is never overwritten by this plan.
    const { version, records, elapsedMs, notified } = await this.visits.transaction(async (manager) => {
      const number = await this.visits.nextVersionNumber(manager, districtCode, weekStart);
      await this.visits.lockDay(manager, districtCode, date);
      const rows = await this.visits.weekVisits(districtCode, weekStart, manager);
      if (rows.length === 0) throw new DomainError('NOT_FOUND', `District ${districtCode} has no schedule for the week of ${weekStart}`);
      let caregivers = activeCaregivers(caregiverRows);
      let dayChange: DayChange;
      let reason: string;
      /** What the people told may read: no one's health, no one else's name or free text. */
      let told: string;
      const byId = new Map(rows.map((row) => [row.id, row]));
      let kept = rows.filter((row) => row.status !== 'cancelled');
      if ('sickCaregiverId' in change) {
        const sick = caregivers.find((c) => c.caregiverId === change.sickCaregiverId);
        if (!sick) throw new DomainError('NOT_FOUND', `District ${districtCode} has no active caregiver ${change.sickCaregiverId}`);
        // What the sick caregiver has already begun or finished that day stays theirs.
        kept = kept.filter((row) => !(row.caregiverId === sick.caregiverId && row.date === date && SETTLED.has(row.status)));
        caregivers = caregivers.map((c) => (c === sick ? { ...c, daysOff: [...c.daysOff, date] } : c));
        dayChange = { sickCaregiverId: sick.caregiverId };
        reason = `caregiver ${sick.caregiverId} off sick on ${date}`;
        told = 'the caregiver planned is unavailable that day';
      } else if ('cancelledVisitId' in change) {
        const visit = byId.get(change.cancelledVisitId);
        if (!visit || visit.date !== date || visit.districtCode !== districtCode) throw new DomainError('NOT_FOUND', `No visit ${change.cancelledVisitId} in district ${districtCode} on ${date}`);
        if (SETTLED.has(visit.status)) throw new DomainError('CONFLICT', `Visit ${visit.id} is ${visit.status} and can no longer be cancelled`);
        dayChange = { cancelledVisitId: visit.id };
        reason = `visit ${visit.id} cancelled: ${change.reason}`;
        told = 'the visit was cancelled';
      } else {
        const extra = await this.extraVisit(change.extraVisit, date, weekStart, rows);
        dayChange = { extraVisit: extra };
        reason = `extra visit for senior ${extra.seniorId} on ${date}`;
        told = 'an extra visit was added to the day';
      }
      const requests = kept.map((row) => row.request as unknown as VisitRequest);
      const stored = kept.filter((row) => row.caregiverId && row.plannedStart).map((row) => ({ visitId: row.id, caregiverId: row.caregiverId!, start: minuteOfDay(row.plannedStart!, row.date) }));
      const schedule = restoreSchedule(weekStart, requests, caregivers, stored, { policy });
      const notBeforeMinute = date === today ? Math.ceil(minuteOfDay(new Date(), date)) : 0;
      const replanned = replanDay(schedule, date, dayChange, caregivers, { policy, notBeforeMinute });
      // A visit already begun elsewhere never moves, even if the planner's timing of its day shifted.
      const changes = replanned.changes.filter((c) => !SETTLED.has(byId.get(c.visitId)?.status ?? 'planned'));
      const records = changes.map((c) => changeRecord(c, date));
      for (const c of changes) {
        const row = byId.get(c.visitId);
        const plannedStart = c.toStart === null ? null : localInstantAtMinute(date, c.toStart, DISTRICT_TIME_ZONE);
        if (c.kind === 'cancelled') {
          await this.visits.updateVisit(manager, c.visitId, { status: 'cancelled', cancelReason: 'cancelledVisitId' in change ? change.reason : null });
        } else if (!row) {
          const request = (dayChange as { extraVisit: VisitRequest }).extraVisit;
          await this.visits.insertVisit(manager, { id: c.visitId, districtCode, weekStart, seniorId: c.seniorId, date, caregiverId: c.toCaregiverId, plannedStart, durationMinutes: request.durationMinutes, tasks: [...request.tasks], status: c.toCaregiverId ? 'planned' : 'unassigned', unassignedReason: c.toCaregiverId ? null : 'no caregiver could fit the extra visit', request: request as object });
        } else if (c.kind === 'unassigned') {
          await this.visits.updateVisit(manager, c.visitId, { caregiverId: null, plannedStart: null, status: 'unassigned', unassignedReason: `re-planned on ${localDate(new Date())}: ${reason}; nobody could take it` });
        } else {
          await this.visits.updateVisit(manager, c.visitId, { caregiverId: c.toCaregiverId, plannedStart, status: 'planned', unassignedReason: null });
        }
      }
      await this.visits.insertVersion(manager, { districtCode, weekStart, number, kind: 'replan', reason, visits: records, createdBy: actor.accountId });
      await this.visits.insertNotices(manager, notices(records, told));
      return { version: number, records, elapsedMs: replanned.elapsedMs, notified: recipients(records, 'sickCaregiverId' in change ? change.sickCaregiverId : null) };
    });
    await this.alerts.scheduleLateChecks(districtCode, records.filter((r) => r.toStart).map((r) => ({ id: r.visitId, plannedStart: new Date(r.toStart!) })));
    return { districtCode, date, version, changes: records, notified, elapsedMs };
  }

  /** A coordinator moves one visit: another caregiver, another time. Refused when it overlaps that caregiver's other visits of the day, or the caregiver may not make it. */
  async move(command: VisitMoveCommand, actor: Actor): Promise<VisitReplanResult> {
    requireCoordinator(actor);
    return this.moveVisit(command, actor);
  }

  private async moveVisit(command: VisitMoveCommand, actor: Actor, byFamily = false): Promise<VisitReplanResult> {
    const started = Date.now();
    const start = new Date(command.plannedStart);
    if (Number.isNaN(start.getTime())) throw new DomainError('VALIDATION_FAILED', 'plannedStart must be an ISO 8601 instant', [{ field: 'plannedStart', problems: ['not a date-time'] }]);
    const caregiver = await this.homeCare.caregiver(command.caregiverId);
    if (!caregiver || !caregiver.active) throw new DomainError('NOT_FOUND', `No active caregiver ${command.caregiverId}`);
    const found = await this.visits.visit(command.visitId);
    if (!found) throw new DomainError('NOT_FOUND', `No visit ${command.visitId}`);
    const { record, districtCode, version } = await this.visits.transaction(async (manager) => {
      // The week's lock first, then the visit's: the order re-planning takes them in.
      const number = await this.visits.nextVersionNumber(manager, found.districtCode, found.weekStart);
      const visit = (await this.visits.lockVisit(manager, command.visitId))!;
      if (SETTLED.has(visit.status)) throw new DomainError('CONFLICT', `Visit ${visit.id} is ${visit.status} and can no longer be moved`);
      if (caregiver.districtCode !== visit.districtCode) throw new DomainError('VALIDATION_FAILED', `Caregiver ${caregiver.id} works in district ${caregiver.districtCode}, not ${visit.districtCode}`, [{ field: 'caregiverId', problems: ['another district'] }]);
      if (localDate(start) !== visit.date) throw new DomainError('VALIDATION_FAILED', `Visit ${visit.id} is on ${visit.date}; move it within its day`, [{ field: 'plannedStart', problems: [`must be on ${visit.date}`] }]);
      const [profile] = activeCaregivers([caregiver]);
      if (byFamily) {
        const minute = minuteOfDay(start, visit.date);
        const [from, to] = [minutesOfDay(profile!.shift.from), minutesOfDay(profile!.shift.to)];
        if (minute < from || minute + visit.durationMinutes > to) {
          throw new DomainError('VALIDATION_FAILED', `The caregiver works ${profile!.shift.from}–${profile!.shift.to}; choose a start from ${profile!.shift.from} that ends by ${profile!.shift.to}`, [{ field: 'plannedStart', problems: ["outside the caregiver's working hours"] }]);
        }
      }
      if (!mayVisit(profile!, visit.request as unknown as VisitRequest)) throw new DomainError('NOT_ELIGIBLE', `Caregiver ${caregiver.name} may not make this visit (skills, language, gender preference or blocked by the senior)`);
      await this.checkNoOverlap(manager, visit, caregiver.id, start);
      const record: VisitChangeRecord = { visitId: visit.id, seniorId: visit.seniorId, kind: visit.caregiverId === caregiver.id ? 'retimed' : visit.caregiverId ? 'reassigned' : 'added', fromCaregiverId: visit.caregiverId, toCaregiverId: caregiver.id, fromStart: visit.plannedStart?.toISOString() ?? null, toStart: start.toISOString() };
      await this.visits.updateVisit(manager, visit.id, { caregiverId: caregiver.id, plannedStart: start, status: 'planned', unassignedReason: null });
      const reason = `moved by hand: ${command.reason}`;
      await this.visits.insertVersion(manager, { districtCode: visit.districtCode, weekStart: visit.weekStart, number, kind: 'manual', reason, visits: [record], createdBy: actor.accountId });
      await this.visits.insertNotices(manager, notices([record], byFamily ? "moved at the family's request" : 'moved by the office'));
      return { record, districtCode: visit.districtCode, weekStart: visit.weekStart, version: number };
    });
    await this.alerts.scheduleLateChecks(districtCode, [{ id: record.visitId, plannedStart: start }]);
    return { districtCode, date: localDate(start), version, changes: [record], notified: recipients([record], null), elapsedMs: Date.now() - started };
  }

  async versions(districtCode: string, weekStart: string, actor: Actor): Promise<ScheduleVersionSummary[]> {
    requireCoordinator(actor);
    return (await this.visits.versions(districtCode, weekStart)).map((v) => ({ number: v.number, kind: v.kind, reason: v.reason, createdBy: v.created_by, createdAt: v.created_at.toISOString(), visits: Number(v.visits) }));
  }

  /** A version rebuilt from the last whole-week run and the changes after it; 'actual': what happened, from the check-ins. */
  async version(districtCode: string, weekStart: string, version: number | 'actual', actor: Actor): Promise<ScheduleVersionView> {
    requireCoordinator(actor);
    if (version === 'actual') {
      const rows = await this.visits.weekVisits(districtCode, weekStart);
      const visits = rows.map((r): ScheduleVersionVisit => ({ visitId: r.id, seniorId: r.seniorId, caregiverId: r.checkInAt ? r.caregiverId : null, start: r.checkInAt?.toISOString() ?? null, end: r.checkOutAt?.toISOString() ?? null, status: r.status }));
      return { districtCode, weekStart, version, kind: 'actual', visits };
    }
    const chain = await this.visits.versionsUpTo(districtCode, weekStart, version);
    const target = chain.at(-1);
    if (!target || target.number !== version) throw new DomainError('NOT_FOUND', `District ${districtCode} has no version ${version} of the week of ${weekStart}`);
    const visits = new Map<string, ScheduleVersionVisit>();
    for (const step of chain) {
      if (step.kind === 'original' || step.kind === 'optimised') {
        visits.clear();
        for (const v of step.visits as unknown as ScheduleVersionVisit[]) visits.set(v.visitId, v);
        continue;
      }
      for (const c of step.visits as unknown as VisitChangeRecord[]) {
        if (c.kind === 'cancelled') visits.delete(c.visitId);
        else visits.set(c.visitId, { visitId: c.visitId, seniorId: c.seniorId, caregiverId: c.toCaregiverId, start: c.toStart });
      }
    }
    return { districtCode, weekStart, version, kind: target.kind, visits: [...visits.values()] };
  }

  async caregiverNotices(since: string | null, actor: Actor): Promise<VisitNoticeRecord[]> {
    const caregiver = actor.roles.includes('caregiver') ? await this.homeCare.caregiverByAccount(actor.accountId) : null;
    if (!caregiver) throw new DomainError('FORBIDDEN', 'Only caregivers have their own notices');
    return this.noticesOf('caregiver', caregiver.id, since);
  }

  seniorNotices(seniorId: string, since: string | null): Promise<VisitNoticeRecord[]> {
    return this.noticesOf('senior', seniorId, since);
  }

  private async noticesOf(kind: 'caregiver' | 'senior', id: string, since: string | null): Promise<VisitNoticeRecord[]> {
    const from = since ? new Date(since) : new Date(Date.now() - 14 * 86_400_000);
    return (await this.visits.notices(kind, id, from)).map((n) => ({ visitId: n.visitId, message: n.message, createdAt: n.createdAt.toISOString() }));
  }

  private async checkNoOverlap(manager: EntityManager, visit: CareVisit, caregiverId: string, start: Date): Promise<void> {
    const end = start.getTime() + visit.durationMinutes * 60_000;
    for (const other of await this.visits.caregiverDay(manager, caregiverId, visit.date)) {
      if (other.id === visit.id || !other.plannedStart) continue;
      const otherStart = (other.checkInAt ?? other.plannedStart).getTime();
      const otherEnd = other.checkOutAt?.getTime() ?? otherStart + other.durationMinutes * 60_000;
      if (start.getTime() < otherEnd && otherStart < end) {
        throw new DomainError('CONFLICT', `Caregiver ${caregiverId} has visit ${other.id} from ${new Date(otherStart).toISOString()} to ${new Date(otherEnd).toISOString()}; the moved visit would overlap it`);
      }
    }
  }

  /** The extra visit as the senior's plan would ask for it (skills, preferences), in the window given. */
  private async extraVisit(input: { seniorId: string; from: string; to: string; durationMinutes: number | null; tasks: string[] | null }, date: string, weekStart: string, rows: CareVisit[]): Promise<VisitRequest> {
    if (!isClockTime(input.from) || !isClockTime(input.to) || minutesOfDay(input.to) < minutesOfDay(input.from)) {
      throw new DomainError('VALIDATION_FAILED', 'The extra visit needs a window', [{ field: 'change.extraVisit', problems: ['from and to as HH:MM, from not after to'] }]);
    }
    const senior = await this.seniors.findById(input.seniorId);
    if (!senior) throw new DomainError('SENIOR_NOT_FOUND', `Dispatch knows no senior ${input.seniorId}`);
    const versions = await this.homeCare.planVersions(input.seniorId);
    const inForce = versionOn(versions, date);
    const base = (inForce?.plan ?? { tasks: [], visitMinutes: 60, genderPreference: null, preferredCaregiverIds: [], blockedCaregiverIds: [] }) as Omit<VisitPlan, 'seniorId' | 'location' | 'patterns'>;
    const [lng, lat] = senior.location.coordinates as [number, number];
    const duration = input.durationMinutes ?? base.visitMinutes;
    const plan: VisitPlan = { ...base, seniorId: input.seniorId, location: { lat, lng }, flexibilityMinutes: 0, tasks: input.tasks ?? base.tasks, patterns: [{ weekday: isoWeekday(date), from: input.from, to: input.to, durationMinutes: duration }] };
    const [request] = visitsForWeek(plan, weekStart);
    const taken = rows.filter((r) => r.seniorId === input.seniorId && r.date === date).map((r) => Number(r.id.split(':').at(-1)));
    return { ...request!, visitId: `${input.seniorId}:${date}:${Math.max(0, ...taken) + 1}` };
  }
}

/** Minutes after local midnight of `date`, fractions kept. */
function minuteOfDay(instant: Date, date: string): number {
  return (instant.getTime() - localInstant(date, '00:00', DISTRICT_TIME_ZONE).getTime()) / 60_000;
}

function changeRecord(c: VisitChange, date: string): VisitChangeRecord {
  const at = (minute: number | null) => (minute === null ? null : localInstantAtMinute(date, minute, DISTRICT_TIME_ZONE).toISOString());
  return { visitId: c.visitId, seniorId: c.seniorId, kind: c.kind, fromCaregiverId: c.fromCaregiverId, toCaregiverId: c.toCaregiverId, fromStart: at(c.fromStart), toStart: at(c.toStart) };
}

function recipients(records: readonly VisitChangeRecord[], sick: string | null): VisitReplanResult['notified'] {
  const caregiverIds = new Set<string>(sick ? [sick] : []);
  for (const r of records) for (const id of [r.fromCaregiverId, r.toCaregiverId]) if (id) caregiverIds.add(id);
  return { caregiverIds: [...caregiverIds].sort(), seniorIds: [...new Set(records.map((r) => r.seniorId))].sort() };
}

const SHANGHAI_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: DISTRICT_TIME_ZONE, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** One notice per person per changed visit, in words: what changed and a neutral why (no one's health, no one else's words). */
function notices(records: readonly VisitChangeRecord[], why: string): NoticeRow[] {
  const time = (iso: string | null) => (iso ? SHANGHAI_TIME.format(new Date(iso)) : 'unplanned');
  const rows: NoticeRow[] = [];
  for (const r of records) {
    const what = r.kind === 'cancelled' ? `cancelled (was ${time(r.fromStart)})` : r.kind === 'unassigned' ? `has no caregiver for now (was ${time(r.fromStart)}); the office will call` : `now at ${time(r.toStart)}${r.fromStart ? ` (was ${time(r.fromStart)})` : ''}`;
    rows.push({ recipientKind: 'senior', recipientId: r.seniorId, visitId: r.visitId, message: `Visit ${what}: ${why}.` });
    if (r.fromCaregiverId && r.fromCaregiverId !== r.toCaregiverId) rows.push({ recipientKind: 'caregiver', recipientId: r.fromCaregiverId, visitId: r.visitId, message: `Visit at ${time(r.fromStart)} is no longer yours: ${why}.` });
    if (r.toCaregiverId && r.kind !== 'cancelled') rows.push({ recipientKind: 'caregiver', recipientId: r.toCaregiverId, visitId: r.visitId, message: `${r.fromCaregiverId === r.toCaregiverId ? 'Your visit moved' : 'New visit for you'}: ${time(r.toStart)}; ${why}.` });
  }
  return rows;
}
