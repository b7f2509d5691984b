import type { AssessmentProblem } from './assessment-problem';
import { type GbtResult, gbt42195Instrument, gbtEatingScore, gbtPreliminaryLevel } from './gbt-42195-2022';

// Every item at its maximum, written out by hand from spec §1.2 (sums to 32 + 15 + 28 + 15 = 90).
const MAX: Readonly<Record<string, number>> = {
  'B1.1': 4, 'B1.2': 4, 'B1.3': 4, 'B1.4': 4, 'B1.5': 4, 'B1.6': 4, 'B1.7': 4, 'B1.8': 4,
  'B2.1': 4, 'B2.2': 4, 'B2.3': 4, 'B2.4': 3,
  'B3.1': 4, 'B3.2': 4, 'B3.3': 4, 'B3.4': 4, 'B3.5': 4, 'B3.6': 4, 'B3.7': 1, 'B3.8': 1, 'B3.9': 2,
  'B4.1': 2, 'B4.2': 2, 'B4.3': 4, 'B4.4': 3, 'B4.5': 4,
};
const B1_ALL = ['B1.1', 'B1.2', 'B1.3', 'B1.4', 'B1.5', 'B1.6', 'B1.7', 'B1.8'];
const B2_ALL = ['B2.1', 'B2.2', 'B2.3', 'B2.4'];
const zero = (...codes: string[]): Record<string, number> => Object.fromEntries(codes.map((c) => [c, 0]));

function submission(items: Record<string, number | string> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { instrument: 'GB/T 42195-2022', items: { ...MAX, ...items }, ...extra };
}

function score(input: unknown): GbtResult {
  const validation = gbt42195Instrument.validate(input);
  if (!validation.ok) throw new Error(validation.problems.map((p) => `${p.path} ${p.code}`).join('; '));
  return gbt42195Instrument.score(validation.answers);
}

function problemsOf(input: unknown): string[] {
  const validation = gbt42195Instrument.validate(input);
  if (validation.ok) throw new Error('expected validation problems');
  return validation.problems.map((p: AssessmentProblem) => `${p.code} ${p.path}`).sort();
}

describe('GB/T 42195-2022 totals and preliminary level bands (spec §1.3)', () => {
  it.each([
    // [case, items lowered, expected B1..B4, total, preliminary level]
    ['all items at maximum', {}, [32, 15, 28, 15], 90, 0],
    ['one point lost (B3.7 攻击行为 = 0)', zero('B3.7'), [32, 15, 27, 15], 89, 1],
    ['B1.1–B1.6 = 0', zero('B1.1', 'B1.2', 'B1.3', 'B1.4', 'B1.5', 'B1.6'), [8, 15, 28, 15], 66, 1],
    ['B1.1–B1.6 and B3.8 = 0', zero('B1.1', 'B1.2', 'B1.3', 'B1.4', 'B1.5', 'B1.6', 'B3.8'), [8, 15, 27, 15], 65, 2],
    ['all B1 and B2.1–B2.3 = 0', zero(...B1_ALL, 'B2.1', 'B2.2', 'B2.3'), [0, 3, 28, 15], 46, 2],
    ['all B1, B2.1–B2.3 and B3.7 = 0', zero(...B1_ALL, 'B2.1', 'B2.2', 'B2.3', 'B3.7'), [0, 3, 27, 15], 45, 3],
    ['all B1, B2, B3.1–B3.3 and B3.7 = 0', zero(...B1_ALL, ...B2_ALL, 'B3.1', 'B3.2', 'B3.3', 'B3.7'), [0, 0, 15, 15], 30, 3],
    ['all B1, B2, B3.1–B3.3, B3.7 and B3.8 = 0', zero(...B1_ALL, ...B2_ALL, 'B3.1', 'B3.2', 'B3.3', 'B3.7', 'B3.8'), [0, 0, 14, 15], 29, 4],
    ['every item 0', zero(...Object.keys(MAX)), [0, 0, 0, 0], 0, 4],
  ])('%s', (_name, lowered, [b1, b2, b3, b4], total, level) => {
    const result = score(submission(lowered));
    expect(result.domainScores).toEqual({ B1: b1, B2: b2, B3: b3, B4: b4 });
    expect(result.total).toBe(total);
    expect(result.preliminaryLevel).toBe(level);
    expect(result.finalLevel).toBe(level);
    expect(result.changes).toEqual([]);
  });

  it('names the levels as the standard does', () => {
    expect(score(submission()).finalLevelName).toBe('能力完好');
    expect(score(submission(zero(...Object.keys(MAX)))).finalLevelName).toBe('完全失能');
    expect(score(submission(zero('B3.7'))).preliminaryLevelName).toBe('轻度失能');
  });

  it.each([
    [90, 0], [89, 1], [66, 1], [65, 2], [46, 2], [45, 3], [30, 3], [29, 4], [0, 4],
  ])('band of total %i is level %i', (total, level) => {
    expect(gbtPreliminaryLevel(total)).toBe(level);
  });

  it('rejects totals outside 0–90', () => {
    expect(() => gbtPreliminaryLevel(91)).toThrow(RangeError);
    expect(() => gbtPreliminaryLevel(-1)).toThrow(RangeError);
  });
});

describe('GB/T 42195-2022 level changes (spec §1.4)', () => {
  describe('C1 coma → 4 完全失能', () => {
    it('fires from the coma field even at full score', () => {
      const result = score(submission({}, { coma: true }));
      expect(result.preliminaryLevel).toBe(0);
      expect(result.finalLevel).toBe(4);
      expect(result.changes.map((c) => [c.code, c.from, c.to])).toEqual([['GBT_C1_COMA', 0, 4]]);
      expect(result.flags.comaSources).toEqual(['A.5.11']);
      // Coma with B3.9 = 2 (alert) is contradictory; scored, but flagged for the assessor.
      expect(result.warnings.some((w) => w.includes('B3.9'))).toBe(true);
    });

    it('fires when B3.9 意识水平 is answered with the coma option (scores 0)', () => {
      const result = score(submission({ 'B3.9': 'coma' }));
      expect(result.items['B3.9']).toBe(0);
      expect(result.total).toBe(88);
      expect(result.preliminaryLevel).toBe(1);
      expect(result.finalLevel).toBe(4);
      expect(result.itemOptions).toEqual({ 'B3.9': 'coma' });
      expect(result.flags.coma).toBe(true);
      expect(result.flags.comaSources).toEqual(['B.3.9']);
    });

    it('does not fire for stupor (also B3.9 = 0) or when coma is false', () => {
      const stupor = score(submission({ 'B3.9': 'stupor' }, { coma: false }));
      expect(stupor.total).toBe(88);
      expect(stupor.finalLevel).toBe(1);
      expect(stupor.flags.coma).toBe(false);
      expect(stupor.changes).toEqual([]);
      expect(score(submission({ 'B3.9': 0 })).finalLevel).toBe(1);
    });

    it('overrides the +1 rules, which are kept as suppressed', () => {
      const result = score(submission(zero('B3.7'), { coma: true, diagnoses: ['F03'], riskEvents30d: { fall: 2 } }));
      expect(result.finalLevel).toBe(4);
      expect(result.changes.map((c) => c.code)).toEqual(['GBT_C1_COMA']);
      expect(result.suppressedChanges.map((s) => [s.code, s.suppressedBy])).toEqual([
        ['GBT_C2_MENTAL_DIAGNOSIS', 'COMA_OVERRIDES'],
        ['GBT_C3_RISK_EVENTS', 'COMA_OVERRIDES'],
      ]);
    });
  });

  describe('C2 dementia F00–F03 or specialist-diagnosed F04–F99 → +1', () => {
    it.each([
      ['F03', ['F03']],
      ['F00.1 (dementia in Alzheimer disease, with a subcode)', ['F00.1']],
      ['lower-case f01', ['f01']],
      ['F20 diagnosed by a psychiatric specialist', [{ code: 'F20', specialistDiagnosed: true }]],
      ['F99 diagnosed by a psychiatric specialist', [{ code: 'F99', specialistDiagnosed: true }]],
    ])('fires for %s', (_name, diagnoses) => {
      const result = score(submission(zero('B3.7'), { diagnoses }));
      expect(result.preliminaryLevel).toBe(1);
      expect(result.finalLevel).toBe(2);
      expect(result.changes).toHaveLength(1);
      expect(result.changes[0]).toMatchObject({ code: 'GBT_C2_MENTAL_DIAGNOSIS', from: 1, to: 2, fromName: '轻度失能', toName: '中度失能', capped: false });
    });

    it.each([
      ['F04 without a specialist diagnosis', ['F04']],
      ['F32 with specialistDiagnosed false', [{ code: 'F32', specialistDiagnosed: false }]],
      ['non-F codes (G30.9 Alzheimer, I63.9 stroke)', ['G30.9', 'I63.9']],
      ['no diagnoses', []],
    ])('does not fire for %s', (_name, diagnoses) => {
      const result = score(submission(zero('B3.7'), { diagnoses }));
      expect(result.finalLevel).toBe(1);
      expect(result.changes).toEqual([]);
    });

    it('says why an unconfirmed F04–F99 code did not count', () => {
      const result = score(submission({}, { diagnoses: ['F20'] }));
      expect(result.warnings).toEqual([expect.stringContaining('F20')]);
    });

    it('exposes the dementia flag for entitlements separately from specialist diagnoses', () => {
      const dementia = score(submission({}, { diagnoses: ['F03', { code: 'F32', specialistDiagnosed: true }] }));
      expect(dementia.flags).toMatchObject({ dementiaDiagnosed: true, dementiaCodes: ['F03'], specialistMentalDisorderDiagnosed: true, specialistMentalDisorderCodes: ['F32'] });
      // Two qualifying diagnoses are still one condition: one raise.
      expect(dementia.finalLevel).toBe(1);
      const other = score(submission({}, { diagnoses: [{ code: 'F32', specialistDiagnosed: true }] }));
      expect(other.flags.dementiaDiagnosed).toBe(false);
    });
  });

  describe('C3 two or more care-risk events in 30 days → +1', () => {
    it('counts the total across types by default (1 fall + 1 choking = 2)', () => {
      const result = score(submission(zero('B3.7'), { riskEvents30d: { fall: 1, choking: 1 } }));
      expect(result.policy.riskEventCounting).toBe('total');
      expect(result.changes.map((c) => [c.code, c.from, c.to])).toEqual([['GBT_C3_RISK_EVENTS', 1, 2]]);
      expect(result.flags.riskEventTotal30d).toBe(2);
    });

    it('counts self-harm and "other", which GB/T added to the list', () => {
      expect(score(submission(zero('B3.7'), { riskEvents30d: { selfHarm: 1, other: 1 } })).finalLevel).toBe(2);
    });

    it('accepts a bare total and Chinese type names', () => {
      expect(score(submission(zero('B3.7'), { riskEvents30d: 2 })).finalLevel).toBe(2);
      expect(score(submission(zero('B3.7'), { riskEvents30d: { 跌倒: 1, 走失: 1 } })).finalLevel).toBe(2);
    });

    it('does not fire for a single event or none', () => {
      expect(score(submission(zero('B3.7'), { riskEvents30d: { fall: 1 } })).finalLevel).toBe(1);
      expect(score(submission(zero('B3.7'), { riskEvents30d: { fall: 1, choking: 0 } })).finalLevel).toBe(1);
      expect(score(submission(zero('B3.7'))).finalLevel).toBe(1);
    });

    it('with per-type counting needs two events of one type', () => {
      const policy = { riskEventCounting: 'per-type' };
      expect(score(submission(zero('B3.7'), { riskEvents30d: { fall: 1, choking: 1 }, policy })).finalLevel).toBe(1);
      const twoFalls = score(submission(zero('B3.7'), { riskEvents30d: { fall: 2 }, policy }));
      expect(twoFalls.finalLevel).toBe(2);
      expect(twoFalls.policy).toEqual({ stacking: 'cumulative', riskEventCounting: 'per-type' });
    });
  });

  describe('stacking of C2 and C3 (policy flag)', () => {
    const both = { diagnoses: ['F03'], riskEvents30d: { fall: 1, wandering: 1 } };

    it('adds both raises by default (cumulative): 1 → 2 → 3', () => {
      const result = score(submission(zero('B3.7'), both));
      expect(result.policy.stacking).toBe('cumulative');
      expect(result.finalLevel).toBe(3);
      expect(result.changes.map((c) => [c.code, c.from, c.to])).toEqual([
        ['GBT_C2_MENTAL_DIAGNOSIS', 1, 2],
        ['GBT_C3_RISK_EVENTS', 2, 3],
      ]);
      expect(result.suppressedChanges).toEqual([]);
    });

    it('applies at most one raise with stacking single: 1 → 2', () => {
      const result = score(submission(zero('B3.7'), { ...both, policy: { stacking: 'single' } }));
      expect(result.finalLevel).toBe(2);
      expect(result.changes.map((c) => [c.code, c.from, c.to])).toEqual([['GBT_C2_MENTAL_DIAGNOSIS', 1, 2]]);
      expect(result.suppressedChanges.map((s) => [s.code, s.suppressedBy])).toEqual([['GBT_C3_RISK_EVENTS', 'SINGLE_STACKING']]);
    });

    it('with stacking single still applies a lone C3', () => {
      const result = score(submission(zero('B3.7'), { riskEvents30d: { fall: 2 }, policy: { stacking: 'single' } }));
      expect(result.finalLevel).toBe(2);
    });
  });

  describe('cap at 4', () => {
    // Total 45 → preliminary 3 重度失能.
    const level3 = zero(...B1_ALL, 'B2.1', 'B2.2', 'B2.3', 'B3.7');

    it('raises a preliminary 3 to 4 (no freeze in GB/T) and caps the second raise', () => {
      const result = score(submission(level3, { diagnoses: ['F02'], riskEvents30d: { choking: 2 } }));
      expect(result.total).toBe(45);
      expect(result.preliminaryLevel).toBe(3);
      expect(result.finalLevel).toBe(4);
      expect(result.changes.map((c) => [c.code, c.from, c.to, c.capped])).toEqual([
        ['GBT_C2_MENTAL_DIAGNOSIS', 3, 4, false],
        ['GBT_C3_RISK_EVENTS', 4, 4, true],
      ]);
    });

    it('keeps a preliminary 4 at 4 and marks the raise as capped', () => {
      const result = score(submission(zero(...Object.keys(MAX)), { diagnoses: ['F03'] }));
      expect(result.finalLevel).toBe(4);
      expect(result.changes).toEqual([expect.objectContaining({ code: 'GBT_C2_MENTAL_DIAGNOSIS', from: 4, to: 4, capped: true })]);
    });
  });
});

describe('GB/T 42195-2022 validation', () => {
  it('lists every problem at once, each naming its item', () => {
    const input = {
      instrument: 'GB/T 42195-2022',
      items: {
        ...MAX,
        'B1.1': 5, // above max
        'B1.2': '4', // a string
        'B1.3': 3.5, // not an integer
        'B3.7': 2, // yes/no item: 0 or 1
        'B2.4': 4, // stairs max is 3
        'B3.9': 'asleep', // not an option
        'B.1.4': 4, // B1.4 again under another spelling
        'B5.1': 1, // no such item
        'B4.5': undefined, // dropped by JSON: missing
      },
      coma: 'no',
      diagnoses: ['F03', 'dementia', { code: 'F2' }, { code: 'F20', specialistDiagnosed: 'yes' }, 42, { code: 'F30', by: 'GP' }],
      riskEvents30d: { fall: -1, flood: 2, choking: 1.5, wandering: '2' },
      policy: { stacking: 'double', riskEventCounting: 3, colour: 'red' },
    };
    expect(problemsOf(JSON.parse(JSON.stringify(input)))).toEqual(
      [
        'VALUE_NOT_ALLOWED items.B1.1',
        'WRONG_TYPE items.B1.2',
        'VALUE_NOT_ALLOWED items.B1.3',
        'VALUE_NOT_ALLOWED items.B3.7',
        'VALUE_NOT_ALLOWED items.B2.4',
        'VALUE_NOT_ALLOWED items.B3.9',
        'DUPLICATE_ITEM items.B1.4',
        'UNKNOWN_ITEM items.B5.1',
        'MISSING_ITEM items.B4.5',
        'WRONG_TYPE coma',
        'BAD_DIAGNOSIS_CODE diagnoses[1]',
        'BAD_DIAGNOSIS_CODE diagnoses[2].code',
        'WRONG_TYPE diagnoses[3].specialistDiagnosed',
        'WRONG_TYPE diagnoses[4]',
        'UNKNOWN_FIELD diagnoses[5].by',
        'NEGATIVE_EVENT_COUNT riskEvents30d.fall',
        'UNKNOWN_EVENT_TYPE riskEvents30d.flood',
        'VALUE_NOT_ALLOWED riskEvents30d.choking',
        'WRONG_TYPE riskEvents30d.wandering',
        'BAD_POLICY_VALUE policy.stacking',
        'WRONG_TYPE policy.riskEventCounting',
        'UNKNOWN_POLICY_FLAG policy.colour',
      ].sort(),
    );
  });

  it('names the item with its Chinese name and the allowed scores', () => {
    const validation = gbt42195Instrument.validate(submission({ 'B2.4': 4 }));
    expect(validation.ok).toBe(false);
    if (!validation.ok) expect(validation.problems[0]?.message).toBe('B2.4 上下楼梯: 4 is not an allowed score (allowed: 0, 1, 2, 3)');
  });

  it('reports a missing items object and a non-object submission', () => {
    expect(problemsOf({ instrument: 'GB/T 42195-2022' })).toEqual(['MISSING_FIELD items']);
    expect(problemsOf({ instrument: 'GB/T 42195-2022', items: [4, 4] })).toEqual(['WRONG_TYPE items']);
    expect(problemsOf('B1.1=4')).toEqual(['WRONG_TYPE $']);
  });

  it('lists all 26 items when none is answered', () => {
    expect(problemsOf({ items: {} })).toHaveLength(26);
  });

  it('rejects a bare event count when counting per type', () => {
    expect(problemsOf(submission({}, { riskEvents30d: 2, policy: { riskEventCounting: 'per-type' } }))).toEqual(['VALUE_NOT_ALLOWED riskEvents30d']);
  });

  it('accepts B.1.1-style codes and Chinese item names, and reports results under canonical codes', () => {
    const { 'B1.1': _eating, 'B3.4': _memory, ...rest } = MAX;
    const result = score({ items: { ...rest, 'B.1.1': 2, 记忆: 3 } });
    expect(result.items['B1.1']).toBe(2);
    expect(result.items['B3.4']).toBe(3);
    expect(result.total).toBe(87);
  });

  it('ignores client totals and levels, with a warning', () => {
    const result = score(submission(zero('B3.7'), { total: 90, finalLevel: 0 }));
    expect(result.total).toBe(89);
    expect(result.finalLevel).toBe(1);
    expect(result.warnings).toHaveLength(2);
  });
});

describe('GB/T 42195-2022 result for other services', () => {
  it('exposes the 进食 score (≤ 2 drives the texture-modified diet)', () => {
    expect(gbtEatingScore(score(submission({ 'B1.1': 2 })))).toBe(2);
    expect(gbtEatingScore(score(submission()))).toBe(4);
  });

  it('states instrument, versions, the policy used and risk events by type', () => {
    const result = score(submission({}, { riskEvents30d: { fall: 1 } }));
    expect(result).toMatchObject({
      kind: 'scored',
      instrument: 'GB/T 42195-2022',
      standardVersion: 'GB/T 42195-2022',
      rulesVersion: 'gbt-42195-2022/1',
      maxTotal: 90,
      policy: { stacking: 'cumulative', riskEventCounting: 'total' },
    });
    expect(result.flags.riskEvents30d).toEqual({ fall: 1 });
    expect(result.domains.map((d) => [d.code, d.name, d.max])).toEqual([
      ['B1', '自理能力', 32],
      ['B2', '基础运动能力', 15],
      ['B3', '精神状态', 28],
      ['B4', '感知觉与社会参与', 15],
    ]);
  });
});
