import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import type { Actor } from '@app/contracts';
import { Access, AuthenticatedRequest, CurrentActor, UuidParam } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { AccessRequestDto, ApproveAccessDto, RejectAccessDto } from './access-requests.dto';
import { AccessRequestsService, type AccessRequestView } from './access-requests.service';

const CONFIRMING_STAFF = ['admin', 'assessor'] as const;

/** A family account asks for access to a senior; staff who confirm consent and identity approve or reject it. */
@ApiTags('consents')
@ApiBearerAuth()
@Controller('v1/access-requests')
export class AccessRequestsController {
  constructor(
    private readonly requests: AccessRequestsService,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /** Ask for access by the senior's ID number and the scopes wanted; the answer never says whether the number is registered. */
  @Post()
  @Access({ roles: ['family'], audit: 'access-request.ask' })
  ask(@Body() dto: AccessRequestDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<AccessRequestView> {
    return this.requests.ask(dto, actor, correlationIdOf(req), this.env.REQUEST_TIMEOUT_MS);
  }

  /** The family's own requests and what became of them. */
  @Get('mine')
  @Access({ roles: ['family'] })
  mine(@CurrentActor() actor: Actor): Promise<AccessRequestView[]> {
    return this.requests.mine(actor);
  }

  /** Requests waiting for staff, oldest first, each with the registered senior it matches (or none). */
  @Get()
  @Access({ roles: [...CONFIRMING_STAFF] })
  pending(): Promise<AccessRequestView[]> {
    return this.requests.pending();
  }

  /** Grants the consent (the scopes the senior agreed to, at most those asked for), naming how consent and identity were checked. */
  @Post(':requestId/approve')
  @HttpCode(200)
  @Access({ roles: [...CONFIRMING_STAFF], audit: 'access-request.approve' })
  approve(@UuidParam('requestId') requestId: string, @Body() dto: ApproveAccessDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<AccessRequestView> {
    return this.requests.approve(requestId, dto, actor, correlationIdOf(req));
  }

  @Post(':requestId/reject')
  @HttpCode(200)
  @Access({ roles: [...CONFIRMING_STAFF], audit: 'access-request.reject' })
  reject(@UuidParam('requestId') requestId: string, @Body() dto: RejectAccessDto, @CurrentActor() actor: Actor): Promise<AccessRequestView> {
    return this.requests.reject(requestId, dto.reason, actor);
  }
}
