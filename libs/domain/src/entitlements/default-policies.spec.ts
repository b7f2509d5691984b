import { DEFAULT_DISTRICT_POLICIES, SHANGHAI_MINHANG_POLICY, WUXI_XINWU_POLICY } from './default-policies';

describe('default policies', () => {
  it('one per district, with distinct ids', () => {
    expect(DEFAULT_DISTRICT_POLICIES.map((p) => [p.id, p.districtCode])).toEqual([['sh-minhang', '310112'], ['wuxi-xinwu', '320214']]);
  });

  it('Minhang carries the LTCI figures of domain.md', () => {
    const ltci = SHANGHAI_MINHANG_POLICY.homeCare.ltci;
    expect(ltci?.weeklyVisits).toEqual({ 2: 3, 3: 3, 4: 5, 5: 7, 6: 7 });
    expect(ltci?.visitMinutes).toBe(60);
    expect(ltci?.fundSharePercent).toBe(90);
    expect(ltci?.scale).toBe('shanghai');
  });

  it('Wuxi Xinwu has no LTCI and keys purchased services by GB/T', () => {
    expect(WUXI_XINWU_POLICY.homeCare.ltci).toBeNull();
    expect(WUXI_XINWU_POLICY.homeCare.purchased?.scale).toBe('gbt');
    expect(WUXI_XINWU_POLICY.levelBasis).toBe('gbt');
  });

  it('both take the spec §8 reassessment defaults', () => {
    for (const policy of DEFAULT_DISTRICT_POLICIES) {
      expect(policy.reassessment).toMatchObject({ routineMonths: 12, reminderDaysBeforeDue: [60, 30], whenOverdue: 'keep-level' });
    }
  });
});
