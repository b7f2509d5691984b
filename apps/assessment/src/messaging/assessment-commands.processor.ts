import { Processor } from '@nestjs/bullmq';
import { assertNever, COMMAND_QUEUES, CommandEnvelope, CommandName, CommandProcessor, CommandRequest, WORKER_OPTIONS } from '@app/contracts';
import { SeniorsService } from '../seniors/seniors.service';

type Payload<N extends CommandName<'assessment'>> = CommandRequest<'assessment', N>;

/** Answers the assessment service's commands and queries. */
@Processor(COMMAND_QUEUES.assessment, WORKER_OPTIONS)
export class AssessmentCommandsProcessor extends CommandProcessor<'assessment'> {
  constructor(private readonly seniors: SeniorsService) {
    super();
  }

  protected async handle(name: CommandName<'assessment'>, { payload, actor, correlationId }: CommandEnvelope): Promise<unknown> {
    switch (name) {
      case 'system.ping':
        return { service: 'assessment', at: new Date().toISOString() };
      case 'senior.register':
        return this.seniors.register(payload as Payload<'senior.register'>, actor, correlationId);
      case 'senior.get':
        return this.seniors.get((payload as Payload<'senior.get'>).seniorId);
      default:
        return assertNever(name, 'assessment command');
    }
  }
}
