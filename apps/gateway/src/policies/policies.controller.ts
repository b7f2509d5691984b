import { Body, Controller, Get, Inject, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsObject, IsOptional, Matches } from 'class-validator';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, JsonObject, PolicyVersionRecord, ServiceClient } from '@app/contracts';
import { Access, answerOrPending, AuthenticatedRequest, CurrentActor, PendingRequest } from '@app/http';
import { correlationIdOf } from '@app/logging';

export class PublishPolicyDto {
  @ApiProperty({ description: 'A whole district policy document (see libs/domain/src/entitlements/district-policy.ts); every problem is reported at once' })
  @IsObject()
  document!: JsonObject;
}

export class PolicyQueryDto {
  @ApiPropertyOptional({ example: '310112' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'districtCode must be 6 digits' })
  districtCode: string | null = null;
}

@ApiTags('policies')
@ApiBearerAuth()
@Controller('v1/policies')
export class PoliciesController {
  constructor(
    private readonly client: ServiceClient,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /** Every version of the districts' policies, with the one in force today marked. */
  @Get()
  @Access({ roles: ['admin', 'planner', 'assessor'] })
  list(@Query() query: PolicyQueryDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<PolicyVersionRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('assessment', 'policy.list', { districtCode: query.districtCode }, { actor, correlationId: correlationIdOf(req), timeoutMs: this.env.REQUEST_TIMEOUT_MS }));
  }

  /** Publishes a new version; seniors move to it on its effective date (at once when that is today or earlier). */
  @Post()
  @Access({ roles: ['admin', 'planner'] })
  publish(@Body() dto: PublishPolicyDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<PolicyVersionRecord | PendingRequest> {
    return answerOrPending(
      this.client.call('assessment', 'policy.publish', { document: dto.document, publishedBy: `account:${actor.accountId}` }, { actor, correlationId: correlationIdOf(req), timeoutMs: this.env.REQUEST_TIMEOUT_MS }),
    );
  }
}
