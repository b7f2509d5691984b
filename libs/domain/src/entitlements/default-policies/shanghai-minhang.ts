// Default policy for Shanghai Minhang (闵行区, 310112), an LTCI district. Where a number comes
// from, in the comment beside it:
//   [domain.md]   the project's domain summary (district plans and the public rules behind them);
//   [spec §x V…]  assessment-standards.md with its confidence tag (V verified, V2 two sources,
//                 R recalled/unverified, D the spec's own design proposal);
//   [assumption]  illustrative only: the district must confirm or replace it before go-live.
// A new year or a corrected figure is a new version with its own effectiveFrom, never an edit of
// a version that has been in force.

import type { DistrictPolicy } from '../district-policy';

export const SHANGHAI_MINHANG_POLICY: DistrictPolicy = {
  id: 'sh-minhang',
  districtCode: '310112',
  districtName: '上海市闵行区',
  version: '2026.1', // [assumption] version label and start date
  effectiveFrom: '2026-01-01',
  currency: 'CNY-fen',
  // The Shanghai 统一需求评估 level is authoritative where it exists; GB/T fills in for rules that
  // allow it (spec §3.1 D: never computed, never replaced by GB/T for LTCI).
  levelBasis: 'shanghai-else-gbt',

  reassessment: {
    routineMonths: 12, // [spec §8 D] platform default
    reminderDaysBeforeDue: [60, 30], // [spec §8 D]
    disputeWindowDays: 30, // [spec §8 D] "e.g. 30 days"
    overdueGraceDays: 0, // [spec §8 D] overdue right after the due date
    whenOverdue: 'keep-level', // [spec §8 D] keep the level, raise a task; bureau to confirm (§10 q3)
    whenShanghaiRecordExpired: 'keep-level', // [assumption] same rule as GB/T; LTCI may refuse claims on an expired record
  },

  priorityGroups: {
    'extreme-poverty': { name: '特困', when: { kind: 'flag', anyOf: ['extreme-poverty'] }, source: 'civil-affairs records' },
    'minimum-income': { name: '低保', when: { kind: 'flag', anyOf: ['minimum-income'] }, source: 'civil-affairs records' },
    'low-income': { name: '低收入', when: { kind: 'flag', anyOf: ['low-income'] }, source: 'civil-affairs records' },
    'very-old': {
      name: '高龄',
      // [domain.md] "the very old (高龄, often 80+)"; 80 is [assumption] for Minhang
      when: { kind: 'any', of: [{ kind: 'flag', anyOf: ['very-old'] }, { kind: 'age', min: 80 }] },
    },
    'living-alone': {
      name: '独居',
      when: { kind: 'any', of: [{ kind: 'flag', anyOf: ['living-alone'] }, { kind: 'living', anyOf: ['alone'] }] },
    },
    'empty-nest': {
      name: '空巢',
      // [assumption] no child in the household: alone or with the spouse only
      when: { kind: 'any', of: [{ kind: 'flag', anyOf: ['empty-nest'] }, { kind: 'living', anyOf: ['alone', 'with-spouse-only'] }] },
    },
    disabled: {
      name: '失能',
      // [spec §9.1] GB/T final level ≥ 2 or a Shanghai level; Shanghai ≥ 2 (the LTCI threshold) is [assumption]
      when: {
        kind: 'any',
        of: [
          { kind: 'flag', anyOf: ['disabled'] },
          { kind: 'level', basis: 'gbt', gbt: { min: 2 } },
          { kind: 'level', basis: 'shanghai', shanghai: { min: 2 } },
        ],
      },
    },
    'cognitive-impairment': {
      name: '失智',
      // [spec §9.1] F00–F03 diagnosis or a positive cognitive screening
      when: { kind: 'any', of: [{ kind: 'flag', anyOf: ['cognitive-impairment'] }, { kind: 'diagnosis', anyOf: ['dementia', 'cognitive-impairment'] }] },
    },
    'family-planning-special': { name: '计划生育特殊家庭', when: { kind: 'flag', anyOf: ['family-planning-special'] }, source: 'family-planning records' },
    'key-entitled': { name: '重点优抚对象', when: { kind: 'flag', anyOf: ['key-entitled'] }, source: 'veterans-affairs records' },
  },

  beds: {
    // [spec §9.2 D] any level; needing an assessment first is [assumption] (application → assessment → offer)
    general: { when: { kind: 'level', gbt: {}, shanghai: {} } },
    // [spec §9.2 D] GB/T ≥ 2; Shanghai ≥ 2 (LTCI institutional care from 照护二级, spec §3.2 R) is [assumption]
    nursing: { when: { kind: 'level', gbt: { min: 2 }, shanghai: { min: 2 } } },
    'dementia-care': {
      // [spec §9.2 D] diagnosis or screening AND (B3.2 空间定向 ≤ 2 or B3.4 记忆 ≤ 2 or a wandering event)
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
    // [domain.md, spec §3.2 V] 照护等级三级及以上, or diagnosed cognitive impairment, or 特困/重点优抚/计划生育特殊家庭.
    // The rule is written on the Shanghai level: a GB/T result alone does not qualify.
    basis: 'shanghai',
    source: '沪民规〔2022〕15号',
    when: {
      kind: 'any',
      of: [
        { kind: 'level', shanghai: { min: 3 } },
        { kind: 'diagnosis', anyOf: ['dementia', 'cognitive-impairment'] },
        { kind: 'group', anyOf: ['extreme-poverty', 'key-entitled', 'family-planning-special'] },
      ],
    },
  },

  dayCare: {
    // [spec §9.2 D] GB/T levels 1–3 and not bed-bound (B2.3 平地行走 ≥ 1); no Shanghai figure is public
    basis: 'gbt',
    when: { kind: 'all', of: [{ kind: 'level', gbt: { min: 1, max: 3 } }, { kind: 'gbt-item', item: 'B2.3', min: 1 }] },
  },

  homeCare: {
    ltci: {
      name: '上海长期护理保险 社区居家照护',
      scale: 'shanghai',
      source: '上海市长期护理保险试点办法',
      // [assumption] LTCI covers insured people aged 60+; insurance enrolment is not among the facts yet
      eligibleWhen: { kind: 'age', min: 60 },
      // [domain.md, spec §3.2 V2] 3/3/5/7/7 one-hour visits a week for care levels 2/3/4/5/6
      weeklyVisits: { 2: 3, 3: 3, 4: 5, 5: 7, 6: 7 },
      visitMinutes: 60, // [spec §3.2 V2]
      fundSharePercent: 90, // [domain.md, spec §3.2 V]
      continuousCareBonus: {
        levels: [5, 6], // [spec §3.2 V2]
        steps: [
          { overMonths: 1, extraHoursPerMonth: 1, cashAlternativeFenPerMonth: 4000 }, // [spec §3.2 V2] >1 to ≤6 months: +1 h or 40 yuan
          { overMonths: 6, extraHoursPerMonth: 2, cashAlternativeFenPerMonth: 8000 }, // [spec §3.2 V] >6 months: +2 h or 80 yuan
        ],
      },
    },
    // [assumption] Shanghai's 居家养老服务补贴 for low-income seniors is not modelled until the district gives its table
    purchased: null,
  },

  meals: {
    eligible: { when: { kind: 'age', min: 60 } }, // [domain.md] 助餐 is for all seniors; 60 is [assumption]
    delivery: {
      basis: 'gbt',
      when: {
        kind: 'any',
        of: [
          { kind: 'gbt-item', item: 'B2.3', max: 2 }, // [spec §9.2 D] 平地行走 ≤ 2
          { kind: 'gbt-item', item: 'B4.4', max: 1 }, // [spec §9.2 D] 使用交通工具外出 ≤ 1
          { kind: 'lawton-item', item: 'B', max: 0 }, // [spec §9.2 D] Lawton 购物 = 0
          { kind: 'level', gbt: { min: 3 } }, // [assumption] severe disability
          { kind: 'all', of: [{ kind: 'living', anyOf: ['alone'] }, { kind: 'level', gbt: { min: 2 } }] }, // [assumption]
        ],
      },
    },
    // [spec §9.2 D] order 特困/低保 > 低收入 > 高龄 > 失能/失智; all amounts are [assumption]
    subsidyTiers: [
      { id: 'tier-1-hardship', name: '特困/低保', when: { kind: 'group', anyOf: ['extreme-poverty', 'minimum-income'] }, fenPerMeal: 800 },
      { id: 'tier-2-low-income', name: '低收入', when: { kind: 'group', anyOf: ['low-income'] }, fenPerMeal: 500 },
      { id: 'tier-3-very-old', name: '高龄', when: { kind: 'group', anyOf: ['very-old'] }, fenPerMeal: 300 },
      { id: 'tier-4-disabled', name: '失能/失智', when: { kind: 'group', anyOf: ['disabled', 'cognitive-impairment'] }, fenPerMeal: 200 },
    ],
  },

  safety: {
    textureModifiedDiet: {
      when: { kind: 'gbt-item', item: 'B1.1', max: 2 }, // [domain.md, spec §9.2 D] 进食 ≤ 2: choking risk
      iddsiByEatingScore: { 0: 4, 1: 5, 2: 6 }, // [assumption] suggestion only; a clinician sets the texture
    },
    fallRisk: {
      when: {
        kind: 'any',
        of: [
          { kind: 'risk-events', types: ['fall'], min: 1 }, // [spec §9.2 D] any fall event
          { kind: 'gbt-item', item: 'B2.2', max: 2 }, // [assumption] 床椅转移 needs help
          { kind: 'gbt-item', item: 'B2.3', max: 2 }, // [assumption] 平地行走 needs help
        ],
      },
    },
    wanderingRisk: {
      when: {
        kind: 'any',
        of: [
          { kind: 'risk-events', types: ['wandering'], min: 1 }, // [assumption] a 走失 event
          {
            kind: 'all',
            of: [{ kind: 'diagnosis', anyOf: ['dementia', 'cognitive-impairment'] }, { kind: 'gbt-item', item: 'B3.2', max: 2 }],
          }, // [assumption] diagnosed and disoriented in place
        ],
      },
    },
  },
};
