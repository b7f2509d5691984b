import { lateVisitAlerts } from './visit-alerts';
import { DEFAULT_VISIT_POLICY } from './visit-policy';

const planned = new Date('2026-03-02T01:00:00Z'); // 09:00 in Shanghai
const at = (minutes: number) => new Date(planned.getTime() + minutes * 60_000);

describe('late and missed visit alerts', () => {
  it('raises medium at 15 minutes, high at 30, critical at 60', () => {
    expect([0, 14, 15, 29, 30, 59, 60, 180].map((m) => lateVisitAlerts(planned, null, at(m)).severity)).toEqual(['none', 'none', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
    expect(lateVisitAlerts(planned, null, at(20))).toEqual({ severity: 'medium', minutesLate: 20, checkedIn: false, nextStepInMinutes: 10 });
  });

  it('clears when the caregiver checks in, keeping how late it was', () => {
    expect(lateVisitAlerts(planned, at(42), at(50))).toEqual({ severity: 'none', minutesLate: 42, checkedIn: true, nextStepInMinutes: null });
    expect(lateVisitAlerts(planned, at(-5), at(50)).minutesLate).toBe(0);
  });

  it('follows the district\'s own graces', () => {
    const strict = { ...DEFAULT_VISIT_POLICY, alertGraces: [{ afterMinutes: 5, severity: 'high' as const }] };
    expect(lateVisitAlerts(planned, null, at(5), strict).severity).toBe('high');
  });
});
