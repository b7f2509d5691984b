import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, UuidParam } from '@app/http';
import { AuditEntryView, AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/seniors/:seniorId/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Who read or changed this senior's data, newest first: for planners, and for the senior's guardian (a family account with consent). */
  @Get()
  @Access({ roles: ['admin', 'planner', 'family'], senior: { param: 'seniorId', scope: 'view-status' }, audit: 'audit.read' })
  list(@UuidParam('seniorId') seniorId: string): Promise<AuditEntryView[]> {
    return this.audit.forSenior(seniorId);
  }
}
