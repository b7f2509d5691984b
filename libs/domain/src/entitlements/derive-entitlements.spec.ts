import { GBT_42195_2022_ID, SHANGHAI_CARE_NEEDS_ID } from '../assessment';
import { SHANGHAI_MINHANG_POLICY as MINHANG, WUXI_XINWU_POLICY as WUXI, deriveEntitlements } from './index';
import { editablePolicy, facts, gbt, lawton, shanghai } from './test/fixtures';

describe('deriveEntitlements without any assessment (Minhang)', () => {
  const e = deriveEntitlements(facts(), MINHANG);

  it('gives the minimal entitlements and never throws', () => {
    expect(e.bedTypes).toEqual([]);
    expect(e.subsidisedBed).toBe(false);
    expect(e.dayCare).toBe(false);
    expect(e.homeCare).toEqual({
      source: null, visitsPerWeek: 0, visitMinutes: null, hoursPerWeek: 0,
      bonusHoursPerMonth: 0, bonusCashAlternativeFenPerMonth: null, fundSharePercent: null, coPayPercent: null,
    });
    // Meals are open to everyone 60+: canteen, no subsidy without a priority group.
    expect(e.meals).toEqual({ eligible: true, delivery: false, subsidyTier: null, subsidyFenPerMeal: 0 });
    expect(e.safety).toEqual({ textureModifiedDiet: false, iddsiLevel: null, fallRisk: false, wanderingRisk: false });
    expect(e.priorityGroups).toEqual([]);
    expect(e.levelUsed).toEqual({ instrument: null, scale: null, level: null, levelName: null, assessedOn: null, expired: false });
    expect(e.policy).toEqual({ id: 'sh-minhang', districtCode: '310112', version: '2026.1' });
    expect(e.warnings).toEqual([]);
  });

  it('says what is missing rather than refusing outright', () => {
    expect(e.reasons.levelUsed).toEqual([
      'no level: no Shanghai care-needs record, and no GB/T 42195 assessment yet; only entitlements that need no assessment apply (policy sh-minhang 2026.1, levelBasis = shanghai-else-gbt)',
    ]);
    expect(e.reasons.bedTypes[1]).toBe(
      'no nursing-type bed (护理型床位) (not known yet): level unknown: no Shanghai care-needs record, and no GB/T 42195 assessment yet (policy sh-minhang 2026.1, beds.nursing.when)',
    );
    expect(e.reasons.homeCare[0]).toBe(
      'no 上海长期护理保险 社区居家照护: no Shanghai care-needs record (policy sh-minhang 2026.1, homeCare.ltci.scale; 上海市长期护理保险试点办法)',
    );
  });

  it('is plain JSON (no undefined, no Date) so it survives the queue unchanged', () => {
    const walk = (value: unknown, path: string): void => {
      expect([typeof value, path]).not.toEqual(['undefined', path]);
      if (value instanceof Date) throw new Error(`Date at ${path}`);
      if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    };
    const full = deriveEntitlements(facts({ shanghai: shanghai(5), gbt: gbt(3), continuousCareMonths: 8 }), MINHANG);
    walk(full, '$');
    expect(JSON.parse(JSON.stringify(full))).toStrictEqual(full);
  });

  it('grants what a priority group alone qualifies for: 特困 → subsidised bed and the top meal tier', () => {
    const poor = deriveEntitlements(facts({ priorityFlags: ['extreme-poverty'] }), MINHANG);
    expect(poor.priorityGroups).toEqual(['extreme-poverty']);
    expect(poor.subsidisedBed).toBe(true);
    expect(poor.meals).toEqual({ eligible: true, delivery: false, subsidyTier: 'tier-1-hardship', subsidyFenPerMeal: 800 });
    expect(poor.reasons.subsidisedBed).toEqual([
      'qualifies for a subsidised basic bed (保基本床位): priority group 特困 extreme-poverty (policy sh-minhang 2026.1, subsidisedBed.when; 沪民规〔2022〕15号)',
    ]);
  });
});

describe('Shanghai LTCI home care (Minhang)', () => {
  it.each([
    // [care level, visits a week] from domain.md: 3/3/5/7/7 for levels 2/3/4/5/6
    [0, 0], [1, 0], [2, 3], [3, 3], [4, 5], [5, 7], [6, 7],
  ])('care level %i gives %i one-hour visits a week', (level, visits) => {
    const e = deriveEntitlements(facts({ shanghai: shanghai(level) }), MINHANG);
    expect(e.homeCare.visitsPerWeek).toBe(visits);
    expect(e.homeCare.hoursPerWeek).toBe(visits);
    if (visits === 0) {
      expect(e.homeCare.source).toBeNull();
      expect(e.homeCare.fundSharePercent).toBeNull();
    } else {
      expect(e.homeCare.source).toEqual({ scheme: 'ltci', name: '上海长期护理保险 社区居家照护', instrument: SHANGHAI_CARE_NEEDS_ID, level });
      expect(e.homeCare.visitMinutes).toBe(60);
      expect(e.homeCare.fundSharePercent).toBe(90);
      expect(e.homeCare.coPayPercent).toBe(10);
    }
  });

  it('names the rule and the policy version in the reason', () => {
    const e = deriveEntitlements(facts({ shanghai: shanghai(4) }), MINHANG);
    expect(e.reasons.homeCare).toEqual([
      'home care 5 h/week (5 visits × 60 min, 上海长期护理保险 社区居家照护): Shanghai care level 4 照护四级 (policy sh-minhang 2026.1, homeCare.ltci.weeklyVisits[4]; 上海市长期护理保险试点办法)',
      'fund pays 90%, co-pay 10% (policy sh-minhang 2026.1, homeCare.ltci.fundSharePercent)',
    ]);
  });

  it('says why care level 1 gets no visits', () => {
    const e = deriveEntitlements(facts({ shanghai: shanghai(1) }), MINHANG);
    expect(e.reasons.homeCare[0]).toBe(
      'no 上海长期护理保险 社区居家照护: Shanghai care level 1 照护一级 gives no visits (levels with visits: 2, 3, 4, 5, 6) (policy sh-minhang 2026.1, homeCare.ltci.weeklyVisits; 上海市长期护理保险试点办法)',
    );
  });

  it.each([
    // [care level, continuous-care months, bonus h/month, cash alternative fen]
    [5, 0, 0, null],
    [5, 1, 0, null], // "more than 1 month": exactly 1 is not enough
    [5, 1.5, 1, 4000],
    [5, 2, 1, 4000],
    [5, 6, 1, 4000], // "> 1 to ≤ 6 months"
    [5, 7, 2, 8000], // "> 6 months"
    [6, 24, 2, 8000],
    [4, 24, 0, null], // the bonus is for levels 5–6 only
  ])('care level %i after %p months of continuous care: +%i h/month', (level, months, hours, cash) => {
    const e = deriveEntitlements(facts({ shanghai: shanghai(level), continuousCareMonths: months }), MINHANG);
    expect(e.homeCare.bonusHoursPerMonth).toBe(hours);
    expect(e.homeCare.bonusCashAlternativeFenPerMonth).toBe(cash);
    expect(e.homeCare.hoursPerWeek).toBe(level === 4 ? 5 : 7); // the bonus never changes the weekly hours
  });

  it('explains the bonus with its step', () => {
    const e = deriveEntitlements(facts({ shanghai: shanghai(6), continuousCareMonths: 7 }), MINHANG);
    expect(e.reasons.homeCare[2]).toBe(
      'continuous-care bonus +2 h/month (or 80.00 yuan cash instead): 7 months of continuous care is more than 6 at Shanghai care level 6 照护六级 (policy sh-minhang 2026.1, homeCare.ltci.continuousCareBonus.steps[1])',
    );
  });

  it('never gives LTCI hours from a GB/T level, however severe', () => {
    const e = deriveEntitlements(facts({ gbt: gbt(4) }), MINHANG);
    expect(e.homeCare.source).toBeNull();
    expect(e.homeCare.hoursPerWeek).toBe(0);
    // …while rules that may fall back to GB/T do so, and say so.
    expect(e.levelUsed).toMatchObject({ instrument: GBT_42195_2022_ID, scale: 'gbt', level: 4 });
    expect(e.reasons.levelUsed[0]).toBe(
      'level used: GB/T level 4 完全失能, assessed 2026-03-01, reassessment due 2027-03-01 (GB/T used because no Shanghai care-needs record) (policy sh-minhang 2026.1, levelBasis = shanghai-else-gbt)',
    );
  });

  it.each([
    ['1966-06-15', 4, 5], // 60 on the day: eligible
    ['1966-06-16', 4, 0], // 60 tomorrow: not yet
  ])('LTCI age threshold: born %s → %i visits at care level 4', (birthDate, level, visits) => {
    const e = deriveEntitlements(facts({ birthDate, shanghai: shanghai(level) }), MINHANG);
    expect(e.homeCare.visitsPerWeek).toBe(visits);
  });

  it('keeps an expired Shanghai level by default and marks it expired', () => {
    const e = deriveEntitlements(facts({ shanghai: shanghai(4, '2024-01-10', '2026-01-09') }), MINHANG);
    expect(e.homeCare.visitsPerWeek).toBe(5);
    expect(e.levelUsed).toMatchObject({ instrument: SHANGHAI_CARE_NEEDS_ID, level: 4, expired: true });
  });

  it('drops an expired Shanghai level when the policy says so, falling back to GB/T where allowed', () => {
    const policy = editablePolicy(MINHANG);
    policy.reassessment.whenShanghaiRecordExpired = 'drop-level';
    const e = deriveEntitlements(facts({ shanghai: shanghai(4, '2024-01-10', '2026-01-09'), gbt: gbt(2) }), policy);
    expect(e.homeCare.source).toBeNull();
    expect(e.levelUsed).toMatchObject({ instrument: GBT_42195_2022_ID, level: 2, expired: false });
    expect(e.reasons.homeCare[0]).toContain('expired after 2026-01-09 and reassessment.whenShanghaiRecordExpired = drop-level');
  });

  it('the day a record expires is still valid (validUntil is the last valid day)', () => {
    const policy = editablePolicy(MINHANG);
    policy.reassessment.whenShanghaiRecordExpired = 'drop-level';
    expect(deriveEntitlements(facts({ asOf: '2026-01-09', shanghai: shanghai(4, '2024-01-10', '2026-01-09') }), policy).homeCare.visitsPerWeek).toBe(5);
    expect(deriveEntitlements(facts({ asOf: '2026-01-10', shanghai: shanghai(4, '2024-01-10', '2026-01-09') }), policy).homeCare.visitsPerWeek).toBe(0);
  });

  it('gives no care level for a referral to medical care', () => {
    const e = deriveEntitlements(facts({ shanghai: shanghai('refer-to-medical-care') }), MINHANG);
    expect(e.homeCare.source).toBeNull();
    expect(e.reasons.homeCare[0]).toContain('refers to medical care (建议至相关医疗机构就诊) and gives no care level');
  });

  it('ignores a record dated after the date asked about, with a warning', () => {
    const e = deriveEntitlements(facts({ asOf: '2026-01-05', shanghai: shanghai(5, '2026-01-10') }), MINHANG);
    expect(e.homeCare.source).toBeNull();
    expect(e.warnings).toEqual(['Shanghai care-needs record MH-2026-0001 is dated 2026-01-10, after 2026-01-05; it was ignored']);
  });
});

describe('beds (Minhang)', () => {
  it.each([
    ['Shanghai care level 3', { shanghai: shanghai(3) }, ['general', 'nursing'], true],
    ['Shanghai care level 2', { shanghai: shanghai(2) }, ['general', 'nursing'], false],
    ['Shanghai care level 1', { shanghai: shanghai(1) }, ['general'], false],
    ['Shanghai care level 2 with diagnosed cognitive impairment', { shanghai: shanghai(2), cognitiveImpairmentDiagnosed: true }, ['general', 'nursing'], true],
    // The 保基本 rule is written on the Shanghai level: GB/T 4 alone does not qualify…
    ['GB/T level 4 only', { gbt: gbt(4) }, ['general', 'nursing'], false],
    ['GB/T level 1 only', { gbt: gbt(1) }, ['general'], false],
    // …but a named priority group does.
    ['重点优抚对象 without assessment', { priorityFlags: ['key-entitled' as const] }, [], true],
  ])('%s → beds %j, subsidised %p', (_case, overrides, beds, subsidised) => {
    const e = deriveEntitlements(facts(overrides), MINHANG);
    expect(e.bedTypes).toEqual(beds);
    expect(e.subsidisedBed).toBe(subsidised);
  });

  it('explains a refused subsidised bed for a GB/T-only senior', () => {
    const e = deriveEntitlements(facts({ gbt: gbt(4) }), MINHANG);
    expect(e.reasons.subsidisedBed).toEqual([
      'no subsidised basic bed (not known yet): level unknown: no Shanghai care-needs record; no recorded diagnosis of dementia or cognitive-impairment; in no priority group among 特困 extreme-poverty, 重点优抚对象 key-entitled, 计划生育特殊家庭 family-planning-special (policy sh-minhang 2026.1, subsidisedBed.when; 沪民规〔2022〕15号)',
    ]);
  });

  it.each([
    ['dementia and B3.2 空间定向 = 2', { dementiaDiagnosed: true, gbt: gbt(2, { 'B3.2': 2 }) }, true],
    ['dementia and B3.4 记忆 = 2', { dementiaDiagnosed: true, gbt: gbt(2, { 'B3.4': 2 }) }, true],
    ['dementia, oriented (B3.2 = 3, B3.4 = 3)', { dementiaDiagnosed: true, gbt: gbt(2, { 'B3.2': 3, 'B3.4': 3 }) }, false],
    ['dementia and one wandering event', { dementiaDiagnosed: true, gbt: gbt(2, {}, { wandering: 1 }) }, true],
    ['disoriented but no diagnosis', { gbt: gbt(2, { 'B3.2': 0 }) }, false],
    ['dementia, no GB/T assessment yet', { dementiaDiagnosed: true }, false],
  ])('dementia-care bed: %s → %p', (_case, overrides, expected) => {
    expect(deriveEntitlements(facts(overrides), MINHANG).bedTypes.includes('dementia-care')).toBe(expected);
  });
});

describe('day care, meals and safety (GB/T rules, Minhang)', () => {
  it.each([
    [0, {}, false], // 能力完好: not a day-care case
    [1, {}, true],
    [2, {}, true],
    [3, {}, true],
    [4, {}, false], // 完全失能
    [2, { 'B2.3': 0 }, false], // bed-bound
    [2, { 'B2.3': 1 }, true],
  ] as const)('GB/T level %i with %j → day care %p', (level, items, expected) => {
    expect(deriveEntitlements(facts({ gbt: gbt(level, items) }), MINHANG).dayCare).toBe(expected);
  });

  it('day care needs a GB/T result even when a Shanghai level exists', () => {
    expect(deriveEntitlements(facts({ shanghai: shanghai(2) }), MINHANG).dayCare).toBe(false);
  });

  it.each([
    ['B2.3 平地行走 = 2', { gbt: gbt(1, { 'B2.3': 2 }) }, true],
    ['B2.3 平地行走 = 3', { gbt: gbt(1, { 'B2.3': 3 }) }, false],
    ['B4.4 = 1', { gbt: gbt(1, { 'B4.4': 1 }) }, true],
    ['B4.4 = 2', { gbt: gbt(1, { 'B4.4': 2 }) }, false],
    ['Lawton 购物 = 0', { gbt: gbt(1), lawton: lawton({ B: 0 }) }, true],
    ['GB/T level 3', { gbt: gbt(3) }, true],
    ['living alone at level 2', { gbt: gbt(2), livingArrangement: 'alone' as const }, true],
    ['living with family at level 2', { gbt: gbt(2) }, false],
  ])('meal delivery: %s → %p', (_case, overrides, expected) => {
    expect(deriveEntitlements(facts(overrides), MINHANG).meals.delivery).toBe(expected);
  });

  it.each([
    [4, false, null],
    [3, false, null],
    [2, true, 6], // 进食 ≤ 2 (domain.md)
    [1, true, 5],
    [0, true, 4],
  ])('B1.1 进食 = %i → texture-modified diet %p, IDDSI %p', (eating, texture, iddsi) => {
    const e = deriveEntitlements(facts({ gbt: gbt(1, { 'B1.1': eating }) }), MINHANG);
    expect(e.safety.textureModifiedDiet).toBe(texture);
    expect(e.safety.iddsiLevel).toBe(iddsi);
  });

  it('names the eating item and its threshold', () => {
    const e = deriveEntitlements(facts({ gbt: gbt(1, { 'B1.1': 2 }) }), MINHANG);
    expect(e.reasons.safety[0]).toBe('texture-modified diet: GB/T B1.1 进食 2 is ≤ 2 (policy sh-minhang 2026.1, safety.textureModifiedDiet.when)');
  });

  it.each([
    ['no events, walking independently', gbt(0), false, false],
    ['one fall', gbt(1, {}, { fall: 1 }), true, false],
    ['B2.3 平地行走 = 2', gbt(1, { 'B2.3': 2 }), true, false],
    ['one wandering event', gbt(1, {}, { wandering: 1 }), false, true],
  ])('safety flags: %s → fall %p, wandering %p', (_case, assessment, fall, wandering) => {
    const e = deriveEntitlements(facts({ gbt: assessment }), MINHANG);
    expect(e.safety.fallRisk).toBe(fall);
    expect(e.safety.wanderingRisk).toBe(wandering);
  });

  it('wandering risk from diagnosis plus disorientation', () => {
    const e = deriveEntitlements(facts({ dementiaDiagnosed: true, gbt: gbt(2, { 'B3.2': 2 }) }), MINHANG);
    expect(e.safety.wanderingRisk).toBe(true);
  });
});

describe('priority groups and meal-subsidy tiers (Minhang)', () => {
  it.each([
    ['1946-06-15', true], // 80 today
    ['1946-06-16', false], // 80 tomorrow
  ])('高龄 at 80: born %s → %p on 2026-06-15', (birthDate, veryOld) => {
    const e = deriveEntitlements(facts({ birthDate }), MINHANG);
    expect(e.priorityGroups.includes('very-old')).toBe(veryOld);
    expect(e.meals.subsidyTier).toBe(veryOld ? 'tier-3-very-old' : null);
  });

  it.each([
    ['alone', ['living-alone', 'empty-nest']],
    ['with-spouse-only', ['empty-nest']],
    ['with-family', []],
    ['in-institution', []],
  ] as const)('living %s → groups %j', (livingArrangement, groups) => {
    expect(deriveEntitlements(facts({ livingArrangement }), MINHANG).priorityGroups).toEqual(groups);
  });

  it('derives 失能 from either scale and 失智 from a diagnosis', () => {
    expect(deriveEntitlements(facts({ gbt: gbt(2) }), MINHANG).priorityGroups).toEqual(['disabled']);
    expect(deriveEntitlements(facts({ gbt: gbt(1) }), MINHANG).priorityGroups).toEqual([]);
    expect(deriveEntitlements(facts({ shanghai: shanghai(2), gbt: gbt(1) }), MINHANG).priorityGroups).toEqual(['disabled']);
    expect(deriveEntitlements(facts({ dementiaDiagnosed: true }), MINHANG).priorityGroups).toEqual(['cognitive-impairment']);
  });

  it.each([
    ['低保 and 高龄: the higher tier wins', { priorityFlags: ['minimum-income' as const], birthDate: '1940-01-01' }, 'tier-1-hardship', 800],
    ['低收入', { priorityFlags: ['low-income' as const] }, 'tier-2-low-income', 500],
    ['失能 only', { gbt: gbt(2) }, 'tier-4-disabled', 200],
    ['no group', {}, null, 0],
  ])('%s → %s', (_case, overrides, tier, fen) => {
    const e = deriveEntitlements(facts(overrides), MINHANG);
    expect(e.meals.subsidyTier).toBe(tier);
    expect(e.meals.subsidyFenPerMeal).toBe(fen);
  });

  // The delivery line also shows the three-valued logic: "alone AND level ≥ 2" is already false for
  // someone living with family, so it is listed as a "no" although the level is unknown.
  it('explains the tiers it passed over before the one that applied', () => {
    const e = deriveEntitlements(facts({ priorityFlags: ['low-income'] }), MINHANG);
    expect(e.reasons.meals).toEqual([
      'meal assistance (助餐): age 76 is ≥ 60 (policy sh-minhang 2026.1, meals.eligible.when)',
      'canteen dining (堂食), no delivery (not known yet): GB/T B2.3 平地行走 unknown: no GB/T 42195 assessment yet; GB/T B4.4 使用交通工具外出 unknown: no GB/T 42195 assessment yet; Lawton B 购物 unknown: no Lawton IADL result for it; level unknown: no GB/T 42195 assessment yet; living arrangement with-family is not one of alone (policy sh-minhang 2026.1, meals.delivery.when)',
      'not meal subsidy 特困/低保 (tier-1-hardship): in no priority group among 特困 extreme-poverty, 低保 minimum-income (policy sh-minhang 2026.1, meals.subsidyTiers[0].when)',
      'meal subsidy 低收入 (tier-2-low-income) 5.00 yuan/meal: priority group 低收入 low-income (policy sh-minhang 2026.1, meals.subsidyTiers[1].when)',
    ]);
  });

  it('no meal assistance below the age threshold', () => {
    const e = deriveEntitlements(facts({ birthDate: '1970-01-01', priorityFlags: ['minimum-income'] }), MINHANG);
    expect(e.meals).toEqual({ eligible: false, delivery: false, subsidyTier: null, subsidyFenPerMeal: 0 });
  });
});

describe('a non-LTCI district (Wuxi Xinwu)', () => {
  it.each([
    [0, 0], [1, 2], [2, 3], [3, 5], [4, 7],
  ] as const)('GB/T level %i, 低保 → %i h/week of government-purchased home care', (level, hours) => {
    const e = deriveEntitlements(facts({ gbt: gbt(level), priorityFlags: ['minimum-income'] }), WUXI);
    expect(e.homeCare.hoursPerWeek).toBe(hours);
    if (hours > 0) {
      expect(e.homeCare.source).toEqual({ scheme: 'purchased', name: '新吴区政府购买居家养老服务', instrument: GBT_42195_2022_ID, level });
      expect(e.homeCare.fundSharePercent).toBe(100);
      expect(e.homeCare.coPayPercent).toBe(0);
    }
  });

  it('explains that the district has no LTCI and why purchased services do not apply', () => {
    const e = deriveEntitlements(facts({ gbt: gbt(3) }), WUXI);
    expect(e.homeCare.source).toBeNull();
    expect(e.reasons.homeCare[0]).toBe('no long-term care insurance (长期护理保险): the district has no such scheme (policy wuxi-xinwu 2026.1, homeCare.ltci)');
    expect(e.reasons.homeCare[1]).toMatch(/^no 新吴区政府购买居家养老服务: none of: .*\(policy wuxi-xinwu 2026\.1, homeCare\.purchased\.eligibleWhen\)$/);
  });

  it('the very old living alone qualify for purchased services', () => {
    const e = deriveEntitlements(facts({ gbt: gbt(2), birthDate: '1940-01-01', livingArrangement: 'alone' }), WUXI);
    expect(e.homeCare.hoursPerWeek).toBe(3);
  });

  it('reads GB/T, not a Shanghai record', () => {
    const e = deriveEntitlements(facts({ gbt: gbt(1), shanghai: shanghai(5) }), WUXI);
    expect(e.levelUsed).toMatchObject({ instrument: GBT_42195_2022_ID, level: 1 });
    expect(e.bedTypes).toEqual(['general']);
  });

  it('has its own subsidies: a 90-year-old gets the second tier before the 高龄 tier', () => {
    const e = deriveEntitlements(facts({ birthDate: '1936-06-15' }), WUXI);
    expect(e.meals).toEqual({ eligible: true, delivery: false, subsidyTier: 'tier-2-low-income-or-90', subsidyFenPerMeal: 500 });
    expect(deriveEntitlements(facts({ birthDate: '1936-06-16' }), WUXI).meals.subsidyTier).toBe('tier-3-very-old');
  });

  it('counts 低保 for a subsidised bed, unlike Minhang', () => {
    expect(deriveEntitlements(facts({ priorityFlags: ['minimum-income'] }), WUXI).subsidisedBed).toBe(true);
    expect(deriveEntitlements(facts({ priorityFlags: ['minimum-income'] }), MINHANG).subsidisedBed).toBe(false);
    expect(deriveEntitlements(facts({ gbt: gbt(3) }), WUXI).subsidisedBed).toBe(true);
    expect(deriveEntitlements(facts({ gbt: gbt(2) }), WUXI).subsidisedBed).toBe(false);
  });
});

describe('overdue GB/T assessments', () => {
  // Assessed 2025-01-10: due 2026-01-10, overdue from 2026-01-11 (12 months, no grace).
  const assessed = (asOf: string) => facts({ asOf, gbt: gbt(2, { 'B1.1': 2 }, {}, '2025-01-10'), priorityFlags: ['minimum-income'] });

  it('on the due date the level is current', () => {
    const e = deriveEntitlements(assessed('2026-01-10'), WUXI);
    expect(e.levelUsed.expired).toBe(false);
    expect(e.homeCare.hoursPerWeek).toBe(3);
  });

  it('the day after, it is overdue but kept (spec §8), and says so', () => {
    const e = deriveEntitlements(assessed('2026-01-11'), WUXI);
    expect(e.levelUsed).toMatchObject({ level: 2, expired: true });
    expect(e.homeCare.hoursPerWeek).toBe(3);
    expect(e.reasons.homeCare[1]).toContain('GB/T level 2 中度失能 (overdue, kept)');
  });

  it('a policy that drops overdue levels drops the hours but never the safety flags', () => {
    const policy = editablePolicy(WUXI);
    policy.reassessment.whenOverdue = 'drop-level';
    const e = deriveEntitlements(assessed('2026-01-11'), policy);
    expect(e.levelUsed.level).toBeNull();
    expect(e.homeCare.hoursPerWeek).toBe(0);
    expect(e.bedTypes).toEqual([]);
    expect(e.safety.textureModifiedDiet).toBe(true);
  });

  it('grace days push the overdue date', () => {
    const policy = editablePolicy(WUXI);
    policy.reassessment.whenOverdue = 'drop-level';
    policy.reassessment.overdueGraceDays = 30;
    expect(deriveEntitlements(assessed('2026-02-09'), policy).homeCare.hoursPerWeek).toBe(3);
    expect(deriveEntitlements(assessed('2026-02-10'), policy).homeCare.hoursPerWeek).toBe(0);
  });
});

describe('bad or odd inputs', () => {
  it('throws on a malformed asOf (a caller bug, not missing data)', () => {
    expect(() => deriveEntitlements(facts({ asOf: '2026-13-01' }), MINHANG)).toThrow(RangeError);
  });

  it('an invalid birth date makes age rules unknown, with a warning', () => {
    const e = deriveEntitlements(facts({ birthDate: '1950-02-30' }), MINHANG);
    expect(e.meals.eligible).toBe(false);
    expect(e.reasons.meals[0]).toBe('no meal assistance (not known yet): age unknown (birth date 1950-02-30) (policy sh-minhang 2026.1, meals.eligible.when)');
    expect(e.warnings).toEqual(['birth date "1950-02-30" is not a date on or before 2026-06-15; age-based rules are unknown']);
  });

  it('warns when the policy is not in effect on the date', () => {
    const e = deriveEntitlements(facts({ asOf: '2025-12-31' }), MINHANG);
    expect(e.warnings).toEqual(['policy sh-minhang 2026.1 is in effect 2026-01-01 to open end, not on 2025-12-31']);
  });

  it('ignores a GB/T result dated after the date, with a warning', () => {
    const e = deriveEntitlements(facts({ gbt: gbt(3, {}, {}, '2026-07-01') }), WUXI);
    expect(e.levelUsed.level).toBeNull();
    expect(e.warnings).toEqual(['GB/T assessment dated 2026-07-01 is not a date on or before 2026-06-15; it was ignored']);
  });

  it('treats negative continuous-care months as 0, with a warning', () => {
    const e = deriveEntitlements(facts({ shanghai: shanghai(5), continuousCareMonths: -3 }), MINHANG);
    expect(e.homeCare.bonusHoursPerMonth).toBe(0);
    expect(e.warnings).toEqual(['continuousCareMonths -3 is not a number of months ≥ 0; counted as 0']);
  });
});
