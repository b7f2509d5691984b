import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, CallContext, EscalationCaseRecord, EscalationSlaReport, FollowUpRecord, RouteManifest, ServiceClient, StopOutcomeRecord } from '@app/contracts';
import { Access, answerOrPending, AuthenticatedRequest, CurrentActor, DistrictCodeParam, PendingRequest, UuidParam } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { CloseFollowUpDto, EscalationQuery, EscalationStepDto, FollowUpQuery, MealDayQuery, OutcomeDto, SlaQuery } from './meals.dto';

/** At the door: a courier's own route, each stop's outcome, and the office's queue of every meal not delivered. */
@ApiTags('meals: deliveries')
@ApiBearerAuth()
@Controller('v1')
export class MealDeliveriesController {
  constructor(
    private readonly client: ServiceClient,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /** The calling courier's route for a date and slot: stops in order, planned arrival, dish, notes. */
  @Get('courier/route')
  @Access({ roles: ['courier'] })
  route(@Query() query: MealDayQuery, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<RouteManifest | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'courier.route', { date: query.date, slot: query.slot }, this.context(actor, req)));
  }

  /** Delivered, not home, refused, hospitalised or address problem: once per meal; anything but delivered opens a follow-up. */
  @Post('meal-orders/:orderId/outcome')
  @Access({ roles: ['courier', 'kitchen', 'admin'], audit: 'meal.outcome' })
  outcome(@UuidParam('orderId') orderId: string, @Body() dto: OutcomeDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<StopOutcomeRecord | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'stop-outcome.record', { orderId, outcome: dto.outcome, at: dto.at, note: dto.note }, this.context(actor, req)));
  }

  @Get('districts/:districtCode/meal-follow-ups')
  @Access({ roles: ['kitchen', 'planner', 'admin'], audit: 'meal.follow-ups' })
  followUps(@DistrictCodeParam() districtCode: string, @Query() query: FollowUpQuery, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<FollowUpRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'follow-up.list', { districtCode, kitchenId: query.kitchenId }, this.context(actor, req)));
  }

  @Post('meal-orders/:orderId/follow-up/close')
  @HttpCode(200)
  @Access({ roles: ['kitchen', 'admin'], audit: 'meal.follow-up.close' })
  close(@UuidParam('orderId') orderId: string, @Body() dto: CloseFollowUpDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<StopOutcomeRecord | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'follow-up.close', { orderId, resolution: dto.resolution }, this.context(actor, req)));
  }

  /** "No answer at the door" cases: the current step, who must act and by when, and every step so far. */
  @Get('districts/:districtCode/escalations')
  @Access({ roles: ['kitchen', 'planner', 'admin'], audit: 'meal.escalations' })
  escalations(@DistrictCodeParam() districtCode: string, @Query() query: EscalationQuery, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<EscalationCaseRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'escalation.list', { districtCode, kitchenId: query.kitchenId, openOnly: query.open }, this.context(actor, req)));
  }

  /** The outcome of the case's current step: found (well, needing help, in hospital) closes it; no answer starts the next step now. */
  @Post('escalations/:caseId/steps')
  @HttpCode(200)
  @Access({ roles: ['courier', 'kitchen', 'admin'], audit: 'meal.escalation.step' })
  step(@UuidParam('caseId') caseId: string, @Body() dto: EscalationStepDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<EscalationCaseRecord | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'escalation.record-step', { caseId, outcome: dto.outcome, note: dto.note }, this.context(actor, req)));
  }

  /** Time from "no answer" to the senior found, for cases started in a period. */
  @Get('districts/:districtCode/escalations/sla')
  @Access({ roles: ['planner', 'admin'] })
  sla(@DistrictCodeParam() districtCode: string, @Query() query: SlaQuery, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<EscalationSlaReport | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'escalation.sla', { districtCode, from: query.from, until: query.until }, this.context(actor, req)));
  }

  private context(actor: Actor, req: AuthenticatedRequest): CallContext {
    return { actor, correlationId: correlationIdOf(req), timeoutMs: this.env.REQUEST_TIMEOUT_MS };
  }
}
