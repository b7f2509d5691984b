import { Body, Controller, Get, Inject, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, CallContext, CircleSearchResult, FacilityRecord, ServiceClient } from '@app/contracts';
import { Access, answerOrPending, AuthenticatedRequest, CurrentActor, PendingRequest, UuidParam } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { checkIdempotencyKey } from '../idempotency/idempotency-key';
import { derivedUuid } from '../seniors/seniors.service';
import { AddressCircleQueryDto, CircleQueryDto, FacilityQueryDto, RegisterFacilityDto } from './facilities.dto';

const STAFF = ['admin', 'planner', 'assessor', 'operator', 'kitchen', 'courier', 'caregiver'] as const;

@ApiTags('facilities and the 15-minute circle')
@ApiBearerAuth()
@Controller('v1')
export class FacilitiesController {
  constructor(
    private readonly client: ServiceClient,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /** Registers a facility of the circle with its rooms and beds. */
  @Post('facilities')
  @Access({ roles: ['admin', 'planner'] })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  register(@Body() dto: RegisterFacilityDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<FacilityRecord | PendingRequest> {
    const key = checkIdempotencyKey(req.header('idempotency-key'));
    const facilityId = key ? derivedUuid(`facility:${actor.accountId}:${key}`) : randomUUID();
    return answerOrPending(this.client.call('allocation', 'facility.register', { facilityId, ...dto }, this.context(actor, req)));
  }

  @Get('facilities')
  @Access({ roles: [...STAFF, 'family'] })
  list(@Query() query: FacilityQueryDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<FacilityRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'facility.list', { districtCode: query.districtCode, type: query.type }, this.context(actor, req)));
  }

  @Get('facilities/:facilityId')
  @Access({ roles: [...STAFF, 'family'] })
  get(@UuidParam('facilityId') facilityId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<FacilityRecord | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'facility.get', { facilityId }, this.context(actor, req)));
  }

  /** What is within walking time of a senior's home: vacancies today, and whether they may use each place and why not. */
  @Get('seniors/:seniorId/circle')
  @Access({ roles: ['admin', 'planner', 'assessor', 'operator', 'family'], senior: { param: 'seniorId', scope: 'view-status' }, audit: 'senior.circle' })
  seniorCircle(@UuidParam('seniorId') seniorId: string, @Query() query: CircleQueryDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<CircleSearchResult | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'circle.search', { origin: { seniorId }, minutes: query.minutes, types: query.types }, this.context(actor, req)));
  }

  /** The same search from any address, for families and care advisers (no eligibility: there is no senior to judge). */
  @Get('circle')
  @Access({ roles: [...STAFF, 'family'] })
  addressCircle(@Query() query: AddressCircleQueryDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<CircleSearchResult | PendingRequest> {
    const origin = { point: { lat: query.lat, lng: query.lng }, coordinateSystem: query.coordinateSystem, districtCode: query.districtCode ?? this.env.DEFAULT_DISTRICT_CODE };
    return answerOrPending(this.client.call('allocation', 'circle.search', { origin, minutes: query.minutes, types: query.types }, this.context(actor, req)));
  }

  private context(actor: Actor, req: AuthenticatedRequest): CallContext {
    return { actor, correlationId: correlationIdOf(req), timeoutMs: this.env.REQUEST_TIMEOUT_MS };
  }
}
