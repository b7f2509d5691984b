import { Processor } from '@nestjs/bullmq';
import { assertNever, INBOX_QUEUES, InboxEvent, InboxProcessor, WORKER_OPTIONS } from '@app/contracts';
import { SeniorViewsService } from '../senior-views/senior-views.service';

/** Applies the events allocation subscribes to, each at most once. */
@Processor(INBOX_QUEUES.allocation, WORKER_OPTIONS)
export class AllocationInboxProcessor extends InboxProcessor<'allocation'> {
  constructor(private readonly seniorViews: SeniorViewsService) {
    super();
  }

  protected async handle(event: InboxEvent<'allocation'>): Promise<void> {
    switch (event.type) {
      case 'senior.registered':
        return this.seniorViews.applySeniorRegistered(event);
      case 'senior.flags-changed':
        return this.seniorViews.applyFlagsChanged(event);
      case 'assessment.finalized':
        return this.seniorViews.applyAssessmentFinalized(event);
      case 'entitlements.changed':
        return this.seniorViews.applyEntitlementsChanged(event);
      default:
        return assertNever(event, 'allocation event');
    }
  }
}
