import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import type {
  Actor,
  AssessmentRecord,
  AssessmentReport,
  CallOutcome,
  DueAssessmentRecord,
  EntitlementsRecord,
  JsonObject,
  ReassessmentTaskRecord,
} from '@app/contracts';
import { ServiceClient } from '@app/contracts';
import { PendingRequest } from '@app/http';
import { derivedUuid } from '../seniors/seniors.service';
import type { StartAssessmentDto } from './assessments.dto';
import { renderAssessmentReportPdf } from './assessment-report.pdf';

/** Assessment routes forward to the assessment service; this class only shapes calls and answers. */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly client: ServiceClient,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  start(seniorId: string, dto: StartAssessmentDto, actor: Actor, correlationId: string, idempotencyKey?: string): Promise<AssessmentRecord | PendingRequest> {
    const assessmentId = idempotencyKey ? derivedUuid(`assessment:${actor.accountId}:${idempotencyKey}`) : randomUUID();
    return this.ask(actor, correlationId, (context) =>
      this.client.call('assessment', 'assessment.start', { assessmentId, seniorId, ...dto }, context),
    );
  }

  saveAnswers(seniorId: string, assessmentId: string, answers: JsonObject, actor: Actor, correlationId: string): Promise<AssessmentRecord | PendingRequest> {
    return this.ask(actor, correlationId, (context) => this.client.call('assessment', 'assessment.save-answers', { assessmentId, seniorId, answers }, context));
  }

  submit(seniorId: string, assessmentId: string, actor: Actor, correlationId: string): Promise<AssessmentRecord | PendingRequest> {
    return this.ask(actor, correlationId, (context) => this.client.call('assessment', 'assessment.submit', { assessmentId, seniorId }, context));
  }

  list(seniorId: string, actor: Actor, correlationId: string): Promise<AssessmentRecord[] | PendingRequest> {
    return this.ask(actor, correlationId, (context) => this.client.call('assessment', 'assessment.list', { seniorId }, context));
  }

  get(seniorId: string, assessmentId: string, actor: Actor, correlationId: string): Promise<AssessmentRecord | PendingRequest> {
    return this.ask(actor, correlationId, (context) => this.client.call('assessment', 'assessment.get', { seniorId, assessmentId }, context));
  }

  report(seniorId: string, assessmentId: string, actor: Actor, correlationId: string): Promise<AssessmentReport | PendingRequest> {
    return this.ask(actor, correlationId, (context) => this.client.call('assessment', 'assessment.report', { seniorId, assessmentId }, context));
  }

  async reportPdf(seniorId: string, assessmentId: string, actor: Actor, correlationId: string): Promise<Buffer | PendingRequest> {
    const report = await this.report(seniorId, assessmentId, actor, correlationId);
    return report instanceof PendingRequest ? report : renderAssessmentReportPdf(report, this.env.REPORT_FONT_PATH);
  }

  entitlements(seniorId: string, actor: Actor, correlationId: string): Promise<EntitlementsRecord | PendingRequest> {
    return this.ask(actor, correlationId, (context) => this.client.call('assessment', 'entitlements.get', { seniorId }, context));
  }

  requestReassessment(seniorId: string, reason: string, actor: Actor, correlationId: string, idempotencyKey?: string): Promise<ReassessmentTaskRecord | PendingRequest> {
    const requestId = idempotencyKey ? derivedUuid(`reassessment:${actor.accountId}:${idempotencyKey}`) : randomUUID();
    return this.ask(actor, correlationId, (context) =>
      this.client.call('assessment', 'reassessment.request', { requestId, seniorId, reason, raisedBy: `account:${actor.accountId}` }, context),
    );
  }

  tasks(districtCode: string | null, actor: Actor, correlationId: string): Promise<ReassessmentTaskRecord[] | PendingRequest> {
    return this.ask(actor, correlationId, (context) => this.client.call('assessment', 'reassessment.tasks', { districtCode, openOnly: true }, context));
  }

  due(districtCode: string | null, withinDays: number, overdueOnly: boolean, actor: Actor, correlationId: string): Promise<DueAssessmentRecord[] | PendingRequest> {
    return this.ask(actor, correlationId, (context) => this.client.call('assessment', 'reassessment.due', { districtCode, withinDays, overdueOnly }, context));
  }

  private async ask<R>(
    actor: Actor,
    correlationId: string,
    call: (context: { actor: Actor; correlationId: string; timeoutMs: number }) => Promise<CallOutcome<R>>,
  ): Promise<R | PendingRequest> {
    const outcome = await call({ actor, correlationId, timeoutMs: this.env.REQUEST_TIMEOUT_MS });
    return outcome.status === 'pending' ? new PendingRequest(outcome.requestId) : outcome.value;
  }
}
