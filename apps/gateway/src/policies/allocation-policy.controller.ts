import { Body, Controller, Get, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import type { Actor, AllocationPolicyRecord } from '@app/contracts';
import { ServiceClient } from '@app/contracts';
import { Access, answerOrPending, AuthenticatedRequest, CurrentActor, DistrictCodeParam, PendingRequest } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { PolicyVersionDto } from './policy-version.dto';

/**
 * A district's allocation policy: the walking model of the 15-minute circle, how long a freed bed is
 * held, and the day-care sessions' start times with the family's cancellation lead.
 */
@ApiTags('policies')
@ApiBearerAuth()
@Controller('v1/districts/:districtCode/allocation-policy')
export class AllocationPolicyController {
  constructor(
    private readonly client: ServiceClient,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /** The version in force today. */
  @Get()
  @Access({ roles: ['admin', 'planner', 'assessor', 'operator', 'family'] })
  get(@DistrictCodeParam() districtCode: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<AllocationPolicyRecord | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'allocation-policy.get', { districtCode }, this.context(actor, req)));
  }

  /**
   * A new version from a date on (today or later), never changed once published. The policy document:
   * `walkingSpeedMps` (0.3–2), `detourFactor` (1–3), `circleMinutes` (5, 10 or 15), `holdHours` (1–720),
   * `dayCareCancelLeadHours` (0–168), `dayCareSessions` `{ morning, afternoon }` as HH:MM. Every problem is named by its path.
   */
  @Post()
  @Access({ roles: ['admin', 'planner'], audit: 'allocation-policy.publish' })
  publish(@DistrictCodeParam() districtCode: string, @Body() dto: PolicyVersionDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<AllocationPolicyRecord | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'allocation-policy.publish', { districtCode, ...dto }, this.context(actor, req)));
  }

  private context(actor: Actor, req: AuthenticatedRequest) {
    return { actor, correlationId: correlationIdOf(req), timeoutMs: this.env.REQUEST_TIMEOUT_MS };
  }
}
