import { Body, Controller, Get, HttpCode, Inject, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, CallContext, CoverageReport, GapReport, PlanningTargetsRecord, ServiceClient, StreetStatisticsEntry, WhatIfResult } from '@app/contracts';
import { coverageCsv } from '@app/domain';
import { Access, answerOrPending, AuthenticatedRequest, CurrentActor, DistrictCodeParam, PendingRequest } from '@app/http';
import { correlationIdOf } from '@app/logging';
import {
  CoverageQueryDto,
  GapQueryDto,
  PlanningTargetsDto,
  StatisticsQueryDto,
  StatisticsYearParam,
  StreetStatisticsDto,
  TargetsVersionParam,
  WhatIfDto,
} from './coverage.dto';

const PLANNERS = ['admin', 'planner'] as const;
/** A whole district's coverage takes seconds (about 4 s for Minhang's 379,000 seniors): reports wait longer than commands before a 202. */
const REPORT_TIMEOUT_MS = 30_000;

@ApiTags('coverage and planning indicators')
@ApiBearerAuth()
@Controller('v1/districts/:districtCode')
export class CoverageController {
  constructor(
    private readonly client: ServiceClient,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /** The plans' indicators for the district and each street: coverage per facility type, beds, nursing share, dementia care, meals, floor area, day care, occupancy. */
  @Get('coverage')
  @Access({ roles: PLANNERS })
  report(@DistrictCodeParam() districtCode: string, @Query() query: CoverageQueryDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<CoverageReport | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'coverage.report', { districtCode, minutes: query.minutes }, this.context(actor, req, REPORT_TIMEOUT_MS)));
  }

  /** The same report as CSV: a row for the district, then one per street. */
  @Get('coverage.csv')
  @ApiProduces('text/csv')
  @Access({ roles: PLANNERS })
  async csv(
    @DistrictCodeParam() districtCode: string,
    @Query() query: CoverageQueryDto,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | PendingRequest> {
    const report = await answerOrPending(this.client.call('allocation', 'coverage.report', { districtCode, minutes: query.minutes }, this.context(actor, req, REPORT_TIMEOUT_MS)));
    if (report instanceof PendingRequest) return report;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="coverage-${districtCode}-${report.asOf}-${report.walkingModel.minutes}min.csv"`);
    return coverageCsv([report.district, ...report.streets].map((a) => ({ area: a.area, code: a.code, name: a.name, indicators: a })), report.facilityTypes);
  }

  /** Where seniors outside every circle of a facility type live, as H3 cells with the most of them first. */
  @Get('coverage/gaps')
  @Access({ roles: PLANNERS })
  gaps(@DistrictCodeParam() districtCode: string, @Query() query: GapQueryDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<GapReport | PendingRequest> {
    const payload = { districtCode, type: query.type, minutes: query.minutes, resolution: query.resolution, limit: query.limit, streetCode: query.streetCode };
    return answerOrPending(this.client.call('allocation', 'coverage.gaps', payload, this.context(actor, req, REPORT_TIMEOUT_MS)));
  }

  /** "A site of type T at point P would cover N more seniors": district-wide and in P's street, with the shares before and after. */
  @Post('coverage/what-if')
  @HttpCode(200)
  @Access({ roles: PLANNERS })
  whatIf(@DistrictCodeParam() districtCode: string, @Body() dto: WhatIfDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<WhatIfResult | PendingRequest> {
    const payload = { districtCode, type: dto.type, point: { lat: dto.point.lat, lng: dto.point.lng }, coordinateSystem: dto.coordinateSystem, minutes: dto.minutes, streetCode: dto.streetCode };
    return answerOrPending(this.client.call('allocation', 'coverage.what-if', payload, this.context(actor, req, REPORT_TIMEOUT_MS)));
  }

  /** Every version of the district's planning targets, the one in force today marked. */
  @Get('planning-targets')
  @Access({ roles: PLANNERS })
  targets(@DistrictCodeParam() districtCode: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<PlanningTargetsRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'planning-targets.list', { districtCode }, this.context(actor, req)));
  }

  /** Publishes a version of the targets (never edited afterwards: the same figures again are accepted, others are a 409). */
  @Put('planning-targets/:version')
  @Access({ roles: PLANNERS })
  publishTargets(
    @DistrictCodeParam() districtCode: string,
    @TargetsVersionParam() version: string,
    @Body() dto: PlanningTargetsDto,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
  ): Promise<PlanningTargetsRecord | PendingRequest> {
    const command = {
      districtCode,
      version,
      effectiveFrom: dto.effectiveFrom,
      bedsPer100Older: dto.bedsPer100Older,
      nursingBedSharePct: dto.nursingBedSharePct,
      dementiaCareBeds: dto.dementiaCareBeds,
      mealCapacityPctOf65Plus: dto.mealCapacityPctOf65Plus,
      communityFloorM2Per1000: dto.communityFloorM2Per1000,
    };
    return answerOrPending(this.client.call('allocation', 'planning-targets.publish', command, this.context(actor, req)));
  }

  @Get('street-statistics')
  @Access({ roles: PLANNERS })
  statistics(@DistrictCodeParam() districtCode: string, @Query() query: StatisticsQueryDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<StreetStatisticsEntry[] | PendingRequest> {
    return answerOrPending(this.client.call('allocation', 'street-statistics.list', { districtCode, year: query.year }, this.context(actor, req)));
  }

  /** Streets' registered population for a year, from the statistics; a street entered again for the year is corrected. */
  @Put('street-statistics/:year')
  @Access({ roles: PLANNERS })
  setStatistics(
    @DistrictCodeParam() districtCode: string,
    @StatisticsYearParam() year: number,
    @Body() dto: StreetStatisticsDto,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
  ): Promise<StreetStatisticsEntry[] | PendingRequest> {
    const streets = dto.streets.map((s) => ({ streetCode: s.streetCode, name: s.name, registeredPopulation: s.registeredPopulation, registered60Plus: s.registered60Plus, registered65Plus: s.registered65Plus }));
    return answerOrPending(this.client.call('allocation', 'street-statistics.set', { districtCode, year, streets }, this.context(actor, req)));
  }

  private context(actor: Actor, req: AuthenticatedRequest, timeoutMs = this.env.REQUEST_TIMEOUT_MS): CallContext {
    return { actor, correlationId: correlationIdOf(req), timeoutMs: Math.max(timeoutMs, this.env.REQUEST_TIMEOUT_MS) };
  }
}
