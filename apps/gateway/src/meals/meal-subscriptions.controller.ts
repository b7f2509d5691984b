import { Body, Controller, Get, Inject, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, CallContext, MealChangeRecord, MealSubscriptionRecord, ServiceClient } from '@app/contracts';
import type { MonthlyStatement } from '@app/domain';
import { Access, answerOrPending, AuthenticatedRequest, CurrentActor, PendingRequest, UuidParam } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { checkIdempotencyKey } from '../idempotency/idempotency-key';
import { derivedUuid } from '../seniors/seniors.service';
import { MealChangeDto, PauseDto, SeniorMonthParams, SubscriptionDto } from './meals.dto';
import { Booking } from '../bookings/booking.decorator';

const MANAGE = { roles: ['admin', 'assessor', 'operator', 'kitchen', 'family'], senior: { param: 'seniorId', scope: 'manage-meals' } } as const;
const VIEW = { roles: ['admin', 'assessor', 'operator', 'kitchen', 'planner', 'family'], senior: { param: 'seniorId', scope: 'view-status' } } as const;

/**
 * A senior's meals: the subscription (slots by weekday, delivery or canteen, diet within what the
 * assessment allows, texture, allergens), pauses, one-off skips or extras before the cutoff, and the
 * monthly statement. Families need the manage-meals consent; staff order on a senior's behalf
 * (counter or phone) through the same routes.
 */
@ApiTags('meals: seniors')
@ApiBearerAuth()
@Controller('v1/seniors/:seniorId')
export class MealSubscriptionsController {
  constructor(
    private readonly client: ServiceClient,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /** Starts or changes the subscription from a date (a new version; the old one is kept). */
  @Put('meal-subscription')
  @Booking({ kind: 'meal-subscription' })
  @Access({ ...MANAGE, audit: 'meal-subscription.set' })
  set(@UuidParam('seniorId') seniorId: string, @Body() dto: SubscriptionDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<MealSubscriptionRecord | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'meal-subscription.set', { seniorId, validFrom: dto.validFrom, terms: dto.terms }, this.context(actor, req)));
  }

  /** The subscription's versions, pauses and changes, and the coming week's meals with the reason for each one not served. */
  @Get('meal-subscription')
  @Access({ ...VIEW, audit: 'meal-subscription.get' })
  get(@UuidParam('seniorId') seniorId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<MealSubscriptionRecord | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'meal-subscription.get', { seniorId }, this.context(actor, req)));
  }

  /** Pauses meals from a date, resuming by itself after `until` (or when resumed). */
  @Post('meal-pauses')
  @Booking({ kind: 'meal-pause' })
  @Access({ ...MANAGE, audit: 'meal-pause.add' })
  pause(@UuidParam('seniorId') seniorId: string, @Body() dto: PauseDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<MealSubscriptionRecord | PendingRequest> {
    const key = checkIdempotencyKey(req.header('idempotency-key'));
    const pauseId = key ? derivedUuid(`meal-pause:${actor.accountId}:${key}`) : randomUUID();
    return answerOrPending(this.client.call('dispatch', 'meal-pause.add', { pauseId, seniorId, from: dto.from, until: dto.until, reason: dto.reason }, this.context(actor, req)));
  }

  /** Skips one meal or adds an extra one, before that meal's cutoff (409 CUTOFF_PASSED after). */
  @Post('meal-changes')
  @Booking({ kind: 'meal-change' })
  @Access({ ...MANAGE, audit: 'meal-change.add' })
  change(@UuidParam('seniorId') seniorId: string, @Body() dto: MealChangeDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<MealChangeRecord | PendingRequest> {
    const key = checkIdempotencyKey(req.header('idempotency-key'));
    const changeId = key ? derivedUuid(`meal-change:${actor.accountId}:${key}`) : randomUUID();
    return answerOrPending(this.client.call('dispatch', 'meal-change.add', { changeId, seniorId, date: dto.date, slot: dto.slot, kind: dto.kind, mode: dto.mode }, this.context(actor, req)));
  }

  /** The month's meals with price, subsidy and co-pay (fen): what was delivered or served, or is on its way. */
  @Get('meal-statements/:month')
  @Access({ ...VIEW, audit: 'meal-statement.get' })
  statement(@Param() params: SeniorMonthParams, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<MonthlyStatement | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'meal-statement.get', { seniorId: params.seniorId, month: params.month }, this.context(actor, req)));
  }

  private context(actor: Actor, req: AuthenticatedRequest): CallContext {
    return { actor, correlationId: correlationIdOf(req), timeoutMs: this.env.REQUEST_TIMEOUT_MS };
  }
}
