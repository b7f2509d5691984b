import { Body, Controller, Get, Headers, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/contracts';
import { Access, AuthenticatedRequest, CurrentActor, PendingRequest, UuidParam } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { checkIdempotencyKey } from './idempotency-key';
import { RegisterSeniorDto } from './register-senior.dto';
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

  @Get(':seniorId')
  @Access({ roles: ['admin', 'assessor', 'planner', 'family'], senior: { param: 'seniorId', scope: 'view-status' }, audit: 'senior.read' })
  get(@UuidParam('seniorId') seniorId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<SeniorView | PendingRequest> {
    return this.seniors.get(seniorId, actor, correlationIdOf(req));
  }
}
