import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor, AssessmentRecord, AssessmentReport, EntitlementsRecord, JsonObject, ReassessmentTaskRecord } from '@app/contracts';
import { Access, AuthenticatedRequest, CurrentActor, PendingRequest, UuidParam } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { checkIdempotencyKey } from '../idempotency/idempotency-key';
import { ReassessmentRequestDto, SaveAnswersDto, StartAssessmentDto } from './assessments.dto';
import { AssessmentsService } from './assessments.service';

const REPORT_READERS = ['admin', 'assessor', 'planner', 'family'] as const;

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('v1/seniors/:seniorId')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  /** An assessor starts a draft: first, routine, immediate, or a dispute/correction that supersedes an earlier one. */
  @Post('assessments')
  @Access({ roles: ['admin', 'assessor'], senior: { param: 'seniorId', scope: 'view-assessment-report' }, audit: 'assessment.start' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  start(
    @UuidParam('seniorId') seniorId: string,
    @Body() dto: StartAssessmentDto,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<AssessmentRecord | PendingRequest> {
    return this.assessments.start(seniorId, dto, actor, correlationIdOf(req), checkIdempotencyKey(idempotencyKey));
  }

  /** Saves answers into a draft (partial is fine); items merge into those saved before. */
  @Patch('assessments/:assessmentId/answers')
  @Access({ roles: ['admin', 'assessor'], senior: { param: 'seniorId', scope: 'view-assessment-report' }, audit: 'assessment.answers' })
  saveAnswers(
    @UuidParam('seniorId') seniorId: string,
    @UuidParam('assessmentId') assessmentId: string,
    @Body() dto: SaveAnswersDto,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
  ): Promise<AssessmentRecord | PendingRequest> {
    return this.assessments.saveAnswers(seniorId, assessmentId, { ...dto } as JsonObject, actor, correlationIdOf(req));
  }

  /** Submits a draft: every item answered, scored on the server, final from then on. */
  @Post('assessments/:assessmentId/submit')
  @HttpCode(200)
  @Access({ roles: ['admin', 'assessor'], senior: { param: 'seniorId', scope: 'view-assessment-report' }, audit: 'assessment.submit' })
  submit(
    @UuidParam('seniorId') seniorId: string,
    @UuidParam('assessmentId') assessmentId: string,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
  ): Promise<AssessmentRecord | PendingRequest> {
    return this.assessments.submit(seniorId, assessmentId, actor, correlationIdOf(req));
  }

  @Get('assessments')
  @Access({ roles: REPORT_READERS, senior: { param: 'seniorId', scope: 'view-assessment-report' }, audit: 'assessment.list' })
  list(@UuidParam('seniorId') seniorId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<AssessmentRecord[] | PendingRequest> {
    return this.assessments.list(seniorId, actor, correlationIdOf(req));
  }

  @Get('assessments/:assessmentId')
  @Access({ roles: REPORT_READERS, senior: { param: 'seniorId', scope: 'view-assessment-report' }, audit: 'assessment.read' })
  get(
    @UuidParam('seniorId') seniorId: string,
    @UuidParam('assessmentId') assessmentId: string,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
  ): Promise<AssessmentRecord | PendingRequest> {
    return this.assessments.get(seniorId, assessmentId, actor, correlationIdOf(req));
  }

  /** The report of a submitted assessment as JSON. Every read is audited. */
  @Get('assessments/:assessmentId/report')
  @Access({ roles: REPORT_READERS, senior: { param: 'seniorId', scope: 'view-assessment-report' }, audit: 'assessment.report.read' })
  report(
    @UuidParam('seniorId') seniorId: string,
    @UuidParam('assessmentId') assessmentId: string,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
  ): Promise<AssessmentReport | PendingRequest> {
    return this.assessments.report(seniorId, assessmentId, actor, correlationIdOf(req));
  }

  /** The same report as a printable PDF. */
  @Get('assessments/:assessmentId/report.pdf')
  @ApiProduces('application/pdf')
  @Access({ roles: REPORT_READERS, senior: { param: 'seniorId', scope: 'view-assessment-report' }, audit: 'assessment.report.read' })
  async reportPdf(
    @UuidParam('seniorId') seniorId: string,
    @UuidParam('assessmentId') assessmentId: string,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile | PendingRequest> {
    const pdf = await this.assessments.reportPdf(seniorId, assessmentId, actor, correlationIdOf(req));
    if (pdf instanceof PendingRequest) return pdf;
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="assessment-${assessmentId}.pdf"`);
    return new StreamableFile(pdf);
  }

  /** What the senior is entitled to, with the reasons and the policy version that produced it. */
  @Get('entitlements')
  @Access({ roles: ['admin', 'assessor', 'planner', 'operator', 'family'], senior: { param: 'seniorId', scope: 'view-status' }, audit: 'entitlements.read' })
  entitlements(@UuidParam('seniorId') seniorId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<EntitlementsRecord | PendingRequest> {
    return this.assessments.entitlements(seniorId, actor, correlationIdOf(req));
  }

  /** Asks for an immediate reassessment (a change of condition, repeated falls, a caregiver's concern). Caregivers and couriers ask only for a senior they visit or carry meals to. */
  @Post('reassessment-requests')
  @Access({ roles: ['admin', 'assessor', 'caregiver', 'courier', 'operator'], audit: 'reassessment.request' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  requestReassessment(
    @UuidParam('seniorId') seniorId: string,
    @Body() dto: ReassessmentRequestDto,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ReassessmentTaskRecord | PendingRequest> {
    return this.assessments.requestReassessment(seniorId, dto.reason, actor, correlationIdOf(req), checkIdempotencyKey(idempotencyKey));
  }
}
