import { Processor } from '@nestjs/bullmq';
import { assertNever, COMMAND_QUEUES, CommandEnvelope, CommandName, CommandProcessor, CommandRequest, WORKER_OPTIONS } from '@app/contracts';
import { FacilityViewsService } from '../facility-views/facility-views.service';
import { SeniorViewsService } from '../senior-views/senior-views.service';

type Payload<N extends CommandName<'dispatch'>> = CommandRequest<'dispatch', N>;

/** Answers the dispatch service's commands and queries. */
@Processor(COMMAND_QUEUES.dispatch, WORKER_OPTIONS)
export class DispatchCommandsProcessor extends CommandProcessor<'dispatch'> {
  constructor(
    private readonly seniorViews: SeniorViewsService,
    private readonly facilityViews: FacilityViewsService,
  ) {
    super();
  }

  protected async handle(name: CommandName<'dispatch'>, { payload }: CommandEnvelope): Promise<unknown> {
    switch (name) {
      case 'system.ping':
        return { service: 'dispatch', at: new Date().toISOString() };
      case 'senior-view.get':
        return this.seniorViews.get((payload as Payload<'senior-view.get'>).seniorId);
      case 'facility-view.list': {
        const { districtCode, types } = payload as Payload<'facility-view.list'>;
        return this.facilityViews.list(districtCode, types);
      }
      default:
        return assertNever(name, 'dispatch command');
    }
  }
}
