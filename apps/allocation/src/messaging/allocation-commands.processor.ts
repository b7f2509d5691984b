import { Processor } from '@nestjs/bullmq';
import { assertNever, COMMAND_QUEUES, CommandEnvelope, CommandName, CommandProcessor, CommandRequest, WORKER_OPTIONS } from '@app/contracts';
import { SeniorViewsService } from '../senior-views/senior-views.service';

type Payload<N extends CommandName<'allocation'>> = CommandRequest<'allocation', N>;

/** Answers the allocation service's commands and queries. */
@Processor(COMMAND_QUEUES.allocation, WORKER_OPTIONS)
export class AllocationCommandsProcessor extends CommandProcessor<'allocation'> {
  constructor(private readonly seniorViews: SeniorViewsService) {
    super();
  }

  protected async handle(name: CommandName<'allocation'>, { payload }: CommandEnvelope): Promise<unknown> {
    switch (name) {
      case 'system.ping':
        return { service: 'allocation', at: new Date().toISOString() };
      case 'senior-view.get':
        return this.seniorViews.get((payload as Payload<'senior-view.get'>).seniorId);
      default:
        return assertNever(name, 'allocation command');
    }
  }
}
