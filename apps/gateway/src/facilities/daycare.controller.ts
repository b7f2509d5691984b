import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, CallContext, DAYCARE_SESSIONS, DaycareBookingRecord, DaycareSession, DomainError, ServiceClient } from '@app/contracts';
import { datesOnWeekdays } from '@app/domain';
import { Access, answerOrPending, AuthenticatedRequest, CurrentActor, IsCalendarDate, PendingRequest, UuidParam } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { checkIdempotencyKey } from '../idempotency/idempotency-key';
import { derivedUuid } from '../seniors/seniors.service';
import { Booking } from '../bookings/booking.decorator';

export class WeeklyPatternDto {
  @ApiProperty({ example: [1, 3, 5], description: 'ISO weekdays, 1 = Monday … 7 = Sunday' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays!: number[];

  @ApiProperty({ example: '2026-12-01' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsCalendarDate()
  until!: string;
}

export class BookDaycareDto {
  @ApiProperty()
  @IsUUID('all')
  facilityId!: string;

  @ApiProperty({ enum: DAYCARE_SESSIONS })
  @IsIn(DAYCARE_SESSIONS)
  session!: DaycareSession;

  @ApiPropertyOptional({ example: ['2026-12-01'], description: 'Single dates; or give a weekly pattern' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @IsCalendarDate({ each: true })
  dates?: string[];

  @ApiPropertyOptional({ type: WeeklyPatternDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WeeklyPatternDto)
  pattern?: WeeklyPatternDto;
}

export class CancelBookingDto {
  @ApiProperty({ example: 'Hospital appointment that day' })
  @IsString()
  @Length(3, 500)
  reason!: string;
}

const MAX_DATES = 60;

@ApiTags('day care')
@ApiBearerAuth()
@Controller('v1/seniors/:seniorId/daycare-bookings')
export class DaycareController {
  constructor(
    private readonly client: ServiceClient,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /** Books day-care places on dates or a weekly pattern, all or none. Families need the book-day-care consent; staff book on a senior's behalf. */
  @Post()
  @Booking({ kind: 'day-care' })
  @Access({ roles: ['admin', 'assessor', 'operator', 'family'], senior: { param: 'seniorId', scope: 'book-day-care' }, audit: 'daycare.book' })
  book(@UuidParam('seniorId') seniorId: string, @Body() dto: BookDaycareDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<DaycareBookingRecord[] | PendingRequest> {
    const dates = [...(dto.dates ?? []), ...(dto.pattern ? datesOnWeekdays(dto.pattern.from, dto.pattern.until, dto.pattern.weekdays) : [])];
    if (dates.length === 0 || dates.length > MAX_DATES) {
      throw new DomainError('VALIDATION_FAILED', `Give 1–${MAX_DATES} dates, as dates or a weekly pattern`, [{ field: 'dates', problems: [`${dates.length} dates; 1–${MAX_DATES} allowed`] }]);
    }
    const key = checkIdempotencyKey(req.header('idempotency-key'));
    const requestId = key ? derivedUuid(`daycare:${actor.accountId}:${key}`) : randomUUID();
    return answerOrPending(this.client.call('allocation', 'daycare.book', { requestId, seniorId, facilityId: dto.facilityId, session: dto.session, dates }, this.context(actor, req)));
  }

  @Get()
  @Access({ roles: ['admin', 'assessor', 'operator', 'planner', 'family'], senior: { param: 'seniorId', scope: 'view-status' }, audit: 'daycare.list' })
  list(@UuidParam('seniorId') seniorId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<DaycareBookingRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'daycare.list', { seniorId }, this.context(actor, req)));
  }

  @Post(':bookingId/cancel')
  @HttpCode(200)
  @Booking({ kind: 'day-care-cancellation', cancels: { kind: 'day-care', param: 'bookingId', ids: 'bookingId' } })
  @Access({ roles: ['admin', 'assessor', 'operator', 'family'], senior: { param: 'seniorId', scope: 'book-day-care' }, audit: 'daycare.cancel' })
  cancel(
    @UuidParam('seniorId') seniorId: string,
    @UuidParam('bookingId') bookingId: string,
    @Body() dto: CancelBookingDto,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
  ): Promise<DaycareBookingRecord | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'daycare.cancel', { seniorId, bookingId, reason: dto.reason }, this.context(actor, req)));
  }

  private context(actor: Actor, req: AuthenticatedRequest): CallContext {
    return { actor, correlationId: correlationIdOf(req), timeoutMs: this.env.REQUEST_TIMEOUT_MS };
  }
}
