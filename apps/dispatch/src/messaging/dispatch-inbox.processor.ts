import { Processor } from '@nestjs/bullmq';
import { assertNever, INBOX_QUEUES, InboxEvent, InboxProcessor, WORKER_OPTIONS } from '@app/contracts';
import { FacilityViewsService } from '../facility-views/facility-views.service';
import { SeniorViewsService } from '../senior-views/senior-views.service';

/** Applies the events dispatch subscribes to, each at most once. */
@Processor(INBOX_QUEUES.dispatch, WORKER_OPTIONS)
export class DispatchInboxProcessor extends InboxProcessor<'dispatch'> {
  constructor(
    private readonly seniorViews: SeniorViewsService,
    private readonly facilityViews: FacilityViewsService,
  ) {
    super();
  }

  protected async handle(event: InboxEvent<'dispatch'>): Promise<void> {
    switch (event.type) {
      case 'senior.registered':
        return this.seniorViews.applySeniorRegistered(event);
      case 'senior.flags-changed':
        return this.seniorViews.applyFlagsChanged(event);
      case 'assessment.finalized':
        return this.seniorViews.applyAssessmentFinalized(event);
      case 'entitlements.changed':
        return this.seniorViews.applyEntitlementsChanged(event);
      case 'facility.registered':
        return this.facilityViews.applyRegistered(event);
      case 'bed.held':
        return; // a hold changes nothing at home until the admission
      case 'bed.admitted':
        return this.seniorViews.applyAdmitted(event);
      case 'bed.released':
        return this.seniorViews.applyReleased(event);
      case 'daycare.booked':
        return this.seniorViews.applyDaycareBooked(event);
      case 'daycare.cancelled':
        return this.seniorViews.applyDaycareCancelled(event);
      default:
        return assertNever(event, 'dispatch event');
    }
  }
}
