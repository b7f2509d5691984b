import { Injectable } from '@nestjs/common';
import { type CareLedgerRecord, DomainError } from '@app/contracts';
import { careLedger, type Entitlements, type LtciClaim, localDate, type VisitRecord } from '@app/domain';
import type { CareVisit } from '@app/persistence';
import { SeniorViewsRepository } from '../senior-views/senior-views.repository';
import { CareVisitsRepository } from './care-visits.repository';
import { VisitPoliciesService } from './visit-policies.service';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * A senior's month of home care against the entitlement, and the LTCI claim made from the same
 * delivered visits. A visit counts as delivered only when both its checks were verified, or a
 * coordinator confirmed it; otherwise it is listed as unverified and not claimed.
 */
@Injectable()
export class CareLedgerService {
  constructor(
    private readonly visits: CareVisitsRepository,
    private readonly seniors: SeniorViewsRepository,
    private readonly policies: VisitPoliciesService,
  ) {}

  async month(seniorId: string, month: string): Promise<CareLedgerRecord> {
    if (!MONTH.test(month)) throw new DomainError('VALIDATION_FAILED', 'month must be YYYY-MM', [{ field: 'month', problems: [`${month} is not YYYY-MM`] }]);
    const senior = await this.seniors.findById(seniorId);
    if (!senior) throw new DomainError('SENIOR_NOT_FOUND', `Dispatch knows no senior ${seniorId}`);
    const rows = await this.visits.monthVisits(seniorId, month);
    const districtCode = rows[0]?.districtCode ?? senior.districtCode ?? null;
    const homeCare = (senior.entitlements as Entitlements | null)?.homeCare;
    // The entitlement as dispatch knows it now; its history is the assessment service's (see the closing note).
    const periods = homeCare && homeCare.source !== null ? [{ from: '0001-01-01', until: null, homeCare }] : [];
    const { policy } = districtCode ? await this.policies.inForce(districtCode, `${month}-01`) : { policy: undefined };
    const today = localDate(new Date());
    return { ...careLedger(seniorId, month, periods, rows.flatMap((row) => visitRecord(row, today)), policy), districtCode };
  }

  async districtClaims(districtCode: string, month: string): Promise<LtciClaim[]> {
    if (!MONTH.test(month)) throw new DomainError('VALIDATION_FAILED', 'month must be YYYY-MM', [{ field: 'month', problems: [`${month} is not YYYY-MM`] }]);
    const claims: LtciClaim[] = [];
    for (const seniorId of await this.visits.seniorsWithVisits(districtCode, month)) {
      const { claim } = await this.month(seniorId, month);
      if (claim.lines.length > 0) claims.push(claim);
    }
    return claims;
  }
}

/** The ledger's view of a stored visit: a visit nobody could be planned for is missed once its day has passed, and not planned before. */
function visitRecord(row: CareVisit, today: string): VisitRecord[] {
  const verification = row.verification as { confirmedBy?: string | null } | null;
  const verified = (row.checkInVerified && row.checkOutVerified) || Boolean(verification?.confirmedBy);
  const base = { visitId: row.id, date: row.date, caregiverId: row.caregiverId, plannedMinutes: row.durationMinutes };
  switch (row.status) {
    case 'delivered':
      return [{ ...base, status: 'delivered', checkInAt: verified ? row.checkInAt : null, checkOutAt: verified ? row.checkOutAt : null }];
    case 'missed':
    case 'cancelled':
      return [{ ...base, status: row.status, checkInAt: null, checkOutAt: null }];
    case 'unassigned':
      return row.date < today ? [{ ...base, status: 'missed', checkInAt: null, checkOutAt: null }] : [];
    default:
      return [{ ...base, status: 'planned', checkInAt: null, checkOutAt: null }];
  }
}
