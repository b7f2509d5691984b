import { Injectable, Logger } from '@nestjs/common';
import { type Actor, type CareVisitRecord, DomainError } from '@app/contracts';
import { type Caregiver, DISTRICT_TIME_ZONE, isoWeekday, localDate, localInstantAtMinute, nextMonday, type ScheduleMetrics, scheduleWeek, type VisitPlan, visitsForWeek } from '@app/domain';
import type { CaregiverRecord } from '@app/persistence';
import { HomeCareRepository } from './home-care.repository';
import { VisitAlertsService } from './visit-alerts.service';
import { VisitPoliciesService } from './visit-policies.service';
import { type SavedVisit, VisitSchedulesRepository } from './visit-schedules.repository';

/** Planning time for a district's week: the domain planner shares it between zones and days. */
const WEEK_BUDGET_MS = 30_000;

/**
 * The weekly home-care schedule: every senior's visits from the plan in force, assigned to the
 * district's caregivers and sequenced per day by the planner (skills, gender, blocked caregivers,
 * hours, continuity with last week's caregiver), written in one transaction.
 */
@Injectable()
export class VisitSchedulesService {
  private readonly logger = new Logger(VisitSchedulesService.name);

  constructor(
    private readonly schedules: VisitSchedulesRepository,
    private readonly homeCare: HomeCareRepository,
    private readonly policies: VisitPoliciesService,
    private readonly alerts: VisitAlertsService,
  ) {}

  async run(districtCode: string, weekStart: string, createdBy: string | null = null): Promise<ScheduleMetrics & { districtCode: string; weekStart: string; version: number }> {
    if (isoWeekday(weekStart) !== 1) throw new DomainError('VALIDATION_FAILED', 'A week starts on a Monday', [{ field: 'weekStart', problems: [`${weekStart} is not a Monday`] }]);
    const [plans, caregiverRows, lastWeek, { policy }] = await Promise.all([
      this.schedules.plansInForce(districtCode, weekStart),
      this.homeCare.caregivers(districtCode),
      this.schedules.lastWeekCaregivers(districtCode, weekStart),
      this.policies.inForce(districtCode, weekStart),
    ]);
    const visits = plans.flatMap((p) => visitsForWeek({ ...(p.plan as object), seniorId: p.senior_id, location: { lat: p.lat, lng: p.lng } } as VisitPlan, weekStart, policy));
    const caregivers = activeCaregivers(caregiverRows);
    const schedule = scheduleWeek(visits, caregivers, { weekStart, policy, lastWeekCaregivers: lastWeek, timeLimitMs: Math.min(WEEK_BUDGET_MS, 500 + visits.length * 20) });
    const assigned = new Map(schedule.assignments.map((a) => [a.visitId, a]));
    const unassigned = new Map(schedule.unassigned.map((u) => [u.visitId, u]));
    const rows = visits.map((v): SavedVisit => {
      const a = assigned.get(v.visitId);
      return {
          id: v.visitId,
          seniorId: v.seniorId,
          date: v.date,
          caregiverId: a?.caregiverId ?? null,
          plannedStart: a ? localInstantAtMinute(v.date, a.start, DISTRICT_TIME_ZONE).toISOString() : null,
          durationMinutes: v.durationMinutes,
          tasks: [...v.tasks],
          status: a ? 'planned' : 'unassigned',
          unassignedReason: a ? null : (unassigned.get(v.visitId)?.detail ?? 'not planned'),
          request: v,
        };
      });
    const version = await this.schedules.saveWeek(districtCode, weekStart, rows, createdBy ? 'run by hand' : 'weekly schedule', createdBy);
    await this.alerts.scheduleLateChecks(districtCode, rows.map((r) => ({ id: r.id, plannedStart: r.plannedStart ? new Date(r.plannedStart) : null })));
    this.logger.log({ districtCode, weekStart, version, visits: schedule.metrics.visits, unassigned: schedule.metrics.unassigned }, 'weekly visit schedule');
    return { districtCode, weekStart, version, ...schedule.metrics };
  }

  /** Next week's schedule for every district with caregivers (the Sunday-evening job). */
  async runNextWeek(): Promise<number> {
    const monday = nextMonday(localDate(new Date()));
    const districts = await this.schedules.districtsWithCaregivers();
    for (const district of districts) await this.run(district, monday);
    return districts.length;
  }

  async caregiverVisits(from: string, until: string, actor: Actor): Promise<CareVisitRecord[]> {
    if (!actor.roles.includes('caregiver')) throw new DomainError('FORBIDDEN', 'Only caregivers have their own visits');
    return this.schedules.caregiverVisits(actor.accountId, from, until);
  }

  async seniorVisits(seniorId: string): Promise<CareVisitRecord[]> {
    return this.schedules.seniorVisits(seniorId, localDate(new Date()));
  }
}

/** The district's active caregivers as the planner sees them. */
export function activeCaregivers(rows: readonly CaregiverRecord[]): Caregiver[] {
  return rows.filter((c) => c.active).map((c) => ({ ...(c.profile as object), caregiverId: c.id }) as Caregiver);
}
