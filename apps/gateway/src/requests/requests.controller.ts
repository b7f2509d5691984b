import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/contracts';
import { Access, CurrentActor, UuidParam } from '@app/http';
import { RequestsService, RequestStatusView } from './requests.service';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1/requests')
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  /** The status of a request answered with 202: pending until the owning service completes it. */
  @Get(':requestId')
  @Access({ roles: ['admin', 'planner', 'assessor', 'operator', 'kitchen', 'courier', 'caregiver', 'family'] })
  status(@UuidParam('requestId') requestId: string, @CurrentActor() actor: Actor): Promise<RequestStatusView> {
    return this.requests.status(requestId, actor);
  }
}
