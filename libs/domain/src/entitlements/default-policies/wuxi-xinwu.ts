// Default policy for Wuxi Xinwu (无锡市新吴区, 320214), a district without long-term care
// insurance in this model: home-care hours come from government-purchased services keyed by the
// GB/T 42195 level, and meal subsidies differ from Shanghai's. Comment tags as in
// shanghai-minhang.ts: [domain.md], [spec §x TAG], [assumption] (the district must confirm).

import type { DistrictPolicy } from '../district-policy';

export const WUXI_XINWU_POLICY: DistrictPolicy = {
  id: 'wuxi-xinwu',
  districtCode: '320214',
  districtName: '江苏省无锡市新吴区',
  version: '2026.1', // [assumption] version label and start date
  effectiveFrom: '2026-01-01',
  currency: 'CNY-fen',
  // [domain.md] GB/T 42195 is the national instrument; Xinwu targets 100% assessment coverage of people 60+
  levelBasis: 'gbt',

  reassessment: {
    routineMonths: 12, // [spec §8 D]
    reminderDaysBeforeDue: [60, 30], // [spec §8 D]
    disputeWindowDays: 30, // [spec §8 D]
    overdueGraceDays: 0, // [spec §8 D]
    whenOverdue: 'keep-level', // [spec §8 D]
    whenShanghaiRecordExpired: 'drop-level', // not used: no rule here reads the Shanghai scale
  },

  priorityGroups: {
    'extreme-poverty': { name: '特困', when: { kind: 'flag', anyOf: ['extreme-poverty'] }, source: 'civil-affairs records' },
    'minimum-income': { name: '低保', when: { kind: 'flag', anyOf: ['minimum-income'] }, source: 'civil-affairs records' },
    'low-income': { name: '低收入', when: { kind: 'flag', anyOf: ['low-income'] }, source: 'civil-affairs records' },
    'very-old': {
      name: '高龄',
      when: { kind: 'any', of: [{ kind: 'flag', anyOf: ['very-old'] }, { kind: 'age', min: 80 }] }, // [domain.md] often 80+; [assumption] for Xinwu
    },
    'living-alone': {
      name: '独居',
      when: { kind: 'any', of: [{ kind: 'flag', anyOf: ['living-alone'] }, { kind: 'living', anyOf: ['alone'] }] },
    },
    'empty-nest': {
      name: '空巢',
      when: { kind: 'any', of: [{ kind: 'flag', anyOf: ['empty-nest'] }, { kind: 'living', anyOf: ['alone', 'with-spouse-only'] }] }, // [assumption]
    },
    disabled: {
      name: '失能',
      when: { kind: 'any', of: [{ kind: 'flag', anyOf: ['disabled'] }, { kind: 'level', gbt: { min: 2 } }] }, // [spec §9.1] GB/T ≥ 2
    },
    'cognitive-impairment': {
      name: '失智',
      when: { kind: 'any', of: [{ kind: 'flag', anyOf: ['cognitive-impairment'] }, { kind: 'diagnosis', anyOf: ['dementia', 'cognitive-impairment'] }] }, // [spec §9.1]
    },
    'family-planning-special': { name: '计划生育特殊家庭', when: { kind: 'flag', anyOf: ['family-planning-special'] }, source: 'family-planning records' },
    'key-entitled': { name: '重点优抚对象', when: { kind: 'flag', anyOf: ['key-entitled'] }, source: 'veterans-affairs records' },
  },

  beds: {
    general: { when: { kind: 'level', gbt: {} } }, // [spec §9.2 D] any level, once assessed
    nursing: { when: { kind: 'level', gbt: { min: 2 } } }, // [spec §9.2 D]
    'dementia-care': {
      // [spec §9.2 D]
      when: {
        kind: 'all',
        of: [
          { kind: 'diagnosis', anyOf: ['dementia', 'cognitive-impairment'] },
          {
            kind: 'any',
            of: [
              { kind: 'gbt-item', item: 'B3.2', max: 2 },
              { kind: 'gbt-item', item: 'B3.4', max: 2 },
              { kind: 'risk-events', types: ['wandering'], min: 1 },
            ],
          },
        ],
      },
    },
  },

  subsidisedBed: {
    // [assumption] mirrors the Shanghai 保基本 pattern on the GB/T scale; Xinwu adds 低保
    when: {
      kind: 'any',
      of: [
        { kind: 'level', gbt: { min: 3 } },
        { kind: 'diagnosis', anyOf: ['dementia', 'cognitive-impairment'] },
        { kind: 'group', anyOf: ['extreme-poverty', 'minimum-income', 'key-entitled', 'family-planning-special'] },
      ],
    },
  },

  dayCare: {
    // [spec §9.2 D] levels 1–3 and not bed-bound
    when: { kind: 'all', of: [{ kind: 'level', gbt: { min: 1, max: 3 } }, { kind: 'gbt-item', item: 'B2.3', min: 1 }] },
  },

  homeCare: {
    ltci: null, // no LTCI scheme in this model of the district
    purchased: {
      name: '新吴区政府购买居家养老服务',
      scale: 'gbt',
      // [assumption] purchased services go to the 兜底 groups and to the very old living alone
      eligibleWhen: {
        kind: 'any',
        of: [
          { kind: 'group', anyOf: ['extreme-poverty', 'minimum-income', 'low-income', 'family-planning-special', 'key-entitled'] },
          { kind: 'all', of: [{ kind: 'group', anyOf: ['very-old'] }, { kind: 'group', anyOf: ['living-alone'] }] },
        ],
      },
      // [spec §9.2 D placeholders] level 1 → 0–2 h (2 taken), 2 → 3 h, 3 → 5 h, 4 → 7 h
      weeklyVisits: { 1: 2, 2: 3, 3: 5, 4: 7 },
      visitMinutes: 60, // [assumption]
      fundSharePercent: 100, // [assumption] fully paid by the district for eligible groups
      continuousCareBonus: null,
    },
  },

  meals: {
    eligible: { when: { kind: 'age', min: 60 } }, // [domain.md] meals for all seniors; 60 is [assumption]
    delivery: {
      when: {
        kind: 'any',
        of: [
          { kind: 'gbt-item', item: 'B2.3', max: 2 }, // [spec §9.2 D]
          { kind: 'gbt-item', item: 'B4.4', max: 1 }, // [spec §9.2 D]
          { kind: 'lawton-item', item: 'B', max: 0 }, // [spec §9.2 D]
          { kind: 'level', gbt: { min: 3 } }, // [assumption]
        ],
      },
    },
    // [spec §9.2 D] tier order; amounts and the 90+ tier are [assumption]
    subsidyTiers: [
      { id: 'tier-1-hardship', name: '特困/低保', when: { kind: 'group', anyOf: ['extreme-poverty', 'minimum-income'] }, fenPerMeal: 700 },
      {
        id: 'tier-2-low-income-or-90',
        name: '低收入 / 90岁以上',
        when: { kind: 'any', of: [{ kind: 'group', anyOf: ['low-income'] }, { kind: 'age', min: 90 }] },
        fenPerMeal: 500,
      },
      { id: 'tier-3-very-old', name: '高龄', when: { kind: 'group', anyOf: ['very-old'] }, fenPerMeal: 300 },
      { id: 'tier-4-disabled', name: '失能/失智', when: { kind: 'group', anyOf: ['disabled', 'cognitive-impairment'] }, fenPerMeal: 200 },
    ],
  },

  safety: {
    textureModifiedDiet: {
      when: { kind: 'gbt-item', item: 'B1.1', max: 2 }, // [domain.md] 进食 ≤ 2
      iddsiByEatingScore: { 0: 4, 1: 5, 2: 6 }, // [assumption] suggestion only
    },
    fallRisk: {
      when: {
        kind: 'any',
        of: [
          { kind: 'risk-events', types: ['fall'], min: 1 }, // [spec §9.2 D]
          { kind: 'gbt-item', item: 'B2.3', max: 2 }, // [assumption]
        ],
      },
    },
    wanderingRisk: {
      when: {
        kind: 'any',
        of: [
          { kind: 'risk-events', types: ['wandering'], min: 1 }, // [assumption]
          { kind: 'all', of: [{ kind: 'diagnosis', anyOf: ['dementia', 'cognitive-impairment'] }, { kind: 'gbt-item', item: 'B3.2', max: 2 }] }, // [assumption]
        ],
      },
    },
  },
};
