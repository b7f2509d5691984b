import { type MztResult, mzt039Instrument } from './mzt-039-2013';
import { mztAdlGrade, mztMentalGrade, mztSensoryGrade, mztSocialGrade } from './mzt-039-2013-grades';
import { type MztDomainGrades, mztPreliminaryLevel } from './mzt-039-2013-matrix';
import type { MztGrade } from './mzt-039-2013-grades';

// A person with no problems: ADL at maximum (10+5+5+10+10+10+10+15+15+10 = 100), all
// "higher is worse" items at 0. Written out by hand from spec §2.1.
const HEALTHY: Readonly<Record<string, number>> = {
  'B1.1': 10, 'B1.2': 5, 'B1.3': 5, 'B1.4': 10, 'B1.5': 10, 'B1.6': 10, 'B1.7': 10, 'B1.8': 15, 'B1.9': 15, 'B1.10': 10,
  'B2.1': 0, 'B2.2': 0, 'B2.3': 0,
  'B3.1': 0, 'B3.2': 0, 'B3.3': 0, 'B3.4': 0,
  'B4.1': 0, 'B4.2': 0, 'B4.3': 0, 'B4.4': 0, 'B4.5': 0,
};
// ADL 60 (grade 2): transfers 0 + walking 0 + bathing 0 + grooming 0 → 100 − 15 − 15 − 5 − 5 = 60.
const ADL_60 = { 'B1.8': 0, 'B1.9': 0, 'B1.2': 0, 'B1.3': 0 };
// ADL 40 (grade 3): the above plus feeding 0 and dressing 0 → 60 − 10 − 10 = 40.
const ADL_40 = { ...ADL_60, 'B1.1': 0, 'B1.4': 0 };
// ADL 95 (grade 1): grooming 0.
const ADL_95 = { 'B1.3': 0 };

function submission(items: Record<string, number> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { instrument: 'MZ/T 039-2013', items: { ...HEALTHY, ...items }, ...extra };
}

function score(input: unknown): MztResult {
  const validation = mzt039Instrument.validate(input);
  if (!validation.ok) throw new Error(validation.problems.map((p) => `${p.path} ${p.code}`).join('; '));
  return mzt039Instrument.score(validation.answers);
}

describe('MZ/T 039-2013 domain grades (spec §2.1)', () => {
  it.each([
    ['ADL 100', {}, 100, 0],
    ['ADL 95', ADL_95, 95, 1],
    ['ADL 65 (transfers, walking, grooming 0)', { 'B1.8': 0, 'B1.9': 0, 'B1.3': 0 }, 65, 1],
    ['ADL 60', ADL_60, 60, 2],
    ['ADL 45 (transfers, walking, feeding, dressing, grooming 0)', { 'B1.8': 0, 'B1.9': 0, 'B1.1': 0, 'B1.4': 0, 'B1.3': 0 }, 45, 2],
    ['ADL 40', ADL_40, 40, 3],
  ])('%s → ADL grade', (_name, items, adlTotal, grade) => {
    const result = score(submission(items));
    expect(result.domainScores.B1).toBe(adlTotal);
    expect(result.domainGrades.B1).toBe(grade);
  });

  it.each([
    [0, 0], [1, 1], [2, 2], [3, 2], [4, 3], [6, 3],
  ])('mental-state sum %i → grade %i', (sum, grade) => expect(mztMentalGrade(sum).grade).toBe(grade));

  it.each([
    [0, 0], [2, 0], [3, 1], [7, 1], [8, 2], [13, 2], [14, 3], [20, 3],
  ])('social sum %i → grade %i', (sum, grade) => expect(mztSocialGrade(sum).grade).toBe(grade));

  it.each([
    // consciousness, vision, hearing, communication → grade
    [0, 0, 0, 0, 0],
    [0, 1, 1, 0, 0],
    [0, 2, 0, 0, 1],
    [0, 0, 2, 0, 1],
    [0, 0, 0, 1, 1],
    [0, 3, 0, 0, 2],
    [0, 0, 3, 0, 2],
    [0, 0, 0, 2, 2],
    [1, 0, 0, 0, 2], // somnolent is never below 2
    [1, 3, 3, 2, 2],
    [0, 4, 0, 0, 3],
    [0, 0, 4, 0, 3],
    [0, 0, 0, 3, 3],
    [1, 4, 0, 0, 3],
    [2, 0, 0, 0, 3], // stupor
    [3, 0, 0, 0, 3], // coma
  ])('sensory: consciousness %i, vision %i, hearing %i, communication %i → grade %i', (consciousness, vision, hearing, communication, grade) => {
    expect(mztSensoryGrade({ consciousness, vision, hearing, communication }).grade).toBe(grade);
  });

  it('grades through the whole instrument with the items summed per domain', () => {
    const result = score(submission({ ...ADL_95, 'B2.2': 1, 'B2.3': 2, 'B3.2': 3, 'B4.1': 4, 'B4.5': 4 }));
    expect(result.domainScores).toEqual({ B1: 95, B2: 3, B4: 8 });
    expect(result.domainGrades).toEqual({ B1: 1, B2: 2, B3: 2, B4: 2 });
    expect(result.domainGradeRules.B3.rule).toBe('SENSORY_2_ALERT');
    expect(result.total).toBeNull();
  });

  it('ADL grade bands are those of the spec', () => {
    expect([100, 95, 65, 60, 45, 40, 0].map((t) => mztAdlGrade(t).grade)).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });
});

describe('MZ/T 039-2013 preliminary level matrix (spec §2.2)', () => {
  const g = (adl: MztGrade, mental: MztGrade, sensory: MztGrade, social: MztGrade): MztDomainGrades => ({ adl, mental, sensory, social });

  it.each([
    // a, m, p, s → level, rules matched
    [g(0, 0, 0, 0), 0, ['MZT_L0']],
    [g(0, 0, 0, 1), 0, ['MZT_L0']],
    [g(0, 1, 0, 0), 1, ['MZT_L1_ADL0']],
    [g(0, 0, 0, 2), 1, ['MZT_L1_ADL0']],
    [g(0, 3, 3, 3), 1, ['MZT_L1_ADL0']],
    [g(1, 0, 0, 0), 1, ['MZT_L1_ADL1']],
    [g(1, 2, 2, 1), 1, ['MZT_L1_ADL1']],
    [g(1, 2, 2, 2), 2, ['MZT_L2_ADL1']],
    [g(1, 3, 3, 2), 2, ['MZT_L2_ADL1']], // "one of them = 3" read as "at least one"
    [g(2, 1, 0, 0), 2, ['MZT_L2_ADL2']],
    [g(2, 2, 2, 0), 2, ['MZT_L2_ADL2']],
    [g(2, 2, 2, 2), 3, ['MZT_L3_ALL2']],
    [g(2, 3, 0, 0), 3, ['MZT_L3_ADL2_ANY3']],
    [g(3, 0, 0, 0), 3, ['MZT_L3_ADL3']],
  ])('written rule: %o → level %i', (grades, level, rules) => {
    const outcome = mztPreliminaryLevel(grades);
    expect(outcome.level).toBe(level);
    expect(outcome.matchedRules).toEqual(rules);
    expect(outcome.resolution).toBeNull();
  });

  it.each([
    [g(0, 0, 0, 3), 1, 'MZT_GAP_ADL0_SOCIAL3'],
    [g(2, 0, 0, 0), 2, 'MZT_GAP_ADL2_NONE_MILD'],
    [g(2, 1, 2, 2), 2, 'MZT_GAP_ADL2_ALL_MILD_MIXED'],
    [g(2, 1, 1, 1), 2, 'MZT_GAP_ADL2_ALL_MILD_MIXED'],
  ])('gap: %o → level %i by %s', (grades, level, resolution) => {
    const outcome = mztPreliminaryLevel(grades);
    expect(outcome.level).toBe(level);
    expect(outcome.matchedRules).toEqual([]);
    expect(outcome.resolution?.code).toBe(resolution);
  });

  it.each([
    [g(1, 3, 0, 0), 2, ['MZT_L1_ADL1', 'MZT_L2_ADL1']],
    [g(1, 1, 3, 2), 2, ['MZT_L1_ADL1', 'MZT_L2_ADL1']],
    [g(2, 3, 1, 0), 3, ['MZT_L2_ADL2', 'MZT_L3_ADL2_ANY3']],
  ])('overlap: %o → the higher level %i', (grades, level, rules) => {
    const outcome = mztPreliminaryLevel(grades);
    expect(outcome.level).toBe(level);
    expect(outcome.matchedRules).toEqual(rules);
    expect(outcome.resolution?.code).toBe('MZT_OVERLAP_TAKE_HIGHER');
  });

  describe('all 256 grade combinations', () => {
    const grades: MztGrade[] = [0, 1, 2, 3];
    const all = grades.flatMap((a) => grades.flatMap((m) => grades.flatMap((p) => grades.map((s) => g(a, m, p, s)))));
    const others = (x: MztDomainGrades): MztGrade[] => [x.mental, x.sensory, x.social];

    // The resolved matrix restated independently from the spec's text and its §2.2 resolutions.
    const expectedLevel = (x: MztDomainGrades): number => {
      const any3 = others(x).includes(3);
      const all2 = others(x).every((v) => v === 2);
      if (x.adl === 0) return x.mental === 0 && x.sensory === 0 && x.social <= 1 ? 0 : 1;
      if (x.adl === 1) return any3 || all2 ? 2 : 1;
      if (x.adl === 2) return any3 || all2 ? 3 : 2;
      return 3;
    };

    it('each gets the level of the resolved matrix', () => {
      const wrong = all.filter((x) => mztPreliminaryLevel(x).level !== expectedLevel(x));
      expect(wrong).toEqual([]);
    });

    it('gaps are exactly the combinations the spec names (9 of them)', () => {
      const specGap = (x: MztDomainGrades): boolean =>
        (x.adl === 0 && x.mental === 0 && x.sensory === 0 && x.social === 3) ||
        (x.adl === 2 && others(x).every((v) => v === 0)) ||
        (x.adl === 2 && others(x).every((v) => v === 1 || v === 2) && !others(x).every((v) => v === 2));
      const gaps = all.filter((x) => mztPreliminaryLevel(x).matchedRules.length === 0);
      expect(gaps).toEqual(all.filter(specGap));
      expect(gaps).toHaveLength(9);
    });

    it('overlaps are a = 1 with a 3 and a 0/1, and a = 2 with a 3 and a 1/2', () => {
      const specOverlap = (x: MztDomainGrades): boolean =>
        (x.adl === 1 && others(x).includes(3) && others(x).some((v) => v <= 1)) ||
        (x.adl === 2 && others(x).includes(3) && others(x).some((v) => v === 1 || v === 2));
      const overlaps = all.filter((x) => mztPreliminaryLevel(x).resolution?.code === 'MZT_OVERLAP_TAKE_HIGHER');
      expect(overlaps).toEqual(all.filter(specOverlap));
    });
  });

  it('reports the matrix decision in the scored result', () => {
    // ADL 60 (grade 2) with everything else 0 is the a = 2, all-0 gap.
    const result = score(submission(ADL_60));
    expect(result.preliminaryLevel).toBe(2);
    expect(result.matrix.resolution?.code).toBe('MZT_GAP_ADL2_NONE_MILD');
  });
});

describe('MZ/T 039-2013 level changes (spec §2.3)', () => {
  it('rule 1: a dementia diagnosis raises one level', () => {
    const result = score(submission({}, { diagnoses: ['F03'] }));
    expect(result.preliminaryLevel).toBe(0);
    expect(result.finalLevel).toBe(1);
    expect(result.changes.map((c) => [c.code, c.from, c.to])).toEqual([['MZT_R1_COGNITIVE_OR_MENTAL', 0, 1]]);
  });

  it('rule 1: 认知功能 B2.1 = 2 (diagnosed cognitive impairment) raises one level', () => {
    // B2.1 = 2 → mental sum 2 → m = 2 → with a = 0: level 1; rule 1 → 2.
    const result = score(submission({ 'B2.1': 2 }));
    expect(result.domainGrades.B2).toBe(2);
    expect(result.preliminaryLevel).toBe(1);
    expect(result.finalLevel).toBe(2);
    expect(result.flags.cognitiveOrMentalEvidence).toEqual(['B2.1 认知功能 = 2 (diagnosed cognitive impairment)']);
  });

  it('rule 1: mental illness F04–F99 counts without a specialist flag (MZ/T asks for none)', () => {
    expect(score(submission({}, { diagnoses: ['F20'] })).finalLevel).toBe(1);
  });

  it('rule 1 does not fire for B2.1 = 1 or non-mental diagnoses', () => {
    const result = score(submission({ 'B2.1': 1 }, { diagnoses: ['I10'] }));
    expect(result.preliminaryLevel).toBe(1);
    expect(result.finalLevel).toBe(1);
    expect(result.changes).toEqual([]);
  });

  it('rule 2: two or more falls, choking, suicide or wandering events raise one level', () => {
    expect(score(submission({}, { riskEvents30d: { fall: 2 } })).finalLevel).toBe(1);
    expect(score(submission({}, { riskEvents30d: { suicide: 1, wandering: 1 } })).finalLevel).toBe(1);
    expect(score(submission({}, { riskEvents30d: { fall: 1 } })).finalLevel).toBe(0);
  });

  it('rule 2 does not count self-harm or "other" (GB/T-only types), and says so', () => {
    const result = score(submission({}, { riskEvents30d: { fall: 1, selfHarm: 1, other: 3 } }));
    expect(result.finalLevel).toBe(0);
    expect(result.flags.riskEventTotal30d).toBe(1);
    expect(result.warnings).toHaveLength(2);
  });

  it('rule 2 honours per-type counting', () => {
    const policy = { riskEventCounting: 'per-type' };
    expect(score(submission({}, { riskEvents30d: { fall: 1, choking: 1 }, policy })).finalLevel).toBe(0);
    expect(score(submission({}, { riskEvents30d: { choking: 2 }, policy })).finalLevel).toBe(1);
  });

  it('rule 3: coma sets the level to 3 重度失能, from the coma field or B3.1 = 3', () => {
    const field = score(submission({}, { coma: true }));
    expect(field.finalLevel).toBe(3);
    expect(field.finalLevelName).toBe('重度失能');
    expect(field.changes.map((c) => [c.code, c.from, c.to])).toEqual([['MZT_R3_COMA', 0, 3]]);
    // B3.1 = 3 → sensory grade 3 → with a = 0: level 1 → coma → 3.
    const item = score(submission({ 'B3.1': 3 }));
    expect(item.preliminaryLevel).toBe(1);
    expect(item.finalLevel).toBe(3);
    expect(item.flags.comaSources).toEqual(['B.3.1 = 3']);
    // B3.1 = 2 (stupor) is not coma.
    expect(score(submission({ 'B3.1': 2 })).finalLevel).toBe(1);
  });

  it('rule 4: a preliminary 3 is frozen; every met rule is recorded as suppressed', () => {
    const result = score(submission(ADL_40, { coma: true, diagnoses: ['F03'], riskEvents30d: { fall: 2 } }));
    expect(result.preliminaryLevel).toBe(3);
    expect(result.finalLevel).toBe(3);
    expect(result.changes).toEqual([]);
    expect(result.suppressedChanges.map((s) => [s.code, s.suppressedBy])).toEqual([
      ['MZT_R3_COMA', 'SEVERE_LEVEL_FROZEN'],
      ['MZT_R1_COGNITIVE_OR_MENTAL', 'SEVERE_LEVEL_FROZEN'],
      ['MZT_R2_RISK_EVENTS', 'SEVERE_LEVEL_FROZEN'],
    ]);
  });

  it('stacks rules 1 and 2 by default and caps at 3', () => {
    const both = { diagnoses: ['F01'], riskEvents30d: { fall: 1, choking: 1 } };
    // ADL 95 → a = 1, others 0 → level 1; +1 +1 → 3.
    const fromOne = score(submission(ADL_95, both));
    expect(fromOne.preliminaryLevel).toBe(1);
    expect(fromOne.finalLevel).toBe(3);
    // ADL 60 → level 2; +1 → 3, second raise capped.
    const fromTwo = score(submission(ADL_60, both));
    expect(fromTwo.finalLevel).toBe(3);
    expect(fromTwo.changes.map((c) => [c.from, c.to, c.capped])).toEqual([[2, 3, false], [3, 3, true]]);
  });

  it('applies one raise only with stacking single', () => {
    const result = score(submission(ADL_95, { diagnoses: ['F01'], riskEvents30d: { fall: 2 }, policy: { stacking: 'single' } }));
    expect(result.finalLevel).toBe(2);
    expect(result.suppressedChanges.map((s) => [s.code, s.suppressedBy])).toEqual([['MZT_R2_RISK_EVENTS', 'SINGLE_STACKING']]);
  });

  it('keeps its own 0–3 scale and never reports a GB/T level', () => {
    const result = score(submission(ADL_40));
    expect(result.instrument).toBe('MZ/T 039-2013');
    expect(result.levelScale).toBe('MZ/T 039-2013 0–3 (not comparable with GB/T 42195 0–4)');
    expect(result.finalLevel).toBe(3);
    expect(result.finalLevelName).toBe('重度失能');
  });
});

describe('MZ/T 039-2013 validation', () => {
  it('lists every problem at once', () => {
    const validation = mzt039Instrument.validate({
      items: { ...HEALTHY, 'B1.1': 7, 'B1.8': 20, 'B1.2': 10, 'B2.1': 3, 'B3.1': 4, 'B3.4': 4, 'B4.3': 5, 'B1.11': 5, 'B4.5': null },
      diagnoses: ['F0'],
      riskEvents30d: { choking: -2 },
      policy: { stacking: 'twice' },
    });
    expect(validation.ok).toBe(false);
    if (validation.ok) return;
    expect(validation.problems.map((p) => `${p.code} ${p.path}`).sort()).toEqual([
      'VALUE_NOT_ALLOWED items.B1.1',
      'VALUE_NOT_ALLOWED items.B1.8',
      'VALUE_NOT_ALLOWED items.B1.2',
      'VALUE_NOT_ALLOWED items.B2.1',
      'VALUE_NOT_ALLOWED items.B3.1',
      'VALUE_NOT_ALLOWED items.B3.4',
      'VALUE_NOT_ALLOWED items.B4.3',
      'UNKNOWN_ITEM items.B1.11',
      'WRONG_TYPE items.B4.5',
      'BAD_DIAGNOSIS_CODE diagnoses[0]',
      'BAD_POLICY_VALUE policy.stacking',
      'NEGATIVE_EVENT_COUNT riskEvents30d.choking',
    ].sort());
    expect(validation.problems.find((p) => p.path === 'items.B1.1')?.message).toBe('B1.1 进食: 7 is not an allowed score (allowed: 0, 5, 10)');
  });
});
