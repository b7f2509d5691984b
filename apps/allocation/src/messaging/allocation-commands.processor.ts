import { Processor } from '@nestjs/bullmq';
import { assertNever, COMMAND_QUEUES, CommandEnvelope, CommandName, CommandProcessor, CommandRequest, WORKER_OPTIONS } from '@app/contracts';
import { CircleService } from '../circle/circle.service';
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
  ) {
    super();
  }

  protected async handle(name: CommandName<'allocation'>, { payload }: CommandEnvelope): Promise<unknown> {
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
      default:
        return assertNever(name, 'allocation command');
    }
  }
}
