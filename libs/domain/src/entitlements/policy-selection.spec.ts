import type { DistrictPolicy } from './district-policy';
import { SHANGHAI_MINHANG_POLICY, WUXI_XINWU_POLICY } from './default-policies';
import { comparePolicyVersions, explainPolicySelection, selectEffectivePolicy } from './policy-selection';

const version = (base: DistrictPolicy, v: string, effectiveFrom: string, effectiveUntil?: string): DistrictPolicy => {
  const { effectiveUntil: _dropped, ...rest } = base;
  return { ...rest, version: v, effectiveFrom, ...(effectiveUntil === undefined ? {} : { effectiveUntil }) };
};

const POLICIES: readonly DistrictPolicy[] = [
  version(SHANGHAI_MINHANG_POLICY, '2026.1', '2026-01-01'),
  version(SHANGHAI_MINHANG_POLICY, '2025.1', '2025-01-01', '2025-12-31'),
  version(SHANGHAI_MINHANG_POLICY, '2026.2', '2026-07-01'), // overrides the open-ended 2026.1 from July
  WUXI_XINWU_POLICY,
];

describe('selectEffectivePolicy', () => {
  it.each([
    ['2025-01-01', '2025.1'], // effectiveFrom is inclusive
    ['2025-12-31', '2025.1'], // effectiveUntil is inclusive
    ['2026-01-01', '2026.1'],
    ['2026-06-30', '2026.1'],
    ['2026-07-01', '2026.2'], // both ranges contain the date: the later start wins
    ['2030-01-01', '2026.2'],
  ])('Minhang on %s → %s', (date, expected) => {
    expect(selectEffectivePolicy(POLICIES, '310112', date)?.version).toBe(expected);
  });

  it('picks by district', () => {
    expect(selectEffectivePolicy(POLICIES, '320214', '2026-03-01')?.id).toBe('wuxi-xinwu');
  });

  it('returns null, and explains, when no version is in effect', () => {
    expect(selectEffectivePolicy(POLICIES, '310112', '2024-12-31')).toBeNull();
    expect(explainPolicySelection(POLICIES, '310112', '2024-12-31')).toEqual({
      ok: false,
      code: 'NO_POLICY_IN_EFFECT',
      message: 'no policy of district 310112 is in effect on 2024-12-31 (versions: 2025.1 2025-01-01…2025-12-31, 2026.1 2026-01-01…, 2026.2 2026-07-01…)',
    });
  });

  it('returns null, and explains, for an unknown district', () => {
    expect(selectEffectivePolicy(POLICIES, '110101', '2026-03-01')).toBeNull();
    expect(explainPolicySelection(POLICIES, '110101', '2026-03-01')).toMatchObject({ ok: false, code: 'NO_POLICY_FOR_DISTRICT' });
  });

  it('breaks a same-day tie by the higher version label, numerically', () => {
    const tied = [version(SHANGHAI_MINHANG_POLICY, '2026.9', '2026-01-01'), version(SHANGHAI_MINHANG_POLICY, '2026.10', '2026-01-01')];
    expect(selectEffectivePolicy(tied, '310112', '2026-02-01')?.version).toBe('2026.10');
  });
});

describe('comparePolicyVersions', () => {
  it.each([
    ['2026.10', '2026.9', 1], ['2026.1', '2026.1', 0], ['2025.3', '2026.1', -1], ['2026.1', '2026.1.1', -1], ['2026.1-b', '2026.1-a', 1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(comparePolicyVersions(a, b)).toBe(expected);
  });
});
