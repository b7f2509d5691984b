import { DEFAULT_MEAL_POLICY } from './meal-policy';
import { defaultTerms, requiredTexture, validateSubscriptionTerms } from './subscription-terms';
import { entitlement, safety, terms } from './test/fixtures';

const chokes = safety({ textureModifiedDiet: true, iddsiLevel: 5 });

describe('subscription terms', () => {
  it('takes weekday lunches delivered to a senior entitled to delivery', () => {
    expect(validateSubscriptionTerms(terms(), { entitlement: entitlement(), safety: safety() })).toEqual([]);
  });

  it('refuses delivery the entitlement does not grant, and says what to do instead', () => {
    const problems = validateSubscriptionTerms(terms(), { entitlement: entitlement({ delivery: false }), safety: null });
    expect(problems).toEqual([{ path: 'mode', message: expect.stringContaining("is not in the senior's meal entitlement") }]);
    expect(problems[0]!.message).toContain('choose canteen dining (堂食)');
    expect(validateSubscriptionTerms(terms(), { entitlement: null, safety: null })).toEqual([{ path: 'mode', message: expect.stringContaining('has none yet') }]);
  });

  it('lets a senior without an entitlement yet eat in a canteen, which must be named', () => {
    expect(validateSubscriptionTerms(terms({ mode: 'canteen', canteenFacilityId: 'canteen-1' }), { entitlement: null, safety: null })).toEqual([]);
    expect(validateSubscriptionTerms(terms({ mode: 'canteen' }), { entitlement: null, safety: null }).map((p) => p.path)).toEqual(['canteenFacilityId']);
  });

  it('refuses everyone the district does not make eligible', () => {
    const problems = validateSubscriptionTerms(terms({ mode: 'canteen', canteenFacilityId: 'c' }), { entitlement: entitlement({ eligible: false, delivery: false }), safety: null });
    expect(problems.map((p) => p.path)).toEqual(['$']);
  });

  it('refuses a texture that risks choking, naming the level the assessment calls for', () => {
    const problems = validateSubscriptionTerms(terms({ texture: 'soft-bite-sized' }), { entitlement: entitlement(), safety: chokes });
    expect(problems).toEqual([
      {
        path: 'texture',
        message:
          'IDDSI 6 软质及一口量 (soft-bite-sized) is not safe: the assessment calls for a texture-modified diet at IDDSI 5 细碎及湿软 (minced-moist); choose minced-moist, pureed, liquidised',
      },
    ]);
    expect(validateSubscriptionTerms(terms({ texture: 'pureed' }), { entitlement: entitlement(), safety: chokes })).toEqual([]);
  });

  it('refuses regular food when a texture-modified diet is flagged without a suggested level', () => {
    const flagged = safety({ textureModifiedDiet: true, iddsiLevel: null });
    expect(validateSubscriptionTerms(terms(), { entitlement: entitlement(), safety: flagged })).toEqual([{ path: 'texture', message: expect.stringContaining('until a clinician sets one') }]);
    expect(validateSubscriptionTerms(terms({ texture: 'easy-to-chew' }), { entitlement: entitlement(), safety: flagged })).toEqual([]);
  });

  it('names every unknown word and bad weekday', () => {
    const bad = { ...terms(), slots: { lunch: [1, 8, 1], dinner: [0] }, diet: 'keto', texture: 'crunchy', allergens: ['egg', 'gluten-free'], avoid: ['香菜', ' '] };
    const problems = validateSubscriptionTerms(bad as never, { entitlement: entitlement(), safety: null });
    expect(problems.map((p) => p.path)).toEqual(['slots.lunch[1]', 'slots.lunch[2]', 'slots.dinner[0]', 'diet', 'texture', 'allergens[1]', 'avoid[1]']);
    expect(problems[0]!.message).toBe('number 8 is not an ISO weekday (1 = Monday … 7 = Sunday)');
  });

  it("refuses a slot the district's policy does not serve, when given the policy", () => {
    const breakfast = terms({ slots: { breakfast: [1], lunch: [1] } });
    expect(validateSubscriptionTerms(breakfast, { entitlement: entitlement(), safety: null, policy: DEFAULT_MEAL_POLICY })).toEqual([
      { path: 'slots.breakfast', message: 'the district serves no breakfast' },
    ]);
  });
});

describe('default terms for a new subscription', () => {
  it('delivers when the entitlement says so, at the texture the assessment calls for', () => {
    expect(defaultTerms(entitlement(), chokes)).toEqual({ mode: 'delivery', texture: 'minced-moist' });
    expect(defaultTerms(entitlement({ delivery: false }), null)).toEqual({ mode: 'canteen', texture: 'regular' });
    expect(defaultTerms(null, safety())).toEqual({ mode: 'canteen', texture: 'regular' });
  });

  it('requires no texture unless a texture-modified diet is flagged', () => {
    expect(requiredTexture(safety({ iddsiLevel: 4 }))).toBe('regular');
    expect(requiredTexture(safety({ textureModifiedDiet: true, iddsiLevel: 4 }))).toBe('pureed');
  });
});
