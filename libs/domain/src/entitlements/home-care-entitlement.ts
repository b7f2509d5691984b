// Home-care hours per week: LTCI first (in Shanghai the care level is the only key to it), then
// government-purchased services. Visits are counted per week; the continuous-care bonus is per
// month, as the LTCI rules write it (spec §3.2), so it is reported apart from the weekly hours.

import type { HomeCareScheme } from './district-policy';
import type { HomeCareEntitlement, HomeCareSchemeId } from './entitlements';
import { type RuleContext, cite, hoursText, yuan } from './rule-context';
import { evaluateCondition } from './condition-evaluation';
import type { LevelBasis } from './policy-vocabulary';

export const NO_HOME_CARE: HomeCareEntitlement = {
  source: null,
  visitsPerWeek: 0,
  visitMinutes: null,
  hoursPerWeek: 0,
  bonusHoursPerMonth: 0,
  bonusCashAlternativeFenPerMonth: null,
  fundSharePercent: null,
  coPayPercent: null,
};

const SCHEME_LABELS: Readonly<Record<HomeCareSchemeId, string>> = {
  ltci: 'long-term care insurance (长期护理保险)',
  purchased: 'government-purchased home care (政府购买居家养老服务)',
};

export function deriveHomeCare(context: RuleContext, continuousCareMonths: number): { value: HomeCareEntitlement; reasons: string[] } {
  const reasons: string[] = [];
  const schemes: [HomeCareSchemeId, HomeCareScheme | null][] = [
    ['ltci', context.policy.homeCare.ltci],
    ['purchased', context.policy.homeCare.purchased],
  ];
  for (const [id, scheme] of schemes) {
    const path = `homeCare.${id}`;
    if (scheme === null) {
      reasons.push(`no ${SCHEME_LABELS[id]}: the district has no such scheme ${cite(context.policy, path)}`);
      continue;
    }
    const value = schemeEntitlement(id, scheme, path, context, continuousCareMonths, reasons);
    if (value !== null) return { value, reasons };
  }
  reasons.push('home care 0 h/week: no scheme applies');
  return { value: NO_HOME_CARE, reasons };
}

function schemeEntitlement(
  id: HomeCareSchemeId,
  scheme: HomeCareScheme,
  path: string,
  context: RuleContext,
  continuousCareMonths: number,
  reasons: string[],
): HomeCareEntitlement | null {
  const { policy } = context;
  const reading = context.levels[scheme.scale];
  if (reading.level === null) {
    reasons.push(`no ${scheme.name}: ${reading.missing} ${cite(policy, `${path}.scale`, scheme.source)}`);
    return null;
  }
  const level = reading.level;
  // A scheme reads one scale only, so its conditions read that scale too.
  const basis: LevelBasis = scheme.scale;
  const eligible = evaluateCondition(scheme.eligibleWhen, context, basis);
  if (eligible.truth !== 'yes') {
    const known = eligible.truth === 'unknown' ? ' (not known yet)' : '';
    reasons.push(`no ${scheme.name}${known}: ${eligible.text} ${cite(policy, `${path}.eligibleWhen`, scheme.source)}`);
    return null;
  }
  const visits = scheme.weeklyVisits[String(level.level)] ?? 0;
  if (visits <= 0) {
    const listed = Object.entries(scheme.weeklyVisits).filter(([, n]) => n > 0).map(([l]) => l).join(', ');
    reasons.push(`no ${scheme.name}: ${level.description} gives no visits (levels with visits: ${listed || 'none'}) ${cite(policy, `${path}.weeklyVisits`, scheme.source)}`);
    return null;
  }
  const hours = (visits * scheme.visitMinutes) / 60;
  reasons.push(
    `home care ${hoursText(hours)} h/week (${visits} visits × ${scheme.visitMinutes} min, ${scheme.name}): ${level.description} ` +
      cite(policy, `${path}.weeklyVisits[${level.level}]`, scheme.source),
  );
  reasons.push(`fund pays ${scheme.fundSharePercent}%, co-pay ${100 - scheme.fundSharePercent}% ${cite(policy, `${path}.fundSharePercent`)}`);

  let bonusHours = 0;
  let bonusCash: number | null = null;
  const bonus = scheme.continuousCareBonus;
  if (bonus !== null && bonus.levels.includes(level.level)) {
    const eligibleSteps = bonus.steps.map((step, index) => ({ step, index })).filter(({ step }) => continuousCareMonths > step.overMonths);
    const best = eligibleSteps.sort((a, b) => b.step.overMonths - a.step.overMonths)[0];
    if (best === undefined) {
      const first = Math.min(...bonus.steps.map((s) => s.overMonths));
      reasons.push(`no continuous-care bonus yet: ${continuousCareMonths} months of continuous care is not more than ${first} ${cite(policy, `${path}.continuousCareBonus.steps`, bonus.source)}`);
    } else {
      bonusHours = best.step.extraHoursPerMonth;
      bonusCash = best.step.cashAlternativeFenPerMonth;
      const cash = bonusCash === null ? '' : ` (or ${yuan(bonusCash)} cash instead)`;
      reasons.push(
        `continuous-care bonus +${hoursText(bonusHours)} h/month${cash}: ${continuousCareMonths} months of continuous care is more than ${best.step.overMonths} at ${level.description} ` +
          cite(policy, `${path}.continuousCareBonus.steps[${best.index}]`, bonus.source),
      );
    }
  }
  return {
    source: { scheme: id, name: scheme.name, instrument: level.instrument, level: level.level },
    visitsPerWeek: visits,
    visitMinutes: scheme.visitMinutes,
    hoursPerWeek: hours,
    bonusHoursPerMonth: bonusHours,
    bonusCashAlternativeFenPerMonth: bonusCash,
    fundSharePercent: scheme.fundSharePercent,
    coPayPercent: 100 - scheme.fundSharePercent,
  };
}
