import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Actor, DomainError } from '@app/contracts';
import { Access, AuthenticatedRequest, CurrentActor, PendingRequest, UuidParam } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { checkIdempotencyKey } from '../idempotency/idempotency-key';
import { EndFlagDto, PriorityFlagDto, RegisterSeniorDto } from './register-senior.dto';
import type { SeniorView } from './senior.view';
import { SeniorsService } from './seniors.service';

@ApiTags('seniors')
@ApiBearerAuth()
@Controller('v1/seniors')
export class SeniorsController {
  constructor(private readonly seniors: SeniorsService) {}

  /** An assessor registers a senior. 201 with the senior, or 202 with a status URL when the service is slow. */
  @Post()
  @Access({ roles: ['admin', 'assessor'], audit: 'senior.register' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retrying with the same key never registers twice' })
  register(
    @Body() dto: RegisterSeniorDto,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<SeniorView | PendingRequest> {
    return this.seniors.register(dto, actor, correlationIdOf(req), checkIdempotencyKey(idempotencyKey));
  }

  /** Grants a priority flag (特困, 低保, 独居…) with its evidence and validity; entitlements follow. */
  @Post(':seniorId/priority-flags')
  @Access({ roles: ['admin', 'assessor'], audit: 'senior.flag.grant' })
  grantFlag(@UuidParam('seniorId') seniorId: string, @Body() dto: PriorityFlagDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<SeniorView | PendingRequest> {
    return this.seniors.grantFlag(seniorId, dto, actor, correlationIdOf(req));
  }

  /** Ends a flag grant on a date (evidence lapsed, or granted in error), with the reason; the history stays. */
  @Post(':seniorId/priority-flags/:grantId/end')
  @HttpCode(200)
  @Access({ roles: ['admin', 'assessor'], audit: 'senior.flag.end' })
  endFlag(
    @UuidParam('seniorId') seniorId: string,
    @Param('grantId', new ParseIntPipe({ exceptionFactory: () => new DomainError('VALIDATION_FAILED', 'grantId must be a number', [{ field: 'grantId', problems: ['must be a number'] }]) })) grantId: number,
    @Body() dto: EndFlagDto,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
  ): Promise<SeniorView | PendingRequest> {
    return this.seniors.endFlag(seniorId, String(grantId), dto, actor, correlationIdOf(req));
  }

  @Get(':seniorId')
  @Access({ roles: ['admin', 'assessor', 'planner', 'family'], senior: { param: 'seniorId', scope: 'view-status' }, audit: 'senior.read' })
  get(@UuidParam('seniorId') seniorId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<SeniorView | PendingRequest> {
    return this.seniors.get(seniorId, actor, correlationIdOf(req));
  }
}
