import { Processor } from '@nestjs/bullmq';
import { assertNever, COMMAND_QUEUES, requireActor, CommandEnvelope, CommandName, CommandProcessor, CommandRequest, WORKER_OPTIONS } from '@app/contracts';
import { BedsService } from '../beds/beds.service';
import { CircleService } from '../circle/circle.service';
import { DaycareService } from '../daycare/daycare.service';
import { FacilitiesService } from '../facilities/facilities.service';
import { SeniorViewsService } from '../senior-views/senior-views.service';

type Payload<N extends CommandName<'allocation'>> = CommandRequest<'allocation', N>;

/** Answers the allocation service's commands and queries. */
@Processor(COMMAND_QUEUES.allocation, WORKER_OPTIONS)
export class AllocationCommandsProcessor extends CommandProcessor<'allocation'> {
  constructor(
    private readonly seniorViews: SeniorViewsService,
    private readonly facilities: FacilitiesService,
    private readonly circle: CircleService,
    private readonly beds: BedsService,
    private readonly daycare: DaycareService,
  ) {
    super();
  }

  protected async handle(name: CommandName<'allocation'>, { payload, actor, correlationId }: CommandEnvelope): Promise<unknown> {
    switch (name) {
      case 'system.ping':
        return { service: 'allocation', at: new Date().toISOString() };
      case 'senior-view.get':
        return this.seniorViews.get((payload as Payload<'senior-view.get'>).seniorId);
      case 'facility.register':
        return this.facilities.register(payload as Payload<'facility.register'>);
      case 'facility.get':
        return this.facilities.get((payload as Payload<'facility.get'>).facilityId);
      case 'facility.list': {
        const { districtCode, type } = payload as Payload<'facility.list'>;
        return this.facilities.list(districtCode, type);
      }
      case 'circle.search':
        return this.circle.search(payload as Payload<'circle.search'>);
      case 'bed.hold': {
        const { holdId, seniorId, bedId } = payload as Payload<'bed.hold'>;
        return this.beds.hold(holdId, seniorId, bedId, requireActor(actor), correlationId);
      }
      case 'bed.admit':
        return this.beds.admit((payload as Payload<'bed.admit'>).holdId, requireActor(actor), correlationId);
      case 'daycare.book': {
        const { requestId, seniorId, facilityId, session, dates } = payload as Payload<'daycare.book'>;
        return this.daycare.book(requestId, seniorId, facilityId, session, dates, requireActor(actor), correlationId);
      }
      case 'daycare.cancel': {
        const { seniorId, bookingId, reason } = payload as Payload<'daycare.cancel'>;
        return this.daycare.cancel(seniorId, bookingId, reason, correlationId);
      }
      case 'daycare.list':
        return this.daycare.list((payload as Payload<'daycare.list'>).seniorId);
      case 'bed.release': {
        const { occupancyId, reason } = payload as Payload<'bed.release'>;
        return this.beds.release(occupancyId, reason, requireActor(actor), correlationId);
      }
      default:
        return assertNever(name, 'allocation command');
    }
  }
}
