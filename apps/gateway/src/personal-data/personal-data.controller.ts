import { Body, Controller, Get, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@app/contracts';
import { Access, AuthenticatedRequest, CurrentActor, UuidParam } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { ErasureRequestDto } from './personal-data.dto';
import { ErasureView, PersonalDataExport, PersonalDataService } from './personal-data.service';

/**
 * A senior's rights over their personal information (PIPL arts. 45 and 47): a copy of everything the
 * platform holds, and erasure of what no other law requires to be kept.
 */
@ApiTags('personal data')
@ApiBearerAuth()
@Controller('v1/seniors/:seniorId')
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  /**
   * The copy, from every service, as one JSON document; every export is audited.
   * Who: staff who act for the senior in person (admins, and assessors, who check the identity of
   * the senior or guardian as they do when granting consent), and the guardian's family account
   * with consent scope `view-assessment-report`. The copy holds assessments, care notes and concerns
   * (health data), so the narrower `view-status` scope is not enough: the guardian's copy must not
   * reveal more than their consent already lets them read. Planners, operators, kitchens, couriers
   * and caregivers each see a slice for their work and do not act for the senior, so they may not.
   * The ID number is whole for admins and assessors, masked for families (as GET /v1/seniors/:id).
   */
  @Get('personal-data')
  @Access({ roles: ['admin', 'assessor', 'family'], senior: { param: 'seniorId', scope: 'view-assessment-report' }, audit: 'senior.personal-data.export' })
  export(@UuidParam('seniorId') seniorId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<PersonalDataExport> {
    return this.personalData.export(seniorId, actor, correlationIdOf(req));
  }

  /**
   * Erases the senior's personal data in every service, keeping (de-identified, linked by the senior
   * id) what law requires. 200 with what each part erased and kept once all confirmed (the same
   * answer on every later request); 202 with Location while a service has not confirmed yet.
   */
  @Post('erasure')
  @Access({ roles: ['admin', 'planner'], senior: { param: 'seniorId', scope: 'view-status' }, audit: 'senior.erasure' })
  async erase(
    @UuidParam('seniorId') seniorId: string,
    @Body() dto: ErasureRequestDto,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ErasureView> {
    return answer(await this.personalData.erase(seniorId, dto.reason, actor, correlationIdOf(req)), res);
  }

  /** Where the erasure stands: each part's answer, or pending. */
  @Get('erasure')
  @Access({ roles: ['admin', 'planner'], senior: { param: 'seniorId', scope: 'view-status' }, audit: 'senior.erasure.read' })
  async status(@UuidParam('seniorId') seniorId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<ErasureView> {
    return answer(await this.personalData.status(seniorId, actor, correlationIdOf(req)), res);
  }
}

function answer(view: ErasureView, res: Response): ErasureView {
  if (view.status === 'in-progress') res.status(HttpStatus.ACCEPTED).location(view.statusUrl);
  else res.status(HttpStatus.OK);
  return view;
}
