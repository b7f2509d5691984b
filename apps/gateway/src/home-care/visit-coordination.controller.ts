import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, CallContext, CareVisitAlertRecord, MealPolicyRecord, ScheduleVersionSummary, ScheduleVersionView, ServiceClient, VisitDayChangeInput, VisitReplanResult } from '@app/contracts';
import { Access, answerOrPending, AuthenticatedRequest, CurrentActor, DistrictCodeParam, PendingRequest, UuidParam } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { PolicyVersionDto } from '../policies/policy-version.dto';
import { WeekParams } from './home-care.controller';
import { checkedVisitId, REPLAN_TIMEOUT_MS } from './visits.controller';
import { AlertListQuery, DistrictDateParams, MoveVisitDto, ReplanDto, ResolveAlertDto, VersionParams } from './visits.dto';

const COORDINATORS = ['admin', 'planner'] as const;

/**
 * Home-care coordination (居家照护调度): alerts for late and missed visits, concerns and failed
 * verifications; same-day re-planning and hand edits, each a new version of the week; the
 * district's visit policy.
 */
@ApiTags('home care')
@ApiBearerAuth()
@Controller('v1')
export class VisitCoordinationController {
  constructor(
    private readonly client: ServiceClient,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /** Open alerts first by severity (critical, high, medium), then by age; `open=false` includes resolved and cleared ones. */
  @Get('districts/:districtCode/visit-alerts')
  @Access({ roles: [...COORDINATORS] })
  alerts(@DistrictCodeParam() districtCode: string, @Query() query: AlertListQuery, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<CareVisitAlertRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'visit-alert.list', { districtCode, openOnly: query.open !== 'false' }, this.context(actor, req)));
  }

  @Post('visit-alerts/:alertId/acknowledge')
  @HttpCode(200)
  @Access({ roles: [...COORDINATORS] })
  acknowledge(@UuidParam('alertId') alertId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<CareVisitAlertRecord | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'visit-alert.acknowledge', { alertId }, this.context(actor, req)));
  }

  /** Closes an alert with what was done; `confirmVisit` on a failed verification confirms the visit happened. */
  @Post('visit-alerts/:alertId/resolve')
  @HttpCode(200)
  @Access({ roles: [...COORDINATORS] })
  resolve(@UuidParam('alertId') alertId: string, @Body() dto: ResolveAlertDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<CareVisitAlertRecord | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'visit-alert.resolve', { alertId, resolution: dto.resolution, confirmVisit: dto.confirmVisit }, this.context(actor, req)));
  }

  /** Re-plans one day for a sick caregiver, a cancelled or an extra visit: as little else moves as possible, nothing into the past; everyone affected gets a notice. */
  @Post('districts/:districtCode/visit-replans/:date')
  @HttpCode(200)
  @Access({ roles: [...COORDINATORS], audit: 'visit-schedule.replan' })
  replan(@Param() params: DistrictDateParams, @Body() dto: ReplanDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<VisitReplanResult | PendingRequest> {
    const change: VisitDayChangeInput = dto.cancelledVisitId != null ? { cancelledVisitId: dto.cancelledVisitId, reason: dto.reason! } : dto.extraVisit != null ? { extraVisit: dto.extraVisit } : { sickCaregiverId: dto.sickCaregiverId! };
    return answerOrPending(this.client.call('dispatch', 'visit-schedule.replan', { districtCode: params.districtCode, date: params.date, change }, { ...this.context(actor, req), timeoutMs: REPLAN_TIMEOUT_MS }));
  }

  /** Moves one visit by hand to a caregiver and a time; 409 when it overlaps that caregiver's other visits. */
  @Put('visits/:visitId/assignment')
  @Access({ roles: [...COORDINATORS], audit: 'visit.move' })
  move(@Param('visitId') visitId: string, @Body() dto: MoveVisitDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<VisitReplanResult | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'visit.move', { visitId: checkedVisitId(visitId), ...dto }, this.context(actor, req)));
  }

  /** The week's versions: the original, re-runs, same-day re-plans and hand edits. */
  @Get('districts/:districtCode/visit-schedules/:weekStart/versions')
  @Access({ roles: [...COORDINATORS] })
  versions(@Param() params: WeekParams, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<ScheduleVersionSummary[] | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'visit-schedule.versions', { districtCode: params.districtCode, weekStart: params.weekStart }, this.context(actor, req)));
  }

  /** One version's visits; `actual`: what happened, from the check-ins. */
  @Get('districts/:districtCode/visit-schedules/:weekStart/versions/:version')
  @Access({ roles: [...COORDINATORS] })
  version(@Param() params: VersionParams, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<ScheduleVersionView | PendingRequest> {
    const version = params.version === 'actual' ? 'actual' : Number(params.version);
    return answerOrPending(this.client.call('dispatch', 'visit-schedule.version', { districtCode: params.districtCode, weekStart: params.weekStart, version }, this.context(actor, req)));
  }

  @Get('districts/:districtCode/visit-policy')
  @Access({ roles: ['admin', 'planner', 'caregiver', 'assessor', 'family'] })
  policy(@DistrictCodeParam() districtCode: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<MealPolicyRecord | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'visit-policy.get', { districtCode, date: null }, this.context(actor, req)));
  }

  /** A new visit policy version: alert grace periods, the check-in geofence, the LTCI share and hourly rate. */
  @Post('districts/:districtCode/visit-policy')
  @Access({ roles: ['admin', 'planner'], audit: 'visit-policy.publish' })
  publishPolicy(@DistrictCodeParam() districtCode: string, @Body() dto: PolicyVersionDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<MealPolicyRecord | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'visit-policy.publish', { districtCode, ...dto }, this.context(actor, req)));
  }

  private context(actor: Actor, req: AuthenticatedRequest): CallContext {
    return { actor, correlationId: correlationIdOf(req), timeoutMs: this.env.REQUEST_TIMEOUT_MS };
  }
}
