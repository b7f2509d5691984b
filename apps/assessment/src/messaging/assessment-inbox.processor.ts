import { Processor } from '@nestjs/bullmq';
import { assertNever, INBOX_QUEUES, InboxEvent, InboxProcessor, WORKER_OPTIONS } from '@app/contracts';
import { ReassessmentsService } from '../reassessments/reassessments.service';

/** Applies the events the assessment service subscribes to. Each effect is idempotent by its request id. */
@Processor(INBOX_QUEUES.assessment, WORKER_OPTIONS)
export class AssessmentInboxProcessor extends InboxProcessor<'assessment'> {
  constructor(private readonly reassessments: ReassessmentsService) {
    super();
  }

  protected async handle(event: InboxEvent<'assessment'>): Promise<void> {
    switch (event.type) {
      case 'meals.reassessment-requested': {
        const { requestId, seniorId, reason, raisedBy } = event.payload;
        await this.reassessments.requestImmediate(requestId, seniorId, `meal deliveries: ${reason}`, raisedBy);
        return;
      }
      case 'visits.reassessment-requested': {
        const { requestId, seniorId, reason, raisedBy } = event.payload;
        await this.reassessments.requestImmediate(requestId, seniorId, `home-care visit: ${reason}`, raisedBy);
        return;
      }
      default:
        return assertNever(event, 'assessment event');
    }
  }
}
