import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, CallContext, PriorityRulesRecord, ServiceClient, WaitingListView, WaitlistWhatIf } from '@app/contracts';
import { Access, answerOrPending, AuthenticatedRequest, CurrentActor, DistrictCodeParam, PendingRequest } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { PublishPriorityRulesDto, WaitingListQuery, WhatIfQuery } from './waitlist.dto';

/** A district's bed waiting list and its versioned priority rules, for operators and planners. */
@ApiTags('bed waiting list')
@ApiBearerAuth()
@Controller('v1/districts/:districtCode')
export class WaitingListController {
  constructor(
    private readonly client: ServiceClient,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /** The waiting list in order, each applicant's score as named parts, under the rules in force. */
  @Get('waiting-list')
  @Access({ roles: ['admin', 'planner', 'operator'], audit: 'waitlist.list' })
  list(@DistrictCodeParam() districtCode: string, @Query() query: WaitingListQuery, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<WaitingListView | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'waitlist.list', { districtCode, kind: query.kind }, this.context(actor, req)));
  }

  /** How the order would change under a draft rules version: who moves up, who moves down, by how much. */
  @Get('waiting-list/what-if')
  @Access({ roles: ['admin', 'planner'], audit: 'waitlist.what-if' })
  whatIf(@DistrictCodeParam() districtCode: string, @Query() query: WhatIfQuery, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<WaitlistWhatIf | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'waitlist.what-if', { districtCode, kind: query.kind, draftVersion: query.draftVersion }, this.context(actor, req)));
  }

  /** Offers every free bed of the district now (the service also does this on every change and every five minutes). */
  @Post('waiting-list/match')
  @HttpCode(200)
  @Access({ roles: ['admin', 'operator'] })
  match(@DistrictCodeParam() districtCode: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<{ offersMade: number } | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'waitlist.match', { districtCode }, this.context(actor, req)));
  }

  @Get('priority-rules')
  @Access({ roles: ['admin', 'planner', 'operator', 'assessor'] })
  rules(@DistrictCodeParam() districtCode: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<PriorityRulesRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'priority-rules.list', { districtCode }, this.context(actor, req)));
  }

  /** A new rules version: with effectiveFrom it rules the list from that date; without, it is a draft for what-if runs. Versions are never changed. */
  @Post('priority-rules')
  @Access({ roles: ['admin', 'planner'], audit: 'priority-rules.publish' })
  publish(@DistrictCodeParam() districtCode: string, @Body() dto: PublishPriorityRulesDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<PriorityRulesRecord | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'priority-rules.publish', { districtCode, version: dto.version, effectiveFrom: dto.effectiveFrom, rules: dto.rules, note: dto.note }, this.context(actor, req)));
  }

  private context(actor: Actor, req: AuthenticatedRequest): CallContext {
    return { actor, correlationId: correlationIdOf(req), timeoutMs: this.env.REQUEST_TIMEOUT_MS };
  }
}
