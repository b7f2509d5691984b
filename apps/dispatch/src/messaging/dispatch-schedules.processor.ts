import { InjectQueue, Processor } from '@nestjs/bullmq';
import type { OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { assertNever, type MealSlotName, ScheduleCatalogue, SCHEDULE_QUEUES, ScheduleProcessor, WORKER_OPTIONS } from '@app/contracts';
import { DISTRICT_TIME_ZONE } from '@app/domain';
import { EscalationsService } from '../escalations/escalations.service';
import { VisitAlertsService } from '../home-care/visit-alerts.service';
import { VisitSchedulesService } from '../home-care/visit-schedules.service';
import { KitchenWebhooksService } from '../kitchen-webhooks/kitchen-webhooks.service';
import { MealCutoffSchedules } from '../meal-cutoff/meal-cutoff-schedules.service';

/** Just after midnight: cutoff times follow the meal policy version that takes effect that day. */
const REFRESH_PATTERN = '0 5 0 * * *';
/** Sunday 18:00: next week's home-care visits, so caregivers and families see them the evening before. */
const VISIT_SCHEDULE_PATTERN = '0 0 18 * * 0';
/** Every minute: advance any escalation step whose delayed job was lost. */
const ESCALATION_SWEEP_MS = 60_000;
/** Every minute: raise any late-visit alert whose delayed job was lost. */
const VISIT_ALERT_SWEEP_MS = 60_000;

/** The dispatch service's schedules and timed jobs: meal cutoffs, the no-answer ladder's deadlines, kitchens' webhooks, the weekly visit schedule and late-visit alerts. */
@Processor(SCHEDULE_QUEUES.dispatch, WORKER_OPTIONS)
export class DispatchSchedulesProcessor extends ScheduleProcessor<'dispatch'> implements OnModuleInit {
  constructor(
    private readonly cutoffs: MealCutoffSchedules,
    private readonly escalations: EscalationsService,
    private readonly webhooks: KitchenWebhooksService,
    private readonly visitSchedules: VisitSchedulesService,
    private readonly visitAlerts: VisitAlertsService,
    @InjectQueue(SCHEDULE_QUEUES.dispatch) private readonly queue: Queue,
  ) {
    super();
  }

  /** Declares the schedules; upserting is idempotent, so every replica may do it at start. */
  async onModuleInit(): Promise<void> {
    await this.queue.upsertJobScheduler('meal-schedules-refresh', { pattern: REFRESH_PATTERN, tz: DISTRICT_TIME_ZONE }, { name: 'meal-schedules.refresh', data: {} });
    await this.queue.upsertJobScheduler('escalation-sweep', { every: ESCALATION_SWEEP_MS }, { name: 'escalation.sweep', data: {} });
    await this.queue.upsertJobScheduler('visit-alert-sweep', { every: VISIT_ALERT_SWEEP_MS }, { name: 'visit-alert.sweep', data: {} });
    await this.queue.upsertJobScheduler('visit-schedule-weekly', { pattern: VISIT_SCHEDULE_PATTERN, tz: DISTRICT_TIME_ZONE }, { name: 'visit-schedule.weekly', data: {} });
    await this.cutoffs.refreshAll();
  }

  protected async handle(name: ScheduleCatalogue['dispatch'], data: Record<string, unknown>): Promise<unknown> {
    switch (name) {
      case 'meal.cutoff':
        return this.cutoffs.runScheduled(String(data['districtCode']), String(data['slot']) as MealSlotName);
      case 'meal-schedules.refresh':
        return this.cutoffs.refreshAll();
      case 'escalation.deadline':
        return this.escalations.deadline(String(data['caseId']), String(data['step']));
      case 'escalation.sweep':
        return this.escalations.sweep();
      case 'visit-schedule.weekly':
        return this.visitSchedules.runNextWeek();
      case 'visit.late-check':
        return this.visitAlerts.lateCheck(String(data['visitId']), String(data['plannedStart']));
      case 'visit-alert.sweep':
        return this.visitAlerts.sweep();
      case 'kitchen.webhook':
        return this.webhooks.deliver(String(data['kitchenId']), String(data['date']), String(data['slot']) as MealSlotName, String(data['deliveryId']));
      default:
        return assertNever(name, 'dispatch schedule');
    }
  }
}
