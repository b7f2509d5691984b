import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, CallContext, CareLedgerRecord, ServiceClient } from '@app/contracts';
import { type LtciClaim, ltciClaimCsv, ltciClaimsCsv } from '@app/domain';
import { Access, answerOrPending, AuthenticatedRequest, CurrentActor, csvAttachment, PendingRequest } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { DistrictMonthParams, SeniorMonthParams } from './visits.dto';

/** District claims run one senior at a time: give them longer than a plain request. */
const CLAIMS_TIMEOUT_MS = 30_000;

/**
 * The entitlement ledger: per senior and month, entitled, planned, delivered and missed hours, and
 * the LTCI claim (fund share and co-pay) made from the same delivered visits, as JSON and CSV;
 * and a district's month of claims for the fund.
 */
@ApiTags('home care')
@ApiBearerAuth()
@Controller('v1')
export class CareLedgerController {
  constructor(
    private readonly client: ServiceClient,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  @Get('seniors/:seniorId/care-ledger/:month')
  @Access({ roles: ['admin', 'planner', 'family'], senior: { param: 'seniorId', scope: 'view-status' }, audit: 'care-ledger.get' })
  ledger(@Param() params: SeniorMonthParams, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<CareLedgerRecord | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'care-ledger.get', { seniorId: params.seniorId, month: params.month }, this.context(actor, req)));
  }

  /** The month's LTCI claim: one row per delivered visit and a total row. */
  @Get('seniors/:seniorId/care-ledger/:month/claim.csv')
  @ApiProduces('text/csv')
  @Access({ roles: ['admin', 'planner', 'family'], senior: { param: 'seniorId', scope: 'view-status' }, audit: 'care-ledger.claim' })
  async claimCsv(@Param() params: SeniorMonthParams, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<string | PendingRequest> {
    const ledger = await this.ledger(params, actor, req);
    return csvAttachment(res, `ltci-claim-${params.seniorId}-${params.month}.csv`, ledger, (l) => ltciClaimCsv(l.claim));
  }

  /** Every senior's claim of the district's month, for the LTCI fund. */
  @Get('districts/:districtCode/ltci-claims/:month')
  @Access({ roles: ['admin', 'planner'] })
  claims(@Param() params: DistrictMonthParams, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<LtciClaim[] | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'ltci-claims.list', { districtCode: params.districtCode, month: params.month }, { ...this.context(actor, req), timeoutMs: CLAIMS_TIMEOUT_MS }));
  }

  @Get('districts/:districtCode/ltci-claims/:month/claims.csv')
  @ApiProduces('text/csv')
  @Access({ roles: ['admin', 'planner'] })
  async claimsCsv(@Param() params: DistrictMonthParams, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<string | PendingRequest> {
    const claims = await this.claims(params, actor, req);
    return csvAttachment(res, `ltci-claims-${params.districtCode}-${params.month}.csv`, claims, ltciClaimsCsv);
  }

  private context(actor: Actor, req: AuthenticatedRequest): CallContext {
    return { actor, correlationId: correlationIdOf(req), timeoutMs: this.env.REQUEST_TIMEOUT_MS };
  }
}
