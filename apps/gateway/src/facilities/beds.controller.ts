import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, CallContext, OccupancyRecord, ServiceClient } from '@app/contracts';
import { Access, answerOrPending, AuthenticatedRequest, CurrentActor, PendingRequest, UuidParam } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { checkIdempotencyKey } from '../seniors/idempotency-key';
import { derivedUuid } from '../seniors/seniors.service';

export class HoldBedDto {
  @ApiProperty()
  @IsUUID('all')
  seniorId!: string;
}

export class ReleaseDto {
  @ApiProperty({ example: 'Discharged home on the family\'s request' })
  @IsString()
  @Length(3, 500)
  reason!: string;
}

@ApiTags('beds')
@ApiBearerAuth()
@Controller('v1')
export class BedsController {
  constructor(
    private readonly client: ServiceClient,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /** Holds a bed for a senior (operator of the facility). 409 BED_TAKEN when it is already held or occupied. */
  @Post('beds/:bedId/holds')
  @Access({ roles: ['admin', 'operator'] })
  hold(@UuidParam('bedId') bedId: string, @Body() dto: HoldBedDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<OccupancyRecord | PendingRequest> {
    const key = checkIdempotencyKey(req.header('idempotency-key'));
    const holdId = key ? derivedUuid(`hold:${actor.accountId}:${key}`) : randomUUID();
    return answerOrPending(this.client.call('allocation', 'bed.hold', { holdId, seniorId: dto.seniorId, bedId }, this.context(actor, req)));
  }

  /** Confirms the admission of a held bed: the hold becomes a stay. */
  @Post('holds/:holdId/admit')
  @HttpCode(200)
  @Access({ roles: ['admin', 'operator'] })
  admit(@UuidParam('holdId') holdId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<OccupancyRecord | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'bed.admit', { holdId }, this.context(actor, req)));
  }

  /** Ends a hold or a stay now (declined, discharge), with the reason. */
  @Post('occupancies/:occupancyId/release')
  @HttpCode(200)
  @Access({ roles: ['admin', 'operator'] })
  release(@UuidParam('occupancyId') occupancyId: string, @Body() dto: ReleaseDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<OccupancyRecord | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'bed.release', { occupancyId, reason: dto.reason }, this.context(actor, req)));
  }

  private context(actor: Actor, req: AuthenticatedRequest): CallContext {
    return { actor, correlationId: correlationIdOf(req), timeoutMs: this.env.REQUEST_TIMEOUT_MS };
  }
}
