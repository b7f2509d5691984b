import { Processor } from '@nestjs/bullmq';
import { assertNever, EventCatalogue, EventEnvelope, INBOX_QUEUES, InboxProcessor, SubscribedEvent, WORKER_OPTIONS } from '@app/contracts';
import { SeniorViewsService } from '../senior-views/senior-views.service';

/** Applies the events allocation subscribes to, each at most once. */
@Processor(INBOX_QUEUES.allocation, WORKER_OPTIONS)
export class AllocationInboxProcessor extends InboxProcessor<'allocation'> {
  constructor(private readonly seniorViews: SeniorViewsService) {
    super();
  }

  protected async handle(event: EventEnvelope<SubscribedEvent<'allocation'>, EventCatalogue[SubscribedEvent<'allocation'>]>): Promise<void> {
    const type = event.type;
    switch (type) {
      case 'senior.registered':
        return this.seniorViews.applySeniorRegistered(event);
      default:
        return assertNever(type, 'allocation event');
    }
  }
}
