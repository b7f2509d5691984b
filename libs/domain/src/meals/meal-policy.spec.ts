import { cutoffInstant, DEFAULT_MEAL_POLICY, escalationLadder, isBeforeCutoff, type MealServicePolicy, validateMealPolicy } from './meal-policy';

const withBreakfast: MealServicePolicy = {
  ...DEFAULT_MEAL_POLICY,
  slots: { ...DEFAULT_MEAL_POLICY.slots, breakfast: { cutoff: '17:00', cutoffDaysBefore: 1, deliveryWindow: { from: '06:30', to: '08:00' }, priceFen: 600 } },
};

describe('meal order cutoffs', () => {
  it('freezes lunch on 2026-12-02 at 09:00 Shanghai time that morning', () => {
    expect(cutoffInstant(DEFAULT_MEAL_POLICY, 'lunch', '2026-12-02')).toEqual(new Date('2026-12-02T01:00:00Z'));
    expect(cutoffInstant(DEFAULT_MEAL_POLICY, 'dinner', '2026-12-02')).toEqual(new Date('2026-12-02T06:00:00Z'));
  });

  it('freezes breakfast the evening before when the policy says so', () => {
    expect(cutoffInstant(withBreakfast, 'breakfast', '2026-12-01')).toEqual(new Date('2026-11-30T09:00:00Z'));
  });

  it('reads the wall clock of the time zone it is given, daylight saving included', () => {
    expect(cutoffInstant(DEFAULT_MEAL_POLICY, 'lunch', '2026-07-01', 'Europe/London')).toEqual(new Date('2026-07-01T08:00:00Z'));
    expect(cutoffInstant(DEFAULT_MEAL_POLICY, 'lunch', '2026-12-02', 'Europe/London')).toEqual(new Date('2026-12-02T09:00:00Z'));
  });

  it('lets a family change lunch until 08:59 and not at 09:00', () => {
    expect(isBeforeCutoff(DEFAULT_MEAL_POLICY, 'lunch', '2026-12-02', new Date('2026-12-02T00:59:59Z'))).toBe(true);
    expect(isBeforeCutoff(DEFAULT_MEAL_POLICY, 'lunch', '2026-12-02', new Date('2026-12-02T01:00:00Z'))).toBe(false);
    expect(isBeforeCutoff(DEFAULT_MEAL_POLICY, 'lunch', '2026-12-03', new Date('2026-12-02T01:00:00Z'))).toBe(true);
  });

  it('never opens a slot the district does not serve', () => {
    expect(isBeforeCutoff(DEFAULT_MEAL_POLICY, 'breakfast', '2026-12-31', new Date('2026-12-02T00:00:00Z'))).toBe(false);
    expect(() => cutoffInstant(DEFAULT_MEAL_POLICY, 'breakfast', '2026-12-31')).toThrow('the meal policy serves no breakfast');
  });
});

describe('meal policy validation', () => {
  it('accepts the built-in policy and one with breakfast', () => {
    expect(validateMealPolicy(DEFAULT_MEAL_POLICY)).toEqual([]);
    expect(validateMealPolicy(withBreakfast)).toEqual([]);
  });

  it('names every bad path', () => {
    const problems = validateMealPolicy({
      slots: {
        lunch: { cutoff: '9:00', cutoffDaysBefore: 0, deliveryWindow: { from: '12:30', to: '10:30' }, priceFen: 15.5 },
        dinner: { cutoff: '17:00', cutoffDaysBefore: 0, deliveryWindow: { from: '16:30', to: '18:00' }, priceFen: 1200 },
        brunch: {},
      },
      maxPackToDoorMinutes: 0,
      reassessment: { refusals: 3, nonDeliveries: 3 },
      currency: 'CNY',
    });
    expect(problems.map((p) => p.path)).toEqual([
      'currency',
      'slots.brunch',
      'slots.lunch.cutoff',
      'slots.lunch.priceFen',
      'slots.lunch.deliveryWindow.to',
      'slots.dinner.cutoff',
      'maxPackToDoorMinutes',
      'reassessment.withinDays',
    ]);
    expect(problems.find((p) => p.path === 'slots.dinner.cutoff')?.message).toBe('the cutoff 17:00 must be before the delivery window opens at 16:30, or the kitchen cannot cook what is ordered');
  });

  it('refuses a policy that serves nothing, or is not an object', () => {
    expect(validateMealPolicy({ ...DEFAULT_MEAL_POLICY, slots: {} })).toEqual([{ path: 'slots', message: expect.stringContaining('serves no meal') }]);
    expect(validateMealPolicy(undefined).map((p) => p.path)).toEqual(['$']);
    expect(validateMealPolicy([]).map((p) => p.path)).toEqual(['$']);
  });
});

describe('the no-answer ladder in the meal policy', () => {
  it('uses the built-in ladder until the district gives its own, and names every bad step', () => {
    expect(escalationLadder(DEFAULT_MEAL_POLICY).map((s) => s.step)).toEqual(['courier-retry', 'office-call', 'emergency-contacts', 'community-worker', 'emergency-services']);
    const quick = [
      { step: 'office-call', owner: 'kitchen-office', minutes: 5, label: '助餐点致电' },
      { step: 'emergency-services', owner: 'kitchen-office', minutes: 0, label: '报警' },
    ];
    expect(validateMealPolicy({ ...DEFAULT_MEAL_POLICY, escalation: quick })).toEqual([]);
    expect(escalationLadder({ ...DEFAULT_MEAL_POLICY, escalation: quick as never }).map((s) => s.minutes)).toEqual([5, 0]);
    const problems = validateMealPolicy({ ...DEFAULT_MEAL_POLICY, escalation: [{ step: 'office-call', owner: 'kitchen-office', minutes: 500, label: 'x' }] });
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['escalation[0].minutes']));
  });
});
