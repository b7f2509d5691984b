import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor, DueAssessmentRecord, ReassessmentTaskRecord } from '@app/contracts';
import { Access, AuthenticatedRequest, CurrentActor, PendingRequest } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { DueQueryDto } from './assessments.dto';
import { AssessmentsService } from './assessments.service';

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('v1/reassessments')
export class ReassessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  /** Current assessments due within the next days (default 60). */
  @Get('due')
  @Access({ roles: ['admin', 'assessor', 'planner'] })
  due(@Query() query: DueQueryDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<DueAssessmentRecord[] | PendingRequest> {
    return this.assessments.due(query.districtCode, query.withinDays, false, actor, correlationIdOf(req));
  }

  /** Assessments past their due date: their level is kept, marked expired, until someone reassesses. */
  @Get('overdue')
  @Access({ roles: ['admin', 'assessor', 'planner'] })
  overdue(@Query() query: DueQueryDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<DueAssessmentRecord[] | PendingRequest> {
    return this.assessments.due(query.districtCode, 0, true, actor, correlationIdOf(req));
  }

  /** Open tasks: reminders, expired assessments and immediate requests. */
  @Get('tasks')
  @Access({ roles: ['admin', 'assessor', 'planner'] })
  tasks(@Query() query: DueQueryDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<ReassessmentTaskRecord[] | PendingRequest> {
    return this.assessments.tasks(query.districtCode, actor, correlationIdOf(req));
  }
}
