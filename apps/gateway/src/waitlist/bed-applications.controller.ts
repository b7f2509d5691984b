import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, BedApplicationRecord, CallContext, ServiceClient } from '@app/contracts';
import { Access, answerOrPending, AuthenticatedRequest, CurrentActor, PendingRequest, UuidParam } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { checkIdempotencyKey } from '../idempotency/idempotency-key';
import { derivedUuid } from '../seniors/seniors.service';
import { ReasonDto, SubmitBedApplicationDto } from './waitlist.dto';
import { Booking } from '../bookings/booking.decorator';

const APPLY = { roles: ['admin', 'assessor', 'operator', 'family'], senior: { param: 'seniorId', scope: 'apply-for-bed' } } as const;

/**
 * A senior's bed applications: apply, see the position and the parts of the score, accept or
 * decline an offered bed, withdraw. Families need the apply-for-bed consent; staff act on a
 * senior's behalf through the same routes.
 */
@ApiTags('bed waiting list')
@ApiBearerAuth()
@Controller('v1/seniors/:seniorId')
export class BedApplicationsController {
  constructor(
    private readonly client: ServiceClient,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /** Puts the senior on the district's bed waiting list; a free bed that fits is offered at once to whoever ranks first. */
  @Post('bed-applications')
  @Booking({ kind: 'bed-application' })
  @Access({ ...APPLY, audit: 'bed-application.submit' })
  apply(@UuidParam('seniorId') seniorId: string, @Body() dto: SubmitBedApplicationDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<BedApplicationRecord | PendingRequest> {
    const key = checkIdempotencyKey(req.header('idempotency-key'));
    const applicationId = key ? derivedUuid(`bed-application:${actor.accountId}:${key}`) : randomUUID();
    const command = { applicationId, seniorId, kind: dto.kind, bedTypes: dto.bedTypes, facilityIds: dto.facilityIds, maxWalkingMinutes: dto.maxWalkingMinutes };
    return answerOrPending(this.client.call('allocation', 'bed-application.submit', command, this.context(actor, req)));
  }

  /** The senior's applications: status, position on the list with the named parts of the score, the offer, and every decision with its reason. */
  @Get('bed-applications')
  @Access({ roles: ['admin', 'assessor', 'operator', 'planner', 'family'], senior: { param: 'seniorId', scope: 'view-status' }, audit: 'bed-application.list' })
  list(@UuidParam('seniorId') seniorId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<BedApplicationRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'bed-application.list', { seniorId }, this.context(actor, req)));
  }

  @Post('bed-applications/:applicationId/withdraw')
  @Booking({ kind: 'bed-application-withdrawal', cancels: { kind: 'bed-application', param: 'applicationId', ids: 'applicationId' } })
  @HttpCode(200)
  @Access({ ...APPLY, audit: 'bed-application.withdraw' })
  withdraw(
    @UuidParam('seniorId') seniorId: string,
    @UuidParam('applicationId') applicationId: string,
    @Body() dto: ReasonDto,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
  ): Promise<BedApplicationRecord | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'bed-application.withdraw', { seniorId, applicationId, reason: dto.reason }, this.context(actor, req)));
  }

  /** Accepts a held bed: the operator then admits the senior before the hold lapses. */
  @Post('bed-offers/:offerId/accept')
  @Booking({ kind: 'bed-offer-acceptance' })
  @HttpCode(200)
  @Access({ ...APPLY, audit: 'bed-offer.accept' })
  accept(@UuidParam('seniorId') seniorId: string, @UuidParam('offerId') offerId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<BedApplicationRecord | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'bed-offer.accept', { seniorId, offerId }, this.context(actor, req)));
  }

  /** Declines a held bed: it goes to the next in line and the application waits again (the district's rules may take points off). */
  @Post('bed-offers/:offerId/decline')
  @Booking({ kind: 'bed-offer-decline' })
  @HttpCode(200)
  @Access({ ...APPLY, audit: 'bed-offer.decline' })
  decline(
    @UuidParam('seniorId') seniorId: string,
    @UuidParam('offerId') offerId: string,
    @Body() dto: ReasonDto,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
  ): Promise<BedApplicationRecord | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'bed-offer.decline', { seniorId, offerId, reason: dto.reason }, this.context(actor, req)));
  }

  private context(actor: Actor, req: AuthenticatedRequest): CallContext {
    return { actor, correlationId: correlationIdOf(req), timeoutMs: this.env.REQUEST_TIMEOUT_MS };
  }
}
