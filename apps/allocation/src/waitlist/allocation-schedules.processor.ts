import { InjectQueue, Processor } from '@nestjs/bullmq';
import type { OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { assertNever, ScheduleCatalogue, SCHEDULE_QUEUES, ScheduleProcessor, WORKER_OPTIONS } from '@app/contracts';
import { WaitlistService } from './waitlist.service';

/** Every five minutes: expire lapsed offers whose delayed job was lost, and offer any free bed. */
const SWEEP_EVERY_MS = 5 * 60_000;

/** The allocation service's schedules: one delayed job per offer's hold, and the waiting-list sweep. */
@Processor(SCHEDULE_QUEUES.allocation, WORKER_OPTIONS)
export class AllocationSchedulesProcessor extends ScheduleProcessor<'allocation'> implements OnModuleInit {
  constructor(
    private readonly waitlist: WaitlistService,
    @InjectQueue(SCHEDULE_QUEUES.allocation) private readonly queue: Queue,
  ) {
    super();
  }

  /** Declares the sweep; upserting is idempotent, so every replica may do it at start. */
  async onModuleInit(): Promise<void> {
    await this.queue.upsertJobScheduler('waitlist-sweep', { every: SWEEP_EVERY_MS }, { name: 'waitlist.sweep', data: {} });
  }

  protected async handle(name: ScheduleCatalogue['allocation'], data: Record<string, unknown>): Promise<unknown> {
    switch (name) {
      case 'waitlist.sweep':
        return this.waitlist.sweep('waitlist-sweep');
      case 'offer.expire':
        return this.waitlist.expire(String(data['offerId']), `offer-expire-${String(data['offerId'])}`);
      default:
        return assertNever(name, 'allocation schedule');
    }
  }
}
