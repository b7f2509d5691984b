import { DEFAULT_DISTRICT_POLICIES, SHANGHAI_MINHANG_POLICY, WUXI_XINWU_POLICY } from './default-policies';
import type { PolicyProblem } from './policy-problems';
import { validateDistrictPolicy } from './policy-validation';
import { policyJson, setPath } from './test/fixtures';

/** `code path` of every problem, sorted; [] for a valid policy. */
function problemsOf(input: unknown): string[] {
  const validation = validateDistrictPolicy(input);
  if (validation.ok) return [];
  return validation.problems.map((p: PolicyProblem) => `${p.code} ${p.path}`).sort();
}

/** The Minhang policy as JSON with one change, and its problems. */
function problemsAfter(path: readonly (string | number)[], value: unknown): string[] {
  const doc = policyJson(SHANGHAI_MINHANG_POLICY);
  setPath(doc, path, value);
  return problemsOf(doc);
}

describe('validateDistrictPolicy', () => {
  it.each(DEFAULT_DISTRICT_POLICIES.map((p) => [p.id, p] as const))('accepts the default %s policy, loaded from JSON, unchanged', (_id, policy) => {
    const validation = validateDistrictPolicy(policyJson(policy));
    expect(validation).toEqual({ ok: true, policy: policyJson(policy) });
  });

  it('returns a copy the caller cannot change through the input', () => {
    const doc = policyJson(WUXI_XINWU_POLICY);
    const validation = validateDistrictPolicy(doc);
    setPath(doc, ['version'], 'changed');
    expect(validation.ok && validation.policy.version).toBe('2026.1');
  });

  it.each([[null], [[]], ['policy'], [42], [undefined]])('rejects %p as a whole', (input) => {
    expect(problemsOf(input)).toEqual(['WRONG_TYPE $']);
  });

  it('reports every problem of a document at once, each with its path', () => {
    const doc = policyJson(SHANGHAI_MINHANG_POLICY);
    setPath(doc, ['districtCode'], '31011');
    setPath(doc, ['effectiveUntil'], '2025-12-31');
    setPath(doc, ['currency'], 'CNY');
    setPath(doc, ['foo'], true);
    setPath(doc, ['reassessment', 'reminderDaysBeforeDue'], [60, 60]);
    setPath(doc, ['homeCare', 'ltci', 'fundSharePercent'], 120);
    setPath(doc, ['homeCare', 'ltci', 'weeklyVisits', '7'], 7);
    setPath(doc, ['homeCare', 'ltci', 'continuousCareBonus', 'steps'], [
      { overMonths: 6, extraHoursPerMonth: 2, cashAlternativeFenPerMonth: 8000 },
      { overMonths: 1, extraHoursPerMonth: 1, cashAlternativeFenPerMonth: 4000 },
    ]);
    setPath(doc, ['meals', 'subsidyTiers', 0, 'fenPerMeal'], 8.5);
    setPath(doc, ['meals', 'subsidyTiers', 1, 'id'], 'tier-1-hardship');
    setPath(doc, ['meals', 'delivery'], undefined);
    setPath(doc, ['beds', 'nursing', 'when'], { kind: 'level', gbt: { min: 2 } });
    setPath(doc, ['priorityGroups', 'disabled', 'when'], { kind: 'group', anyOf: ['very-old'] });
    setPath(doc, ['dayCare', 'when', 'of', 0, 'gbt', 'min'], 5);
    setPath(doc, ['safety', 'textureModifiedDiet', 'when'], { kind: 'gbt-item', item: 'B9.9', max: 2 });
    expect(problemsOf(doc)).toEqual([
      'DATE_ORDER effectiveUntil',
      'DUPLICATE meals.subsidyTiers[1].id',
      'DUPLICATE reassessment.reminderDaysBeforeDue[1]',
      'MISSING_FIELD meals.delivery',
      'MISSING_THRESHOLD beds.nursing.when.shanghai',
      'NOT_ALLOWED_HERE priorityGroups.disabled.when',
      'NOT_INCREASING homeCare.ltci.continuousCareBonus.steps[1].overMonths',
      'OUT_OF_RANGE dayCare.when.of[0].gbt.min',
      'OUT_OF_RANGE homeCare.ltci.fundSharePercent',
      'OUT_OF_RANGE homeCare.ltci.weeklyVisits.7',
      'UNKNOWN_FIELD foo',
      'VALUE_NOT_ALLOWED currency',
      'VALUE_NOT_ALLOWED districtCode',
      'VALUE_NOT_ALLOWED safety.textureModifiedDiet.when.item',
      'WRONG_TYPE meals.subsidyTiers[0].fenPerMeal',
    ]);
  });

  it('writes messages a data officer can act on', () => {
    const validation = validateDistrictPolicy({ ...policyJson(SHANGHAI_MINHANG_POLICY), levelBasis: 'mzt' });
    expect(validation).toEqual({
      ok: false,
      problems: [{ code: 'VALUE_NOT_ALLOWED', path: 'levelBasis', message: 'levelBasis string "mzt" is not one of gbt, shanghai, shanghai-else-gbt' }],
    });
  });

  it.each([
    ['a missing top-level section', ['safety'], undefined, ['MISSING_FIELD safety']],
    ['a bad date', ['effectiveFrom'], '2026-02-30', ['BAD_DATE effectiveFrom']],
    ['a level above the Shanghai scale', ['subsidisedBed', 'when', 'of', 0, 'shanghai', 'min'], 7, ['OUT_OF_RANGE subsidisedBed.when.of[0].shanghai.min']],
    ['min above max', ['dayCare', 'when', 'of', 0, 'gbt'], { min: 3, max: 1 }, ['OUT_OF_RANGE dayCare.when.of[0].gbt']],
    ['B2.4 上下楼梯 only goes to 3', ['dayCare', 'when', 'of', 1], { kind: 'gbt-item', item: 'B2.4', min: 4 }, ['OUT_OF_RANGE dayCare.when.of[1].min']],
    ['an unknown condition kind', ['dayCare', 'when'], { kind: 'sometimes' }, ['VALUE_NOT_ALLOWED dayCare.when.kind']],
    ['a condition without kind', ['dayCare', 'when'], { of: [] }, ['MISSING_FIELD dayCare.when.kind']],
    ['a condition that is not an object', ['dayCare', 'when'], 'level ≥ 2', ['WRONG_TYPE dayCare.when']],
    ['an unknown field in a condition', ['dayCare', 'when', 'of', 1, 'maximum'], 2, ['UNKNOWN_FIELD dayCare.when.of[1].maximum']],
    ['an empty any', ['safety', 'fallRisk', 'when'], { kind: 'any', of: [] }, ['VALUE_NOT_ALLOWED safety.fallRisk.when.of']],
    ['an age without bounds', ['meals', 'eligible', 'when'], { kind: 'age' }, ['MISSING_FIELD meals.eligible.when']],
    ['an unknown flag', ['priorityGroups', 'low-income', 'when', 'anyOf'], ['poor'], ['VALUE_NOT_ALLOWED priorityGroups.low-income.when.anyOf[0]']],
    ['an unknown risk event', ['safety', 'fallRisk', 'when', 'of', 0, 'types'], ['slip'], ['VALUE_NOT_ALLOWED safety.fallRisk.when.of[0].types[0]']],
    ['a missing priority group', ['priorityGroups', 'key-entitled'], undefined, ['MISSING_FIELD priorityGroups.key-entitled']],
    ['an unknown bed type', ['beds', 'respite'], { when: { kind: 'always' } }, ['UNKNOWN_FIELD beds.respite']],
    ['a negative subsidy', ['meals', 'subsidyTiers', 2, 'fenPerMeal'], -1, ['OUT_OF_RANGE meals.subsidyTiers[2].fenPerMeal']],
    ['visits in yuan-style decimals', ['homeCare', 'ltci', 'weeklyVisits', '4'], 4.5, ['WRONG_TYPE homeCare.ltci.weeklyVisits.4']],
    ['a bonus level off the scale', ['homeCare', 'ltci', 'continuousCareBonus', 'levels'], [5, 9], ['OUT_OF_RANGE homeCare.ltci.continuousCareBonus.levels[1]']],
    ['an LTCI scheme without its scale', ['homeCare', 'ltci', 'scale'], undefined, ['MISSING_FIELD homeCare.ltci.scale']],
    ['an IDDSI level that is not a food level', ['safety', 'textureModifiedDiet', 'iddsiByEatingScore', '2'], 2, ['OUT_OF_RANGE safety.textureModifiedDiet.iddsiByEatingScore.2']],
    ['a reminder before the assessment itself', ['reassessment', 'reminderDaysBeforeDue'], [400], ['OUT_OF_RANGE reassessment.reminderDaysBeforeDue[0]']],
    ['a Barthel total above 100', ['dayCare', 'when'], { kind: 'barthel-total', max: 105 }, ['OUT_OF_RANGE dayCare.when.max']],
    ['a level key with a leading zero', ['homeCare', 'ltci', 'weeklyVisits', '04'], 5, ['OUT_OF_RANGE homeCare.ltci.weeklyVisits.04']],
    ['a bad basis on a rule', ['beds', 'general', 'basis'], 'either', ['VALUE_NOT_ALLOWED beds.general.basis']],
  ])('%s', (_case, path, value, expected) => {
    expect(problemsAfter(path, value)).toEqual(expected);
  });

  it('asks for both scales only where the basis can read both', () => {
    // The policy basis is shanghai-else-gbt; a rule or a condition may narrow it to one scale.
    expect(problemsAfter(['beds', 'nursing'], { basis: 'gbt', when: { kind: 'level', gbt: { min: 2 } } })).toEqual([]);
    expect(problemsAfter(['beds', 'nursing', 'when'], { kind: 'level', basis: 'gbt', gbt: { min: 2 } })).toEqual([]);
    expect(problemsAfter(['beds', 'nursing', 'when'], { kind: 'level', shanghai: { min: 2 } })).toEqual(['MISSING_THRESHOLD beds.nursing.when.gbt']);
  });

  it('stops at a nesting limit instead of recursing forever', () => {
    let deep: unknown = { kind: 'always' };
    for (let i = 0; i < 20; i++) deep = { kind: 'not', of: deep };
    expect(problemsAfter(['dayCare', 'when'], deep)).toEqual([`TOO_DEEP dayCare.when${'.of'.repeat(13)}`]);
  });

  it('a district without LTCI writes null, and a null scheme is valid', () => {
    expect(problemsAfter(['homeCare', 'ltci'], null)).toEqual([]);
  });
});
