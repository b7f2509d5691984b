import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import type {
  Actor,
  AssessmentRecord,
  AssessmentReport,
  CallContext,
  DueAssessmentRecord,
  EntitlementsRecord,
  JsonObject,
  ReassessmentTaskRecord,
  Role,
} from '@app/contracts';
import { DomainError, ServiceClient } from '@app/contracts';
import { answerOrPending, PendingRequest } from '@app/http';
import { derivedUuid } from '../seniors/seniors.service';
import type { StartAssessmentDto } from './assessments.dto';
import { renderAssessmentReportPdf } from './assessment-report.pdf';

/** Roles that may ask for a reassessment of any senior; caregivers and couriers only of those they serve. */
const REASSESS_ANY_SENIOR: ReadonlySet<Role> = new Set(['admin', 'assessor', 'operator']);

/** Assessment routes forward to the assessment service; this class only shapes calls and answers. */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly client: ServiceClient,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  start(seniorId: string, dto: StartAssessmentDto, actor: Actor, correlationId: string, idempotencyKey?: string): Promise<AssessmentRecord | PendingRequest> {
    const assessmentId = idempotencyKey ? derivedUuid(`assessment:${actor.accountId}:${idempotencyKey}`) : randomUUID();
    return answerOrPending(this.client.call('assessment', 'assessment.start', { assessmentId, seniorId, ...dto }, this.context(actor, correlationId)));
  }

  saveAnswers(seniorId: string, assessmentId: string, answers: JsonObject, actor: Actor, correlationId: string): Promise<AssessmentRecord | PendingRequest> {
    return answerOrPending(this.client.call('assessment', 'assessment.save-answers', { assessmentId, seniorId, answers }, this.context(actor, correlationId)));
  }

  submit(seniorId: string, assessmentId: string, actor: Actor, correlationId: string): Promise<AssessmentRecord | PendingRequest> {
    return answerOrPending(this.client.call('assessment', 'assessment.submit', { assessmentId, seniorId }, this.context(actor, correlationId)));
  }

  list(seniorId: string, actor: Actor, correlationId: string): Promise<AssessmentRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('assessment', 'assessment.list', { seniorId }, this.context(actor, correlationId)));
  }

  get(seniorId: string, assessmentId: string, actor: Actor, correlationId: string): Promise<AssessmentRecord | PendingRequest> {
    return answerOrPending(this.client.call('assessment', 'assessment.get', { seniorId, assessmentId }, this.context(actor, correlationId)));
  }

  report(seniorId: string, assessmentId: string, actor: Actor, correlationId: string): Promise<AssessmentReport | PendingRequest> {
    return answerOrPending(this.client.call('assessment', 'assessment.report', { seniorId, assessmentId }, this.context(actor, correlationId)));
  }

  async reportPdf(seniorId: string, assessmentId: string, actor: Actor, correlationId: string): Promise<Buffer | PendingRequest> {
    const report = await this.report(seniorId, assessmentId, actor, correlationId);
    return report instanceof PendingRequest ? report : renderAssessmentReportPdf(report, this.env.REPORT_FONT_PATH);
  }

  entitlements(seniorId: string, actor: Actor, correlationId: string): Promise<EntitlementsRecord | PendingRequest> {
    return answerOrPending(this.client.call('assessment', 'entitlements.get', { seniorId }, this.context(actor, correlationId)));
  }

  /** Assessors, operators and admins ask for anyone; caregivers and couriers only for a senior they visit or deliver to. */
  async requestReassessment(seniorId: string, reason: string, actor: Actor, correlationId: string, idempotencyKey?: string): Promise<ReassessmentTaskRecord | PendingRequest> {
    if (!actor.roles.some((role) => REASSESS_ANY_SENIOR.has(role))) await this.requireServed(seniorId, actor, correlationId);
    const requestId = idempotencyKey ? derivedUuid(`reassessment:${actor.accountId}:${idempotencyKey}`) : randomUUID();
    return answerOrPending(this.client.call('assessment', 'reassessment.request', { requestId, seniorId, reason, raisedBy: `account:${actor.accountId}` }, this.context(actor, correlationId)));
  }

  private async requireServed(seniorId: string, actor: Actor, correlationId: string): Promise<void> {
    const outcome = await this.client.call('dispatch', 'staff.relation', { seniorId }, this.context(actor, correlationId));
    const relation = outcome.status === 'done' ? outcome.value : null; // a point query answers or fails, never pending
    if (!relation?.visits && !relation?.delivers) {
      throw new DomainError('FORBIDDEN', 'Caregivers and couriers ask for a reassessment only of a senior they visit or carry meals to (from 30 days back to 14 days ahead)');
    }
  }

  tasks(districtCode: string | null, actor: Actor, correlationId: string): Promise<ReassessmentTaskRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('assessment', 'reassessment.tasks', { districtCode, openOnly: true }, this.context(actor, correlationId)));
  }

  due(districtCode: string | null, withinDays: number, overdueOnly: boolean, actor: Actor, correlationId: string): Promise<DueAssessmentRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('assessment', 'reassessment.due', { districtCode, withinDays, overdueOnly }, this.context(actor, correlationId)));
  }

  private context(actor: Actor, correlationId: string): CallContext {
    return { actor, correlationId, timeoutMs: this.env.REQUEST_TIMEOUT_MS };
  }
}
