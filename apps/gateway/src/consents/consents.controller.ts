import { Body, Controller, Delete, Get, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/contracts';
import { Access, AuthenticatedRequest, CurrentActor, UuidParam } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { ConsentView, GrantConsentDto } from './consents.dto';
import { ConsentsService } from './consents.service';

@ApiTags('consents')
@ApiBearerAuth()
@Controller('v1')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  /** Staff who confirmed the senior's or guardian's identity grant a family account access. */
  @Post('seniors/:seniorId/consents')
  @Access({ roles: ['admin', 'assessor'], senior: { param: 'seniorId', scope: 'view-status' }, audit: 'consent.grant' })
  grant(@UuidParam('seniorId') seniorId: string, @Body() dto: GrantConsentDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<ConsentView> {
    return this.consents.grant(seniorId, dto, actor, correlationIdOf(req));
  }

  @Get('seniors/:seniorId/consents')
  @Access({ roles: ['admin', 'assessor', 'planner'], senior: { param: 'seniorId', scope: 'view-status' }, audit: 'consent.list' })
  list(@UuidParam('seniorId') seniorId: string): Promise<ConsentView[]> {
    return this.consents.list(seniorId);
  }

  @Delete('consents/:consentId')
  @Access({ roles: ['admin', 'assessor'] })
  revoke(@UuidParam('consentId') consentId: string, @CurrentActor() actor: Actor): Promise<ConsentView> {
    return this.consents.revoke(consentId, actor);
  }
}
