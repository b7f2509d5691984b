import { Processor } from '@nestjs/bullmq';
import { assertNever, EventCatalogue, EventEnvelope, INBOX_QUEUES, InboxProcessor, SubscribedEvent, WORKER_OPTIONS } from '@app/contracts';
import { SeniorViewsService } from '../senior-views/senior-views.service';

/** Applies the events dispatch subscribes to, each at most once. */
@Processor(INBOX_QUEUES.dispatch, WORKER_OPTIONS)
export class DispatchInboxProcessor extends InboxProcessor<'dispatch'> {
  constructor(private readonly seniorViews: SeniorViewsService) {
    super();
  }

  protected async handle(event: EventEnvelope<SubscribedEvent<'dispatch'>, EventCatalogue[SubscribedEvent<'dispatch'>]>): Promise<void> {
    const type = event.type;
    switch (type) {
      case 'senior.registered':
        return this.seniorViews.applySeniorRegistered(event);
      default:
        return assertNever(type, 'dispatch event');
    }
  }
}
