import { InjectQueue, Processor } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { assertNever, COMMAND_QUEUES, requireActor, CommandEnvelope, CommandName, CommandProcessor, CommandRequest, SCHEDULE_QUEUES, WORKER_OPTIONS } from '@app/contracts';
import { AssessmentsService } from '../assessments/assessments.service';
import { DistrictPoliciesService } from '../entitlements/district-policies.service';
import { EntitlementsService } from '../entitlements/entitlements.service';
import { ReassessmentsService } from '../reassessments/reassessments.service';
import { PersonalDataService, REFUSED_AFTER_ERASURE } from '../personal-data/personal-data.service';
import { SeniorsService } from '../seniors/seniors.service';

type Payload<N extends CommandName<'assessment'>> = CommandRequest<'assessment', N>;

/** Answers the assessment service's commands and queries. */
@Processor(COMMAND_QUEUES.assessment, WORKER_OPTIONS)
export class AssessmentCommandsProcessor extends CommandProcessor<'assessment'> {
  constructor(
    private readonly seniors: SeniorsService,
    private readonly assessments: AssessmentsService,
    private readonly entitlements: EntitlementsService,
    private readonly reassessments: ReassessmentsService,
    private readonly policies: DistrictPoliciesService,
    private readonly personalData: PersonalDataService,
    @InjectQueue(SCHEDULE_QUEUES.assessment) private readonly schedules: Queue,
  ) {
    super();
  }

  protected async handle(name: CommandName<'assessment'>, { payload, actor, correlationId }: CommandEnvelope): Promise<unknown> {
    if (REFUSED_AFTER_ERASURE.has(name)) await this.personalData.refuseIfErased((payload as { seniorId?: string }).seniorId);
    switch (name) {
      case 'system.ping':
        return { service: 'assessment', at: new Date().toISOString() };
      case 'senior.register':
        return this.seniors.register(payload as Payload<'senior.register'>, actor, correlationId);
      case 'senior.get':
        return this.seniors.get((payload as Payload<'senior.get'>).seniorId);
      case 'senior.find-by-id-hash':
        return this.seniors.findByIdNumberHash((payload as Payload<'senior.find-by-id-hash'>).idNumberHash);
      case 'senior.personal-data':
        return this.personalData.export((payload as Payload<'senior.personal-data'>).seniorId);
      case 'senior.erase':
        return this.personalData.erase(payload as Payload<'senior.erase'>);
      case 'senior.grant-flag': {
        const { seniorId, grant } = payload as Payload<'senior.grant-flag'>;
        return this.seniors.grantFlag(seniorId, grant, correlationId);
      }
      case 'senior.end-flag': {
        const { seniorId, grantId, validUntil, reason } = payload as Payload<'senior.end-flag'>;
        return this.seniors.endFlag(seniorId, grantId, validUntil, reason, correlationId);
      }
      case 'assessment.start':
        return this.assessments.start(payload as Payload<'assessment.start'>, requireActor(actor));
      case 'assessment.save-answers':
        return this.assessments.saveAnswers(payload as Payload<'assessment.save-answers'>);
      case 'assessment.submit': {
        const { assessmentId, seniorId } = payload as Payload<'assessment.submit'>;
        return this.assessments.submit(assessmentId, seniorId, correlationId);
      }
      case 'assessment.get': {
        const { seniorId, assessmentId } = payload as Payload<'assessment.get'>;
        return this.assessments.get(seniorId, assessmentId);
      }
      case 'assessment.list':
        return this.assessments.list((payload as Payload<'assessment.list'>).seniorId);
      case 'assessment.report': {
        const { seniorId, assessmentId } = payload as Payload<'assessment.report'>;
        return this.assessments.report(seniorId, assessmentId);
      }
      case 'entitlements.get':
        return this.entitlements.current((payload as Payload<'entitlements.get'>).seniorId);
      case 'entitlements.recompute': {
        const { seniorIds, trigger } = payload as Payload<'entitlements.recompute'>;
        return this.entitlements.recomputeMany(seniorIds, trigger, correlationId);
      }
      case 'policy.list':
        return this.policies.list((payload as Payload<'policy.list'>).districtCode);
      case 'policy.publish': {
        const { document, publishedBy } = payload as Payload<'policy.publish'>;
        const published = await this.policies.publish(document, publishedBy);
        if (published.inForceToday) await this.schedules.add('policy.activation', {}, { jobId: `policy-activation-${published.districtCode}-${published.version}` });
        return published;
      }
      case 'reassessment.request': {
        const { requestId, seniorId, reason, raisedBy } = payload as Payload<'reassessment.request'>;
        return this.reassessments.requestImmediate(requestId, seniorId, reason, raisedBy);
      }
      case 'reassessment.tasks': {
        const { districtCode, openOnly } = payload as Payload<'reassessment.tasks'>;
        return this.reassessments.list(districtCode, openOnly);
      }
      case 'reassessment.due': {
        const { districtCode, withinDays, overdueOnly } = payload as Payload<'reassessment.due'>;
        return this.reassessments.due(districtCode, withinDays, overdueOnly);
      }
      default:
        return assertNever(name, 'assessment command');
    }
  }
}
