// Which policy version applies on a date. Policies are effective-dated facts, so a new version
// takes effect on its own date with no batch job flipping state (what-users-expect.md point 9).

import type { IsoDate } from './date-checks';
import type { DistrictPolicy } from './district-policy';

/** True when `date` lies in [effectiveFrom, effectiveUntil] (both inclusive; no end = open). */
export function isPolicyInEffect(policy: Pick<DistrictPolicy, 'effectiveFrom' | 'effectiveUntil'>, date: IsoDate): boolean {
  return date >= policy.effectiveFrom && (policy.effectiveUntil === undefined || date <= policy.effectiveUntil);
}

/**
 * Compares version labels segment by segment, numbers numerically ("2026.10" > "2026.9"), other
 * segments as text. Used only to break a tie between versions that start on the same day.
 */
export function comparePolicyVersions(a: string, b: string): number {
  const split = (v: string): string[] => v.split(/[.\-_/]/);
  const [sa, sb] = [split(a), split(b)];
  for (let i = 0; i < Math.max(sa.length, sb.length); i++) {
    const [x, y] = [sa[i], sb[i]];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const bothNumbers = /^\d+$/.test(x) && /^\d+$/.test(y);
    const order = bothNumbers ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}

export type PolicySelection =
  | { readonly ok: true; readonly policy: DistrictPolicy }
  | {
      readonly ok: false;
      readonly code: 'NO_POLICY_FOR_DISTRICT' | 'NO_POLICY_IN_EFFECT';
      readonly message: string;
    };

/**
 * The policy of `districtCode` in effect on `date`, or null when there is none (use
 * explainPolicySelection for the reason). Among the versions whose range contains the date, the
 * one that started last wins (a later version overrides an open-ended earlier one without editing
 * it); on the same start day, the higher version label.
 */
export function selectEffectivePolicy(policies: readonly DistrictPolicy[], districtCode: string, date: IsoDate): DistrictPolicy | null {
  const selection = explainPolicySelection(policies, districtCode, date);
  return selection.ok ? selection.policy : null;
}

/** Like selectEffectivePolicy, with a code and a message naming the versions when none applies. */
export function explainPolicySelection(policies: readonly DistrictPolicy[], districtCode: string, date: IsoDate): PolicySelection {
  const ofDistrict = policies.filter((p) => p.districtCode === districtCode);
  if (ofDistrict.length === 0) {
    return { ok: false, code: 'NO_POLICY_FOR_DISTRICT', message: `no entitlement policy is loaded for district ${districtCode}` };
  }
  const inEffect = ofDistrict
    .filter((p) => isPolicyInEffect(p, date))
    .sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? comparePolicyVersions(b.version, a.version) : a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  const chosen = inEffect[0];
  if (chosen === undefined) {
    const ranges = [...ofDistrict]
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))
      .map((p) => `${p.version} ${p.effectiveFrom}…${p.effectiveUntil ?? ''}`)
      .join(', ');
    return { ok: false, code: 'NO_POLICY_IN_EFFECT', message: `no policy of district ${districtCode} is in effect on ${date} (versions: ${ranges})` };
  }
  return { ok: true, policy: chosen };
}
