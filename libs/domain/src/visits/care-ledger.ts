/**
 * One senior's month of home care against the entitlement: entitled, planned, delivered and
 * missed minutes, and the LTCI claim made from the same delivered visits (fund share and co-pay in
 * integer fen), as JSON and as CSV.
 *
 * - Entitled: each day of the month carries 1/7 of the weekly hours of the entitlement in force
 *   that day, plus 1/(days in month) of its monthly continuous-care bonus; the sum is rounded to
 *   whole minutes.
 * - Delivered: check-out minus check-in in whole minutes, never more than the visit's planned
 *   length (a longer stay is not claimed). A visit marked delivered without both times is
 *   `unverified`: neither delivered nor claimed until it is fixed.
 * - Claim: delivered minutes in date order are covered until the month's entitled minutes run
 *   out; the rest is self-paid. A line's amount is its covered minutes at the hourly rate, rounded
 *   to the fen; the fund's share is rounded to the fen and the co-pay is the rest, so every total
 *   adds up exactly.
 */
import { csvCell } from '../planning/coverage-csv';
import type { HomeCareEntitlement } from '../entitlements';
import { DEFAULT_VISIT_POLICY, type HomeCareVisitPolicy } from './visit-policy';

export interface EntitlementPeriod {
  readonly from: string;
  /** Inclusive; null: open-ended. */
  readonly until: string | null;
  readonly homeCare: HomeCareEntitlement;
}

export const VISIT_RECORD_STATUSES = ['planned', 'delivered', 'missed', 'cancelled'] as const;
export type VisitRecordStatus = (typeof VISIT_RECORD_STATUSES)[number];

export interface VisitRecord {
  readonly visitId: string;
  readonly date: string;
  readonly caregiverId: string | null;
  readonly plannedMinutes: number;
  readonly status: VisitRecordStatus;
  readonly checkInAt: Date | null;
  readonly checkOutAt: Date | null;
}

export interface ClaimLine {
  readonly visitId: string;
  readonly date: string;
  readonly caregiverId: string | null;
  readonly minutes: number;
  readonly coveredMinutes: number;
  readonly amountFen: number;
  readonly fundFen: number;
  readonly coPayFen: number;
  /** Minutes beyond the entitlement, at the full rate. */
  readonly selfPayFen: number;
  readonly fundSharePercent: number;
}

export interface LtciClaim {
  readonly seniorId: string;
  /** YYYY-MM */
  readonly month: string;
  readonly policyVersion: string;
  readonly hourlyRateFen: number;
  readonly lines: readonly ClaimLine[];
  readonly totals: { readonly minutes: number; readonly coveredMinutes: number; readonly amountFen: number; readonly fundFen: number; readonly coPayFen: number; readonly selfPayFen: number };
}

export interface CareLedgerMonth {
  readonly seniorId: string;
  readonly month: string;
  readonly entitledMinutes: number;
  /** Not cancelled. */
  readonly plannedMinutes: number;
  readonly deliveredMinutes: number;
  readonly missedMinutes: number;
  readonly cancelledMinutes: number;
  readonly unverifiedVisits: readonly string[];
  /** Delivered beyond the entitlement. */
  readonly overEntitlementMinutes: number;
  readonly hours: { readonly entitled: number; readonly planned: number; readonly delivered: number; readonly missed: number };
  readonly claim: LtciClaim;
}

export function careLedger(
  seniorId: string,
  month: string,
  periods: readonly EntitlementPeriod[],
  records: readonly VisitRecord[],
  policy: HomeCareVisitPolicy = DEFAULT_VISIT_POLICY,
): CareLedgerMonth {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`month must be YYYY-MM, got ${month}`);
  const seen = new Set<string>();
  for (const record of records) {
    if (!record.date.startsWith(`${month}-`)) throw new RangeError(`visit ${record.visitId} of ${record.date} is not in ${month}`);
    if (seen.has(record.visitId)) throw new RangeError(`visit ${record.visitId} is recorded twice`);
    if (!Number.isInteger(record.plannedMinutes) || record.plannedMinutes < 0) throw new RangeError(`visit ${record.visitId}: plannedMinutes must be a whole number ≥ 0`);
    seen.add(record.visitId);
  }
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const daysInMonth = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const periodOn = (date: string) => periods.find((period) => period.from <= date && (period.until === null || date <= period.until))?.homeCare ?? null;
  let entitledExact = 0;
  for (let day = 1; day <= daysInMonth; day++) {
    const homeCare = periodOn(`${month}-${String(day).padStart(2, '0')}`);
    if (homeCare) entitledExact += (homeCare.hoursPerWeek * 60) / 7 + (homeCare.bonusHoursPerMonth * 60) / daysInMonth;
  }
  const entitledMinutes = Math.round(entitledExact);

  const sorted = [...records].sort((a, b) => a.date.localeCompare(b.date) || (a.visitId < b.visitId ? -1 : 1));
  const sum = (pick: (r: VisitRecord) => number, status: VisitRecordStatus | null) => sorted.filter((r) => status === null || r.status === status).reduce((total, r) => total + pick(r), 0);
  const unverified: string[] = [];
  const delivered: { record: VisitRecord; minutes: number }[] = [];
  for (const record of sorted) {
    if (record.status !== 'delivered') continue;
    if (record.checkInAt === null || record.checkOutAt === null || record.checkOutAt.getTime() < record.checkInAt.getTime()) {
      unverified.push(record.visitId);
      continue;
    }
    const minutes = Math.min(record.plannedMinutes, Math.floor((record.checkOutAt.getTime() - record.checkInAt.getTime()) / 60_000));
    delivered.push({ record, minutes });
  }
  let left = entitledMinutes;
  const lines = delivered.map(({ record, minutes }): ClaimLine => {
    const covered = Math.max(0, Math.min(minutes, left));
    left -= covered;
    const fundSharePercent = periodOn(record.date)?.fundSharePercent ?? policy.fundSharePercent;
    const amountFen = roundDiv(covered * policy.hourlyRateFen, 60);
    const fundFen = roundDiv(amountFen * fundSharePercent, 100);
    return {
      visitId: record.visitId,
      date: record.date,
      caregiverId: record.caregiverId,
      minutes,
      coveredMinutes: covered,
      amountFen,
      fundFen,
      coPayFen: amountFen - fundFen,
      selfPayFen: roundDiv((minutes - covered) * policy.hourlyRateFen, 60),
      fundSharePercent,
    };
  });
  const total = (pick: (line: ClaimLine) => number) => lines.reduce((acc, line) => acc + pick(line), 0);
  const deliveredMinutes = total((line) => line.minutes);
  const plannedMinutes = sorted.filter((r) => r.status !== 'cancelled').reduce((acc, r) => acc + r.plannedMinutes, 0);
  const missedMinutes = sum((r) => r.plannedMinutes, 'missed');
  const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
  return {
    seniorId,
    month,
    entitledMinutes,
    plannedMinutes,
    deliveredMinutes,
    missedMinutes,
    cancelledMinutes: sum((r) => r.plannedMinutes, 'cancelled'),
    unverifiedVisits: unverified,
    overEntitlementMinutes: Math.max(0, deliveredMinutes - entitledMinutes),
    hours: { entitled: hours(entitledMinutes), planned: hours(plannedMinutes), delivered: hours(deliveredMinutes), missed: hours(missedMinutes) },
    claim: {
      seniorId,
      month,
      policyVersion: policy.version,
      hourlyRateFen: policy.hourlyRateFen,
      lines,
      totals: {
        minutes: deliveredMinutes,
        coveredMinutes: total((line) => line.coveredMinutes),
        amountFen: total((line) => line.amountFen),
        fundFen: total((line) => line.fundFen),
        coPayFen: total((line) => line.coPayFen),
        selfPayFen: total((line) => line.selfPayFen),
      },
    },
  };
}

export const LTCI_CLAIM_CSV_HEADER = ['senior_id', 'month', 'visit_id', 'date', 'caregiver_id', 'minutes', 'covered_minutes', 'amount_fen', 'fund_share_pct', 'fund_fen', 'co_pay_fen', 'self_pay_fen'] as const;

/** The claim for spreadsheets: one row per delivered visit, then a total row. CRLF line ends, formula-safe cells. */
export function ltciClaimCsv(claim: LtciClaim): string {
  return ltciClaimsCsv([claim]);
}

/** Many seniors' claims (a district's month for the fund) under one header: each senior's rows, then their total row. */
export function ltciClaimsCsv(claims: readonly LtciClaim[]): string {
  const rows = claims.flatMap((claim) => [
    ...claim.lines.map((line) => [claim.seniorId, claim.month, line.visitId, line.date, line.caregiverId, line.minutes, line.coveredMinutes, line.amountFen, line.fundSharePercent, line.fundFen, line.coPayFen, line.selfPayFen]),
    [claim.seniorId, claim.month, 'total', null, null, claim.totals.minutes, claim.totals.coveredMinutes, claim.totals.amountFen, null, claim.totals.fundFen, claim.totals.coPayFen, claim.totals.selfPayFen],
  ]);
  return [LTCI_CLAIM_CSV_HEADER.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

/** a / b rounded half up, for non-negative whole numbers. */
function roundDiv(a: number, b: number): number {
  return Math.floor((2 * a + b) / (2 * b));
}
