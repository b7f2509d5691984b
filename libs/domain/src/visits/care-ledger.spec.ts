import { careLedger, ltciClaimCsv, type VisitRecord } from './care-ledger';
import { homeCare } from './test/fixtures';

const delivered = (visitId: string, date: string, minutes: number, planned = 60): VisitRecord => ({
  visitId,
  date,
  caregiverId: 'c1',
  plannedMinutes: planned,
  status: 'delivered',
  checkInAt: new Date(`${date}T01:00:00Z`),
  checkOutAt: new Date(new Date(`${date}T01:00:00Z`).getTime() + minutes * 60_000),
});

describe('the monthly entitlement ledger and LTCI claim', () => {
  const periods = [{ from: '2026-01-01', until: null, homeCare: homeCare() }];

  it('counts entitled, planned, delivered and missed hours', () => {
    const ledger = careLedger('s1', '2026-02', periods, [
      delivered('v1', '2026-02-02', 60),
      delivered('v2', '2026-02-04', 75), // stayed longer: only the planned hour counts
      delivered('v3', '2026-02-06', 50),
      { ...delivered('v4', '2026-02-09', 0), status: 'missed', checkInAt: null, checkOutAt: null },
      { ...delivered('v5', '2026-02-11', 0), status: 'cancelled', checkInAt: null, checkOutAt: null },
      { ...delivered('v6', '2026-02-13', 0), checkOutAt: null },
    ]);
    expect(ledger.entitledMinutes).toBe(720); // 3 h a week × 28 days / 7
    expect(ledger.plannedMinutes).toBe(300);
    expect(ledger.deliveredMinutes).toBe(170);
    expect(ledger.missedMinutes).toBe(60);
    expect(ledger.cancelledMinutes).toBe(60);
    expect(ledger.unverifiedVisits).toEqual(['v6']);
    expect(ledger.hours).toEqual({ entitled: 12, planned: 5, delivered: 2.83, missed: 1 });
  });

  it('splits the claim 90/10 to the fen, and the lines add up to the totals', () => {
    const ledger = careLedger('s1', '2026-02', periods, [delivered('v1', '2026-02-02', 60), delivered('v2', '2026-02-04', 50)]);
    expect(ledger.claim.lines.map((l) => [l.amountFen, l.fundFen, l.coPayFen])).toEqual([
      [6500, 5850, 650],
      [5417, 4875, 542], // 50 min at 65 yuan/h = 54.1666 → 54.17; 90% = 48.753 → 48.75
    ]);
    expect(ledger.claim.totals).toEqual({ minutes: 110, coveredMinutes: 110, amountFen: 11917, fundFen: 10725, coPayFen: 1192, selfPayFen: 0 });
  });

  it('self-pays what goes beyond the entitlement', () => {
    const short = [{ from: '2026-02-01', until: '2026-02-07', homeCare: homeCare() }]; // 7 days: 180 min
    const ledger = careLedger('s1', '2026-02', short, ['02', '03', '04', '05'].map((d, i) => delivered(`v${i}`, `2026-02-${d}`, 60)));
    expect(ledger.entitledMinutes).toBe(180);
    expect(ledger.overEntitlementMinutes).toBe(60);
    expect(ledger.claim.totals.selfPayFen).toBe(6500);
    expect(ledger.claim.totals.fundFen).toBe(3 * 5850);
  });

  it('writes a formula-safe CSV with a total row', () => {
    const ledger = careLedger('=cmd', '2026-02', periods, [delivered('v1', '2026-02-02', 60)]);
    const lines = ltciClaimCsv(ledger.claim).split('\r\n');
    expect(lines[0]).toBe('senior_id,month,visit_id,date,caregiver_id,minutes,covered_minutes,amount_fen,fund_share_pct,fund_fen,co_pay_fen,self_pay_fen');
    expect(lines[1]).toBe("'=cmd,2026-02,v1,2026-02-02,c1,60,60,6500,90,5850,650,0");
    expect(lines[2]).toBe("'=cmd,2026-02,total,,,60,60,6500,,5850,650,0");
  });

  it('refuses a visit from another month or recorded twice', () => {
    expect(() => careLedger('s1', '2026-02', periods, [delivered('v1', '2026-03-02', 60)])).toThrow('not in 2026-02');
    expect(() => careLedger('s1', '2026-02', periods, [delivered('v1', '2026-02-02', 60), delivered('v1', '2026-02-03', 60)])).toThrow('twice');
  });
});
