import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type Actor, type CareVisitAlertRecord, DomainError, SCHEDULE_QUEUES } from '@app/contracts';
import { ALERT_SEVERITIES, DEFAULT_VISIT_POLICY, lateVisitAlerts } from '@app/domain';
import type { CareVisit, CareVisitAlert } from '@app/persistence';
import { CareVisitsRepository } from './care-visits.repository';
import { VisitPoliciesService } from './visit-policies.service';

/** How many overdue visits one sweep looks at. */
const SWEEP_BATCH = 500;
const ADD_BULK_CHUNK = 1_000;

/**
 * Late and missed visits, concerns and failed verifications, for home-care coordinators. A visit's
 * lateness is a chain of delayed BullMQ jobs, one at each of the policy's grace periods (15, 30,
 * 60 minutes by default → medium, high, critical): each raises or escalates the visit's late alert,
 * and the last marks the visit missed. A check-in clears the alert; a one-minute sweep catches any
 * job that was lost. Coordinators acknowledge and resolve, and who did is kept.
 */
@Injectable()
export class VisitAlertsService {
  private readonly logger = new Logger(VisitAlertsService.name);

  constructor(
    private readonly visits: CareVisitsRepository,
    private readonly policies: VisitPoliciesService,
    @InjectQueue(SCHEDULE_QUEUES.dispatch) private readonly schedules: Queue,
  ) {}

  /** After a schedule or a change commits: the first late check of each planned visit. Scheduling twice is harmless (job ids). */
  async scheduleLateChecks(districtCode: string, visits: ReadonlyArray<{ id: string; plannedStart: Date | null }>): Promise<void> {
    const planned = visits.filter((v): v is { id: string; plannedStart: Date } => v.plannedStart !== null);
    try {
      const firstGrace = (await this.policies.inForce(districtCode)).policy.alertGraces[0]!.afterMinutes;
      for (let i = 0; i < planned.length; i += ADD_BULK_CHUNK) {
        await this.schedules.addBulk(planned.slice(i, i + ADD_BULK_CHUNK).map((v) => this.lateCheckJob(v.id, v.plannedStart, v.plannedStart.getTime() + firstGrace * 60_000)));
      }
    } catch (error) {
      this.logger.warn({ err: error, visits: planned.length }, 'could not schedule late checks; the sweep will raise the alerts');
    }
  }

  /** A late check is due: raise or escalate the alert the policy says, then schedule the next step. Stale checks (the visit moved or began) do nothing. */
  async lateCheck(visitId: string, plannedStart: string): Promise<'stale' | 'waiting' | CareVisitAlertRecord['severity']> {
    const visit = await this.visits.visit(visitId);
    if (!visit || visit.status !== 'planned' || visit.plannedStart?.toISOString() !== plannedStart) return 'stale';
    const { policy } = await this.policies.inForce(visit.districtCode, visit.date);
    const now = new Date();
    const late = lateVisitAlerts(visit.plannedStart, null, now, policy);
    const last = policy.alertGraces.at(-1)!;
    if (late.severity !== 'none') {
      const severity = late.severity;
      await this.visits.transaction(async (manager) => {
        const locked = await this.visits.lockVisit(manager, visitId);
        if (!locked || locked.status !== 'planned') return;
        const existing = await this.visits.alertOf(manager, visitId, 'late');
        const summary = `no check-in ${late.minutesLate} min after the planned start${severity === last.severity ? ': missed' : ''}`;
        if (!existing) {
          await this.visits.insertAlert(manager, { id: randomUUID(), visitId, seniorId: visit.seniorId, districtCode: visit.districtCode, caregiverId: visit.caregiverId, kind: 'late', severity, summary, minutesLate: late.minutesLate, raisedAt: now });
        } else if (rank(severity) > rank(existing.severity) && existing.resolvedAt === null) {
          await this.visits.updateAlert(manager, existing.id, { severity, summary, minutesLate: late.minutesLate, escalatedAt: now });
        }
        if (severity === last.severity) await this.visits.updateVisit(manager, visitId, { status: 'missed' });
      });
    }
    if (late.nextStepInMinutes !== null) {
      // Due at the planned start plus the next grace period: the same job id however often this runs (the sweep too).
      const nextStepAt = visit.plannedStart.getTime() + (late.minutesLate + late.nextStepInMinutes) * 60_000;
      await this.schedules.add(...this.lateCheckArgs(visitId, visit.plannedStart, nextStepAt));
      if (late.severity === 'none') return 'waiting';
    }
    return late.severity as CareVisitAlertRecord['severity'];
  }

  /** Every minute: any overdue visit whose late check was lost gets it now. */
  async sweep(): Promise<number> {
    const firstGrace = Math.min(...DEFAULT_VISIT_POLICY.alertGraces.map((g) => g.afterMinutes), 5);
    const overdue = await this.visits.overdueVisits(firstGrace, SWEEP_BATCH);
    for (const visit of overdue) await this.lateCheck(visit.id, visit.planned_start.toISOString());
    return overdue.length;
  }

  /** In the check's transaction: a check that failed verification asks a coordinator to confirm or reject the visit. */
  async raiseVerificationFailed(manager: EntityManager, visit: CareVisit, problem: string, at: Date): Promise<void> {
    if (await this.visits.alertOf(manager, visit.id, 'verification-failed')) return;
    await this.visits.insertAlert(manager, { id: randomUUID(), visitId: visit.id, seniorId: visit.seniorId, districtCode: visit.districtCode, caregiverId: visit.caregiverId, kind: 'verification-failed', severity: 'medium', summary: `check not verified: ${problem}`, minutesLate: null, raisedAt: at });
  }

  /** In the check-out's transaction: a concern raised at the visit (a fall is critical). The detail stays sealed on the visit. */
  async raiseConcern(manager: EntityManager, visit: CareVisit, kind: string, at: Date): Promise<void> {
    const severity = kind === 'fall' ? 'critical' : kind === 'health' ? 'high' : 'medium';
    await this.visits.insertAlert(manager, { id: randomUUID(), visitId: visit.id, seniorId: visit.seniorId, districtCode: visit.districtCode, caregiverId: visit.caregiverId, kind: 'concern', severity, summary: `${kind} reported at the visit of ${visit.date}`, minutesLate: null, raisedAt: at });
  }

  async list(districtCode: string, openOnly: boolean, actor: Actor): Promise<CareVisitAlertRecord[]> {
    requireCoordinator(actor);
    return (await this.visits.alerts(districtCode, openOnly)).map(toAlertRecord);
  }

  async acknowledge(alertId: string, actor: Actor): Promise<CareVisitAlertRecord> {
    requireCoordinator(actor);
    return this.visits.transaction(async (manager) => {
      const alert = await this.openAlert(manager, alertId);
      if (!alert.acknowledgedAt) await this.visits.updateAlert(manager, alertId, { acknowledgedAt: new Date(), acknowledgedBy: actor.accountId });
      return toAlertRecord((await this.visits.alert(alertId, manager))!);
    });
  }

  /** Closes the alert; for a failed verification, `confirmVisit` records that the coordinator confirmed the visit happened (it is then claimed). */
  async resolve(alertId: string, resolution: string, confirmVisit: boolean, actor: Actor): Promise<CareVisitAlertRecord> {
    requireCoordinator(actor);
    return this.visits.transaction(async (manager) => {
      const alert = await this.openAlert(manager, alertId);
      if (confirmVisit) {
        if (alert.kind !== 'verification-failed') throw new DomainError('VALIDATION_FAILED', 'Only a failed verification can be confirmed', [{ field: 'confirmVisit', problems: [`alert ${alertId} is a ${alert.kind} alert`] }]);
        const visit = await this.visits.lockVisit(manager, alert.visitId);
        if (visit) await this.visits.updateVisit(manager, visit.id, { verification: { ...((visit.verification as object | null) ?? {}), confirmedBy: actor.accountId } });
      }
      const now = new Date();
      await this.visits.updateAlert(manager, alertId, { resolvedAt: now, resolvedBy: actor.accountId, resolution, acknowledgedAt: alert.acknowledgedAt ?? now, acknowledgedBy: alert.acknowledgedBy ?? actor.accountId });
      return toAlertRecord((await this.visits.alert(alertId, manager))!);
    });
  }

  private async openAlert(manager: EntityManager, alertId: string): Promise<CareVisitAlert> {
    const alert = await this.visits.lockAlert(manager, alertId);
    if (!alert) throw new DomainError('NOT_FOUND', `No visit alert ${alertId}`);
    if (alert.resolvedAt) throw new DomainError('CONFLICT', `Alert ${alertId} was resolved at ${alert.resolvedAt.toISOString()}`);
    return alert;
  }

  private lateCheckJob(visitId: string, plannedStart: Date, dueAt: number) {
    const [name, data, opts] = this.lateCheckArgs(visitId, plannedStart, dueAt);
    return { name, data, opts };
  }

  private lateCheckArgs(visitId: string, plannedStart: Date, dueAt: number): ['visit.late-check', { visitId: string; plannedStart: string }, { jobId: string; delay: number }] {
    // BullMQ job ids may not hold ':' (visit ids do); the planned start and due time make a moved visit's checks new jobs.
    const jobId = `visit-late-${visitId.replaceAll(':', '_')}-${plannedStart.getTime()}-${dueAt}`;
    // A second late: a job that fires a moment early would still find the visit short of the grace period.
    return ['visit.late-check', { visitId, plannedStart: plannedStart.toISOString() }, { jobId, delay: Math.max(0, dueAt + 1_000 - Date.now()) }];
  }
}

function rank(severity: string): number {
  return ALERT_SEVERITIES.indexOf(severity as (typeof ALERT_SEVERITIES)[number]);
}

export function requireCoordinator(actor: Actor): void {
  if (!actor.roles.includes('admin') && !actor.roles.includes('planner')) throw new DomainError('FORBIDDEN', 'Home-care coordinators (planners) and admins handle visit alerts and schedules');
}

function toAlertRecord(a: CareVisitAlert): CareVisitAlertRecord {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    alertId: a.id,
    visitId: a.visitId,
    seniorId: a.seniorId,
    districtCode: a.districtCode,
    caregiverId: a.caregiverId,
    kind: a.kind,
    severity: a.severity,
    summary: a.summary,
    minutesLate: a.minutesLate,
    raisedAt: a.raisedAt.toISOString(),
    escalatedAt: iso(a.escalatedAt),
    clearedAt: iso(a.clearedAt),
    acknowledgedAt: iso(a.acknowledgedAt),
    acknowledgedBy: a.acknowledgedBy,
    resolvedAt: iso(a.resolvedAt),
    resolvedBy: a.resolvedBy,
    resolution: a.resolution,
  };
}
