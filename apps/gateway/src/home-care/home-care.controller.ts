import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, CallContext, CaregiverRecord, CareVisitRecord, ServiceClient, VisitPlanRecord, VisitReplanResult } from '@app/contracts';
import type { ScheduleMetrics } from '@app/domain';
import { Access, answerOrPending, AuthenticatedRequest, CurrentActor, DistrictCodeParam, IsCalendarDate, PendingRequest, UuidParam } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { checkIdempotencyKey } from '../idempotency/idempotency-key';
import { derivedUuid } from '../seniors/seniors.service';
import { Booking } from '../bookings/booking.decorator';
import { checkedVisitId, REPLAN_TIMEOUT_MS } from './visits.controller';
import { CancelVisitDto, RescheduleVisitDto } from './visits.dto';

export class RegisterCaregiverDto {
  @ApiProperty({ example: '310112' })
  @Matches(/^\d{6}$/, { message: 'districtCode must be 6 digits' })
  districtCode!: string;

  @ApiPropertyOptional({ description: 'The account the caregiver signs in with' })
  @IsOptional()
  @IsUUID('all')
  accountId: string | null = null;

  @ApiProperty({ example: '陈护理员' })
  @IsString()
  @Length(1, 60)
  name!: string;

  @ApiProperty({
    description: 'gender, certification, skills, languages, home {lat,lng}, travelMode, workingDays (1–7), shift {from,to}, break {from,to,minutes} (optional meal break), maxHoursPerWeek, daysOff',
    example: { gender: 'female', certification: 'senior', skills: ['personal-care', 'bathing'], languages: ['mandarin', 'shanghainese'], home: { lat: 31.11, lng: 121.38 }, travelMode: 'e-bike', workingDays: [1, 2, 3, 4, 5], shift: { from: '08:00', to: '17:00' }, maxHoursPerWeek: 40, daysOff: [] },
  })
  @IsObject()
  profile!: Record<string, unknown>;
}

export class VisitPlanDto {
  @ApiPropertyOptional({ example: '2026-12-07', description: 'First date of the plan; absent: next Monday' })
  @IsOptional()
  @IsCalendarDate()
  validFrom: string | null = null;

  @ApiProperty({
    description: 'patterns [{weekday, from, to}], visitMinutes, flexibilityMinutes, tasks, extraSkills, languages, genderPreference, preferredCaregiverIds, blockedCaregiverIds, overrideReason, verification {method: door-code | geofence, keepLocation (the senior consented to the check-in location being kept)}',
    example: { patterns: [{ weekday: 1, from: '09:00', to: '10:00' }], visitMinutes: 60, tasks: ['bathing'], genderPreference: 'female', preferredCaregiverIds: [], blockedCaregiverIds: [] },
  })
  @IsObject()
  plan!: Record<string, unknown>;
}

export class WeekParams {
  @Matches(/^\d{6}$/, { message: 'districtCode must be 6 digits' })
  districtCode!: string;

  @IsCalendarDate()
  weekStart!: string;
}

export class DateRangeQuery {
  @ApiProperty({ example: '2026-12-07' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2026-12-13' })
  @IsCalendarDate()
  until!: string;
}

/** Home care's standing data: caregivers, and each senior's visit plan (families with manage-visits, staff on a senior's behalf). */
@ApiTags('home care')
@ApiBearerAuth()
@Controller('v1')
export class HomeCareController {
  constructor(
    private readonly client: ServiceClient,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  @Post('caregivers')
  @Access({ roles: ['admin', 'planner'] })
  register(@Body() dto: RegisterCaregiverDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<CaregiverRecord | PendingRequest> {
    const key = checkIdempotencyKey(req.header('idempotency-key'));
    const caregiverId = key ? derivedUuid(`caregiver:${actor.accountId}:${key}`) : randomUUID();
    return answerOrPending(this.client.call('dispatch', 'caregiver.register', { caregiverId, ...dto }, this.context(actor, req)));
  }

  @Get('districts/:districtCode/caregivers')
  @Access({ roles: ['admin', 'planner'] })
  caregivers(@DistrictCodeParam() districtCode: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<CaregiverRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'caregiver.list', { districtCode }, this.context(actor, req)));
  }

  /** A new version of the senior's visit plan; more hours than entitled need an overrideReason (422 otherwise). */
  @Put('seniors/:seniorId/visit-plan')
  @Booking({ kind: 'visit-plan' })
  @Access({ roles: ['admin', 'assessor', 'planner', 'family'], senior: { param: 'seniorId', scope: 'manage-visits' }, audit: 'visit-plan.set' })
  setPlan(@UuidParam('seniorId') seniorId: string, @Body() dto: VisitPlanDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<VisitPlanRecord | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'visit-plan.set', { seniorId, validFrom: dto.validFrom, plan: dto.plan }, this.context(actor, req)));
  }

  /** The plan's versions, entitled and planned hours, and the visits of the coming week. */
  @Get('seniors/:seniorId/visit-plan')
  @Access({ roles: ['admin', 'assessor', 'planner', 'family'], senior: { param: 'seniorId', scope: 'view-status' }, audit: 'visit-plan.get' })
  getPlan(@UuidParam('seniorId') seniorId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<VisitPlanRecord | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'visit-plan.get', { seniorId }, this.context(actor, req)));
  }

  /** Plans the district's week of visits now (the schedule runs it on Sunday evenings for the next week); re-running replaces the week. */
  @Post('districts/:districtCode/visit-schedules/:weekStart')
  @Access({ roles: ['admin'] })
  schedule(@Param() params: WeekParams, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<(ScheduleMetrics & { districtCode: string; weekStart: string }) | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'visit-schedule.run', { districtCode: params.districtCode, weekStart: params.weekStart }, { ...this.context(actor, req), timeoutMs: 120_000 }));
  }

  /** The calling caregiver's own visits: whom, where, when, the tasks. */
  @Get('caregiver/visits')
  @Access({ roles: ['caregiver'] })
  myVisits(@Query() query: DateRangeQuery, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<CareVisitRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'caregiver.visits', { from: query.from, until: query.until }, this.context(actor, req)));
  }

  /** The senior's coming visits with the caregiver's name. */
  @Get('seniors/:seniorId/visits')
  @Access({ roles: ['admin', 'assessor', 'planner', 'family'], senior: { param: 'seniorId', scope: 'view-status' }, audit: 'visits.list' })
  seniorVisits(@UuidParam('seniorId') seniorId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<CareVisitRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'senior.visits', { seniorId }, this.context(actor, req)));
  }

  /** The family cancels a coming visit, up to the policy's lead time before it (24 h by default); later, 409 TOO_LATE: call the office. */
  @Post('seniors/:seniorId/visits/:visitId/cancel')
  @HttpCode(200)
  @Booking({ kind: 'visit-cancellation' })
  @Access({ roles: ['admin', 'planner', 'family'], senior: { param: 'seniorId', scope: 'manage-visits' }, audit: 'visit.family-cancel' })
  cancelVisit(@UuidParam('seniorId') seniorId: string, @Param('visitId') visitId: string, @Body() dto: CancelVisitDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<VisitReplanResult | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'visit.family-cancel', { seniorId, visitId: checkedVisitId(visitId), reason: dto.reason }, { ...this.context(actor, req), timeoutMs: REPLAN_TIMEOUT_MS }));
  }

  /** The family moves a coming visit to another time the same day, with the same caregiver if free; refused within the lead time. */
  @Post('seniors/:seniorId/visits/:visitId/reschedule')
  @HttpCode(200)
  @Booking({ kind: 'visit-reschedule' })
  @Access({ roles: ['admin', 'planner', 'family'], senior: { param: 'seniorId', scope: 'manage-visits' }, audit: 'visit.family-reschedule' })
  rescheduleVisit(@UuidParam('seniorId') seniorId: string, @Param('visitId') visitId: string, @Body() dto: RescheduleVisitDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<VisitReplanResult | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'visit.family-reschedule', { seniorId, visitId: checkedVisitId(visitId), plannedStart: dto.plannedStart }, this.context(actor, req)));
  }

  private context(actor: Actor, req: AuthenticatedRequest): CallContext {
    return { actor, correlationId: correlationIdOf(req), timeoutMs: this.env.REQUEST_TIMEOUT_MS };
  }
}
