import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, BedReconciliation, CallContext, FacilityBedBoard, OccupancyRecord, ServiceClient } from '@app/contracts';
import { Access, answerOrPending, AuthenticatedRequest, CurrentActor, DistrictCodeParam, PendingRequest, UuidParam } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { checkIdempotencyKey } from '../idempotency/idempotency-key';
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

export class TransferDto {
  @ApiProperty()
  @IsUUID('all')
  toBedId!: string;

  @ApiProperty({ example: 'Needs a nursing-type bed after a fall' })
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

  /** Moves a resident to another bed, here or at another facility the operator runs, at one instant. */
  @Post('occupancies/:occupancyId/transfer')
  @HttpCode(200)
  @Access({ roles: ['admin', 'operator'] })
  transfer(@UuidParam('occupancyId') stayId: string, @Body() dto: TransferDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<OccupancyRecord | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'bed.transfer', { stayId, toBedId: dto.toBedId, reason: dto.reason }, this.context(actor, req)));
  }

  /** The facility's bed board: every bed, vacant, held (until when) or occupied (since when, by whom). Its operators only. */
  @Get('facilities/:facilityId/beds')
  @Access({ roles: ['admin', 'operator'], audit: 'facility.beds' })
  board(@UuidParam('facilityId') facilityId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<FacilityBedBoard | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'facility.beds', { facilityId }, this.context(actor, req)));
  }

  /** Proves beds, residents and the waiting list agree in a district; names every disagreement. */
  @Get('districts/:districtCode/beds/reconciliation')
  @Access({ roles: ['admin', 'planner'] })
  reconcile(@DistrictCodeParam() districtCode: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<BedReconciliation | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'beds.reconcile', { districtCode }, this.context(actor, req)));
  }

  private context(actor: Actor, req: AuthenticatedRequest): CallContext {
    return { actor, correlationId: correlationIdOf(req), timeoutMs: this.env.REQUEST_TIMEOUT_MS };
  }
}
