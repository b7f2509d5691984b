import { InjectQueue, Processor } from '@nestjs/bullmq';
import type { OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { assertNever, ScheduleCatalogue, SCHEDULE_QUEUES, ScheduleProcessor, WORKER_OPTIONS } from '@app/contracts';
import { DISTRICT_TIME_ZONE } from '@app/domain';
import { EntitlementsService } from '../entitlements/entitlements.service';
import { ReassessmentsService } from './reassessments.service';

/** Every day at 06:30 district time, before assessors start their rounds. */
const SWEEP_PATTERN = '0 30 6 * * *';
/** Just after midnight district time, when policy versions take effect. */
const POLICY_ACTIVATION_PATTERN = '0 5 0 * * *';

/** The assessment service's business schedules, as BullMQ job schedulers (one firing across replicas). */
@Processor(SCHEDULE_QUEUES.assessment, WORKER_OPTIONS)
export class AssessmentSchedulesProcessor extends ScheduleProcessor<'assessment'> implements OnModuleInit {
  constructor(
    private readonly reassessments: ReassessmentsService,
    private readonly entitlements: EntitlementsService,
    @InjectQueue(SCHEDULE_QUEUES.assessment) private readonly queue: Queue,
  ) {
    super();
  }

  /** Declares the schedules; upserting is idempotent, so every replica may do it at start. */
  async onModuleInit(): Promise<void> {
    await this.queue.upsertJobScheduler('reassessment-sweep', { pattern: SWEEP_PATTERN, tz: DISTRICT_TIME_ZONE }, { name: 'reassessment.sweep', data: {} });
    await this.queue.upsertJobScheduler('policy-activation', { pattern: POLICY_ACTIVATION_PATTERN, tz: DISTRICT_TIME_ZONE }, { name: 'policy.activation', data: {} });
  }

  protected async handle(name: ScheduleCatalogue['assessment']): Promise<unknown> {
    switch (name) {
      case 'reassessment.sweep':
        return this.reassessments.sweep();
      case 'policy.activation':
        return this.entitlements.activatePolicies(null);
      default:
        return assertNever(name, 'assessment schedule');
    }
  }
}
