import { type ConditionContext, evaluateCondition } from './condition-evaluation';
import type { LevelReadings } from './level-resolution';
import type { Condition } from './policy-conditions';
import { type BarthelResult, type GbtResult, gbt42195Instrument } from '../assessment';
import { facts, gbtResult } from './test/fixtures';

function gbtWithDiagnosis(code: string): GbtResult {
  const items = { ...gbtResult(0).items };
  const validation = gbt42195Instrument.validate({ instrument: 'GB/T 42195-2022', items, diagnoses: [code] });
  if (!validation.ok) throw new Error('invalid fixture');
  return gbt42195Instrument.score(validation.answers);
}

const NO_LEVELS: LevelReadings = {
  gbt: { level: null, missing: 'no GB/T 42195 assessment yet' },
  shanghai: { level: null, missing: 'no Shanghai care-needs record' },
};

function context(overrides: Partial<ConditionContext> = {}): ConditionContext {
  return { facts: facts(), age: 76, levels: NO_LEVELS, gbtObservation: null, lawton: null, barthel: null, groups: new Set(), ...overrides };
}

const walks: Condition = { kind: 'gbt-item', item: 'B2.3', min: 1 };
const old: Condition = { kind: 'age', min: 80 };
const young: Condition = { kind: 'age', max: 79 };

describe('three-valued condition logic', () => {
  it.each([
    // [case, condition, truth without a GB/T result]
    ['an item nobody assessed', walks, 'unknown'],
    ['"not bed-bound" is not granted because nobody looked', { kind: 'not', of: walks }, 'unknown'],
    ['all: a known "no" decides', { kind: 'all', of: [walks, old] }, 'no'],
    ['all: unknown when nothing says no', { kind: 'all', of: [walks, young] }, 'unknown'],
    ['any: a known "yes" decides', { kind: 'any', of: [walks, young] }, 'yes'],
    ['any: unknown when nothing says yes', { kind: 'any', of: [walks, old] }, 'unknown'],
    ['any of knowns, none met', { kind: 'any', of: [old, { kind: 'living', anyOf: ['alone'] }] }, 'no'],
    ['not of a known', { kind: 'not', of: old }, 'yes'],
    ['always', { kind: 'always' }, 'yes'],
  ] as [string, Condition, string][])('%s → %s', (_case, condition, truth) => {
    expect(evaluateCondition(condition, context(), 'gbt').truth).toBe(truth);
  });

  it('reads the item once a GB/T result exists, at the boundary', () => {
    const at1 = context({ gbtObservation: gbtResult(2, { 'B2.3': 1 }) });
    const at0 = context({ gbtObservation: gbtResult(2, { 'B2.3': 0 }) });
    expect(evaluateCondition(walks, at1, 'gbt')).toEqual({ truth: 'yes', text: 'GB/T B2.3 平地行走 1 is ≥ 1' });
    expect(evaluateCondition(walks, at0, 'gbt')).toEqual({ truth: 'no', text: 'GB/T B2.3 平地行走 0 is not ≥ 1' });
  });

  it('sums only the listed risk-event types', () => {
    // Two events in 30 days also raise the GB/T level by one (C.4 (3)): 能力完好 becomes level 1.
    const c = context({ gbtObservation: gbtResult(0, {}, { fall: 1, choking: 1 }, 1) });
    expect(evaluateCondition({ kind: 'risk-events', types: ['fall'], min: 2 }, c, 'gbt').truth).toBe('no');
    expect(evaluateCondition({ kind: 'risk-events', types: ['fall', 'choking'], min: 2 }, c, 'gbt').truth).toBe('yes');
  });

  it('a dementia code in the GB/T result counts as a diagnosis', () => {
    const dementia: Condition = { kind: 'diagnosis', anyOf: ['dementia'] };
    expect(evaluateCondition(dementia, context({ gbtObservation: gbtResult(1) }), 'gbt').truth).toBe('no');
    expect(evaluateCondition(dementia, context({ gbtObservation: gbtWithDiagnosis('F03') }), 'gbt').truth).toBe('yes');
    // F20 without a specialist does not count as dementia (nor as anything else here).
    expect(evaluateCondition(dementia, context({ gbtObservation: gbtWithDiagnosis('F20') }), 'gbt').truth).toBe('no');
  });

  it('a recorded diagnosis counts by its own kind', () => {
    const diagnosed = context({ facts: facts({ dementiaDiagnosed: true }) });
    expect(evaluateCondition({ kind: 'diagnosis', anyOf: ['dementia'] }, diagnosed, 'gbt')).toEqual({ truth: 'yes', text: 'diagnosed dementia' });
    expect(evaluateCondition({ kind: 'diagnosis', anyOf: ['cognitive-impairment'] }, diagnosed, 'gbt').truth).toBe('no');
  });

  it('reads the Barthel total when a district uses it', () => {
    const barthel = { total: 60 } as BarthelResult; // only the total is read
    const severe: Condition = { kind: 'barthel-total', max: 60 };
    expect(evaluateCondition(severe, context(), 'gbt').truth).toBe('unknown');
    expect(evaluateCondition(severe, context({ barthel }), 'gbt')).toEqual({ truth: 'yes', text: 'Barthel Index 60 is ≤ 60' });
    expect(evaluateCondition(severe, context({ barthel: { ...barthel, total: 65 } }), 'gbt').truth).toBe('no');
  });

  it('granted flags and derived groups are different things', () => {
    const c = context({ facts: facts({ priorityFlags: ['low-income'] }), groups: new Set(['very-old']) });
    expect(evaluateCondition({ kind: 'flag', anyOf: ['very-old'] }, c, 'gbt').truth).toBe('no');
    expect(evaluateCondition({ kind: 'group', anyOf: ['very-old'] }, c, 'gbt').truth).toBe('yes');
    expect(evaluateCondition({ kind: 'flag', anyOf: ['low-income'] }, c, 'gbt').truth).toBe('yes');
  });
});
