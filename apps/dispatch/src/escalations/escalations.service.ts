import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type Actor, DomainError, type EscalationCaseRecord, type EscalationOutcomeName, type EscalationSlaReport, SCHEDULE_QUEUES } from '@app/contracts';
import { addDays, DISTRICT_TIME_ZONE, escalationSla, type EscalationStep, type LadderStep, localDate, localInstant, nextStep } from '@app/domain';
import type { EscalationCase } from '@app/persistence';
import { MealDeliveriesRepository, type OrderView } from '../meal-deliveries/meal-deliveries.repository';
import { MealSubscriptionsRepository } from '../meal-subscriptions/meal-subscriptions.repository';
import { EscalationsRepository, type EscalationCaseView } from './escalations.repository';

/** The sweep advances a step whose delayed job was lost once it is this late. */
const SWEEP_GRACE_SECONDS = 60;

interface TimelineEntry {
  step: string;
  owner: string;
  startedAt: string;
  deadline: string;
  endedAt: string | null;
  outcome: EscalationOutcomeName | null;
  by: string | null;
  note: string | null;
}

/**
 * "No answer at the door": a timed ladder of steps (courier retries → office calls → emergency
 * contacts → community worker → emergency services), each with an owner and a deadline. A step's
 * deadline is a delayed BullMQ job: when it passes without the senior found, the next step starts.
 * The case closes as soon as someone records the senior found (well, needing help, in hospital).
 */
@Injectable()
export class EscalationsService {
  private readonly logger = new Logger(EscalationsService.name);

  constructor(
    private readonly escalations: EscalationsRepository,
    private readonly deliveries: MealDeliveriesRepository,
    private readonly subscriptions: MealSubscriptionsRepository,
    @InjectQueue(SCHEDULE_QUEUES.dispatch) private readonly schedules: Queue,
  ) {}

  /** In the outcome's transaction: opens the case at the ladder's first step. Returns what to schedule after commit. */
  async start(manager: EntityManager, order: OrderView, at: Date, ladder: readonly LadderStep[]): Promise<{ caseId: string; step: string; deadline: Date }> {
    const first = ladder[0]!;
    const deadline = new Date(at.getTime() + first.minutes * 60_000);
    const caseId = randomUUID();
    await this.escalations.insert(manager, {
      id: caseId,
      orderId: order.id,
      seniorId: order.senior_id,
      districtCode: order.district_code,
      kitchenId: order.kitchen_id,
      startedAt: at,
      status: 'open',
      currentStep: first.step,
      stepOwner: first.owner,
      stepDeadline: deadline,
      ladder: ladder.map((s) => ({ ...s })),
      timeline: [entry(first, at, deadline)],
      resolvedAt: null,
      resolution: null,
    });
    return { caseId, step: first.step, deadline };
  }

  /** A delayed job due at the step's deadline; the job id makes scheduling twice harmless. */
  async schedule(caseId: string, step: string, deadline: Date): Promise<void> {
    try {
      await this.schedules.add('escalation.deadline', { caseId, step }, { jobId: `escalation-${caseId}-${step}`, delay: Math.max(0, deadline.getTime() - Date.now()) });
    } catch (error) {
      this.logger.warn({ err: error, caseId }, 'could not schedule an escalation deadline; the sweep will advance it');
    }
  }

  /** Someone acted on the current step: found (the case closes) or no answer (the next step starts now). */
  async recordStep(caseId: string, outcome: EscalationOutcomeName, note: string | null, actor: Actor): Promise<EscalationCaseRecord> {
    const view = await this.escalations.view(caseId);
    if (!view) throw new DomainError('NOT_FOUND', `No escalation case ${caseId}`);
    await this.requireOwner(view, actor);
    await this.advance(caseId, view.currentStep, outcome, note, actor.accountId);
    return toRecord((await this.escalations.view(caseId))!);
  }

  /** The delayed job: the step's deadline passed with the case still there, so it counts as no answer. */
  async deadline(caseId: string, step: string): Promise<boolean> {
    return this.advance(caseId, step, 'no-answer', 'deadline passed without an answer', null, true);
  }

  /** Safety net for lost delayed jobs. */
  async sweep(): Promise<{ advanced: number }> {
    let advanced = 0;
    for (const row of await this.escalations.overdue(SWEEP_GRACE_SECONDS)) if (await this.deadline(row.id, row.current_step)) advanced++;
    return { advanced };
  }

  async list(districtCode: string, kitchenId: string | null, openOnly: boolean, actor: Actor): Promise<EscalationCaseRecord[]> {
    if (!actor.roles.includes('admin') && !actor.roles.includes('planner') && !(kitchenId && actor.kitchenIds.includes(kitchenId))) {
      throw new DomainError('FORBIDDEN', 'Kitchen staff see the cases of their kitchen: give kitchenId');
    }
    return (await this.escalations.list(districtCode, kitchenId, openOnly)).map(toRecord);
  }

  /** Cases started between two local dates (inclusive). */
  async sla(districtCode: string, from: string, until: string): Promise<EscalationSlaReport> {
    const cases = await this.escalations.startedBetween(districtCode, localInstant(from, '00:00', DISTRICT_TIME_ZONE), localInstant(addDays(until, 1), '00:00', DISTRICT_TIME_ZONE));
    const sla = escalationSla(
      cases.map((c) => ({
        startedAt: c.startedAt,
        resolvedAt: c.resolvedAt,
        steps: (c.timeline as unknown as TimelineEntry[]).map((t) => ({ step: t.step as EscalationStep, startedAt: new Date(t.startedAt), endedAt: t.endedAt ? new Date(t.endedAt) : null, outcome: t.outcome, by: t.by })),
      })),
    );
    return { districtCode, from, until, ...sla, open: cases.filter((c) => c.status === 'open').length };
  }

  /**
   * Moves the case on from `step` with an outcome, under a row lock; false when the case is
   * closed or already past that step (a late job, a second click). A deadline at the last step
   * leaves the case open: there is nobody further to call, so a person must record the finding.
   */
  private async advance(caseId: string, step: string, outcome: EscalationOutcomeName, note: string | null, by: string | null, onlyWhenDue = false): Promise<boolean> {
    const scheduled = await this.escalations.transaction(async (manager) => {
      const row = await this.escalations.forUpdate(manager, caseId);
      if (!row || row.status !== 'open' || row.currentStep !== step) {
        if (!onlyWhenDue) throw new DomainError('CONFLICT', `The case is ${row?.status === 'resolved' ? 'resolved' : `at step ${row?.currentStep}`}, not ${step}`);
        return null;
      }
      const now = new Date();
      if (onlyWhenDue && row.stepDeadline > now) return null;
      const decision = nextStep(row.ladder as unknown as LadderStep[], step as EscalationStep, outcome);
      if (onlyWhenDue && !decision.resolved && decision.next === null) return null;
      const timeline = row.timeline as unknown as TimelineEntry[];
      Object.assign(timeline[timeline.length - 1]!, { endedAt: now.toISOString(), outcome, by, note });
      if (decision.resolved) {
        Object.assign(row, { status: 'resolved', resolvedAt: now, resolution: decision.reason });
        if (outcome === 'hospitalised') {
          await this.subscriptions.insertPause(manager, { id: randomUUID(), seniorId: row.seniorId, fromDate: localDate(now), untilDate: null, reason: 'in hospital (found by the no-answer ladder); resume when home', createdBy: by });
        }
      } else if (decision.next) {
        const deadline = new Date(now.getTime() + decision.next.minutes * 60_000);
        timeline.push(entry(decision.next, now, deadline));
        Object.assign(row, { currentStep: decision.next.step, stepOwner: decision.next.owner, stepDeadline: deadline });
      }
      row.timeline = timeline as unknown as object[];
      await this.escalations.save(manager, row);
      return decision.next && !decision.resolved && decision.next.minutes > 0 ? { step: decision.next.step, deadline: row.stepDeadline } : { step: null, deadline: null };
    });
    if (scheduled === null) return false;
    if (scheduled.step && scheduled.deadline) await this.schedule(caseId, scheduled.step, scheduled.deadline);
    return true;
  }

  /** The courier of the meal's route may act on the first step; the kitchen's staff and admins on any. */
  private async requireOwner(view: EscalationCaseView, actor: Actor): Promise<void> {
    if (actor.roles.includes('admin')) return;
    if (actor.roles.includes('kitchen') && view.kitchenId && actor.kitchenIds.includes(view.kitchenId)) return;
    if (actor.roles.includes('courier') && view.currentStep === 'courier-retry') {
      const order = await this.deliveries.order(view.orderId);
      const route = order?.route_id ? await this.deliveries.route(order.route_id) : null;
      if (route?.courier_account_id === actor.accountId) return;
    }
    throw new DomainError('FORBIDDEN', `The ${view.currentStep} step is not yours to record`);
  }
}

function entry(step: LadderStep, startedAt: Date, deadline: Date): TimelineEntry {
  return { step: step.step, owner: step.owner, startedAt: startedAt.toISOString(), deadline: deadline.toISOString(), endedAt: null, outcome: null, by: null, note: null };
}

function toRecord(c: EscalationCaseView | (EscalationCase & { seniorName: string; livesAlone: boolean })): EscalationCaseRecord {
  return {
    caseId: c.id,
    orderId: c.orderId,
    seniorId: c.seniorId,
    seniorName: c.seniorName,
    livesAlone: c.livesAlone,
    kitchenId: c.kitchenId,
    status: c.status,
    startedAt: c.startedAt.toISOString(),
    currentStep: c.currentStep,
    owner: c.stepOwner,
    deadline: c.stepDeadline.toISOString(),
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    resolution: c.resolution,
    timeline: c.timeline as unknown as TimelineEntry[],
  };
}
