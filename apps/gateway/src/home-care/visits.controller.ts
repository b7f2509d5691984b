import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, CallContext, CareVisitDetail, DomainError, ServiceClient, VisitNoticeRecord } from '@app/contracts';
import { Access, answerOrPending, AuthenticatedRequest, CurrentActor, PendingRequest, UuidParam } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { SealedText } from '../personal-data/sealed-text';
import { CheckInDto, CheckOutDto, SinceQuery } from './visits.dto';

/** A visit as the gateway shows it: the notes and concern details opened. */
export type OpenedCareVisit = Omit<CareVisitDetail, 'notesSealed' | 'concerns'> & {
  notes: string | null;
  concerns: Array<Omit<CareVisitDetail['concerns'][number], 'detailSealed'> & { detail: string | null }>;
};

/** Re-planning a district's day runs the planner: give it longer than a plain request. */
export const REPLAN_TIMEOUT_MS = 30_000;

/** The caregiver's visit id as it appears in their list: `<seniorId>:<date>:<n>`. */
const VISIT_ID = /^[0-9a-f-]{36}:\d{4}-\d{2}-\d{2}:\d{1,3}$/;

/**
 * Doing the visit: the assigned caregiver checks in and out at the door (verified by the door
 * tag's code or a geofence), records tasks done, notes and concerns. Notes and concern details are
 * sealed here, before they reach a queue, and opened only for the visit's caregiver and coordinators.
 */
@ApiTags('home care')
@ApiBearerAuth()
@Controller('v1')
export class VisitsController {
  constructor(
    private readonly client: ServiceClient,
    private readonly sealed: SealedText,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /** Check-in at the door. 403 when the visit is someone else's; 409 when already checked in or another visit is still open. */
  @Post('visits/:visitId/check-in')
  @HttpCode(200)
  @Access({ roles: ['caregiver'] })
  async checkIn(@Param('visitId') visitId: string, @Body() dto: CheckInDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<OpenedCareVisit | PendingRequest> {
    const command = { visitId: checkedVisitId(visitId), at: dto.at, evidence: { method: dto.method, code: dto.code, location: dto.location } };
    return this.opened(await answerOrPending(this.client.call('dispatch', 'visit.check-in', command, this.context(actor, req))));
  }

  /** Check-out with the tasks done, notes and concerns; a fall, or a concern that asks, requests an immediate reassessment. 409 before a check-in. */
  @Post('visits/:visitId/check-out')
  @HttpCode(200)
  @Access({ roles: ['caregiver'] })
  async checkOut(@Param('visitId') visitId: string, @Body() dto: CheckOutDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<OpenedCareVisit | PendingRequest> {
    const command = {
      visitId: checkedVisitId(visitId),
      at: dto.at,
      evidence: { method: dto.method, code: dto.code, location: dto.location },
      tasksDone: dto.tasksDone,
      notesSealed: dto.notes === null ? null : this.sealed.seal(dto.notes),
      concerns: dto.concerns.map((c) => ({ kind: c.kind, detailSealed: c.detail === null ? null : this.sealed.seal(c.detail), requestReassessment: c.requestReassessment })),
    };
    return this.opened(await answerOrPending(this.client.call('dispatch', 'visit.check-out', command, this.context(actor, req))));
  }

  /** One visit with what happened at it: for its caregiver and coordinators. */
  @Get('visits/:visitId')
  @Access({ roles: ['caregiver', 'admin', 'planner'], audit: 'visit.get' })
  async visit(@Param('visitId') visitId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<OpenedCareVisit | PendingRequest> {
    return this.opened(await answerOrPending(this.client.call('dispatch', 'visit.get', { visitId: checkedVisitId(visitId) }, this.context(actor, req))));
  }

  /** A new door tag for the senior (print the code as a QR code or write it to an NFC tag); the code is shown once and the old tag stops working. */
  @Post('seniors/:seniorId/door-tag')
  @Access({ roles: ['admin', 'planner', 'assessor'], audit: 'door-tag.issue' })
  doorTag(@UuidParam('seniorId') seniorId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<{ seniorId: string; code: string; issuedAt: string } | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'door-tag.issue', { seniorId }, this.context(actor, req)));
  }

  /** Changes to the calling caregiver's visits (re-planned, moved, cancelled), newest first. */
  @Get('caregiver/notices')
  @Access({ roles: ['caregiver'] })
  myNotices(@Query() query: SinceQuery, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<VisitNoticeRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'caregiver.notices', { since: query.since }, this.context(actor, req)));
  }

  /** Changes to the senior's visits, for the family. */
  @Get('seniors/:seniorId/visit-notices')
  @Access({ roles: ['admin', 'planner', 'family'], senior: { param: 'seniorId', scope: 'view-status' }, audit: 'visit-notices.list' })
  seniorNotices(@UuidParam('seniorId') seniorId: string, @Query() query: SinceQuery, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<VisitNoticeRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'senior.visit-notices', { seniorId, since: query.since }, this.context(actor, req)));
  }

  /** Notes and concern details opened for whoever may read the visit. */
  private opened(visit: CareVisitDetail | PendingRequest): OpenedCareVisit | PendingRequest {
    if (visit instanceof PendingRequest) return visit;
    const { notesSealed, concerns, ...rest } = visit;
    return {
      ...rest,
      notes: notesSealed === null ? null : this.sealed.open(notesSealed),
      concerns: concerns.map(({ detailSealed, ...concern }) => ({ ...concern, detail: detailSealed === null ? null : this.sealed.open(detailSealed) })),
    };
  }

  private context(actor: Actor, req: AuthenticatedRequest): CallContext {
    return { actor, correlationId: correlationIdOf(req), timeoutMs: this.env.REQUEST_TIMEOUT_MS };
  }
}

/** A 400 naming the parameter for anything that is not a visit id. */
export function checkedVisitId(visitId: string): string {
  if (!VISIT_ID.test(visitId)) throw new DomainError('VALIDATION_FAILED', 'visitId must be a visit id <seniorId>:<YYYY-MM-DD>:<n>', [{ field: 'visitId', problems: ['must be <seniorId>:<YYYY-MM-DD>:<n>'] }]);
  return visitId;
}
