import { homeCare, plan, WEEK } from './test/fixtures';
import { fitPlanToEntitlement, plannedMinutesPerWeek, validateVisitPlan, visitsForWeek } from './visit-plan';
import { DEFAULT_VISIT_POLICY, validateVisitPolicy } from './visit-policy';
import { skillsForTasks } from './visit-vocabulary';

describe('the visits a plan asks for in a week', () => {
  it('gives Monday, Wednesday and Friday visits with stable ids, the flexibility around the asked time, and the skills of the tasks', () => {
    const visits = visitsForWeek(plan('s1', { tasks: ['bed-bath', 'medication-reminder'], genderPreference: 'female', flexibilityMinutes: 15 }), WEEK);
    expect(visits.map((v) => v.visitId)).toEqual(['s1:2026-03-02:1', 's1:2026-03-04:1', 's1:2026-03-06:1']);
    expect(visits[0].window).toEqual({ from: 9 * 60 - 15, to: 10 * 60 + 15 });
    expect(visits[0].requiredSkills).toEqual(['personal-care', 'bathing', 'medication-help']);
    expect(visits[0].genderPreference).toBe('female');
    expect(visitsForWeek(plan('s1'), WEEK)).toEqual(visitsForWeek(plan('s1'), WEEK));
  });

  it('numbers two visits on one day in time order and uses the policy flexibility by default', () => {
    const visits = visitsForWeek(plan('s2', { patterns: [{ weekday: 2, from: '16:00', to: '16:30' }, { weekday: 2, from: '08:00', to: '08:30', durationMinutes: 30 }] }), WEEK);
    expect(visits.map((v) => [v.visitId, v.window.from, v.durationMinutes])).toEqual([
      ['s2:2026-03-03:1', 8 * 60 - DEFAULT_VISIT_POLICY.defaultFlexibilityMinutes, 30],
      ['s2:2026-03-03:2', 16 * 60 - DEFAULT_VISIT_POLICY.defaultFlexibilityMinutes, 60],
    ]);
  });

  it('refuses a week that does not start on a Monday', () => {
    expect(() => visitsForWeek(plan('s1'), '2026-03-03')).toThrow('not one');
  });

  it('maps tasks to the skills a caregiver needs', () => {
    expect(skillsForTasks(['assisted-shower', 'cleaning-and-laundry', 'no-such-task'])).toEqual(['bathing', 'housework', 'mobility-help']);
  });
});

describe('visit plan validation', () => {
  it('accepts a plan within the entitlement', () => {
    expect(validateVisitPlan(plan('s1'), homeCare())).toEqual([]);
    expect(plannedMinutesPerWeek(plan('s1'))).toBe(180);
  });

  it('wants a reason for more hours than entitled, and accepts one', () => {
    const more = plan('s1', { patterns: [...plan('s1').patterns, { weekday: 6, from: '09:00', to: '10:00' }] });
    expect(validateVisitPlan(more, homeCare()).map((p) => p.path)).toEqual(['patterns']);
    expect(validateVisitPlan(more, homeCare())[0].message).toContain('4 h a week but the entitlement is 3 h');
    expect(validateVisitPlan({ ...more, overrideReason: 'family pays the fourth hour' }, homeCare())).toEqual([]);
  });

  it('names every bad task, skill, window and caregiver list entry', () => {
    const problems = validateVisitPlan(
      plan('s1', {
        tasks: ['washing-and-dressing', 'massage'],
        extraSkills: ['acupuncture' as never],
        patterns: [
          { weekday: 8, from: '09:00', to: '10:00' },
          { weekday: 2, from: '11:00', to: '10:00' },
          { weekday: 3, from: '9am', to: '23:30' },
        ],
        preferredCaregiverIds: ['c1'],
        blockedCaregiverIds: ['c1'],
      }),
      homeCare(),
    );
    expect(problems.map((p) => p.path)).toEqual(['patterns[0].weekday', 'patterns[1].to', 'patterns[2].from', 'patterns[2].to', 'tasks[1]', 'extraSkills[0]', 'blockedCaregiverIds[0]']);
  });
});

describe('visit policy', () => {
  it('accepts the built-in policy', () => {
    expect(validateVisitPolicy(DEFAULT_VISIT_POLICY)).toEqual([]);
  });

  it('names every bad path, including graces out of order', () => {
    const problems = validateVisitPolicy({
      ...DEFAULT_VISIT_POLICY,
      alertGraces: [{ afterMinutes: 30, severity: 'high' }, { afterMinutes: 15, severity: 'medium' }],
      fundSharePercent: 120,
      colour: 'red',
    });
    expect(problems.map((p) => p.path)).toEqual(['colour', 'alertGraces[1].afterMinutes', 'alertGraces[1].severity', 'fundSharePercent']);
  });
});

describe('a visit plan when the entitlement changes', () => {
  const five = plan('s1', { patterns: [5, 1, 3, 2, 4].map((weekday) => ({ weekday, from: '09:00', to: '10:00' })) });
  const level = (visitsPerWeek: number, hoursPerWeek: number, visitMinutes = 60) => ({ ...homeCare(), visitsPerWeek, hoursPerWeek, visitMinutes });

  it('keeps a plan that still fits', () => {
    expect(fitPlanToEntitlement(five, level(5, 5))).toEqual({ plan: five, changed: false });
  });

  it('keeps the first visits of the week that the lower entitlement covers', () => {
    const { plan: fitted, changed } = fitPlanToEntitlement(five, level(3, 3));
    expect(changed).toBe(true);
    expect(fitted!.patterns.map((p) => p.weekday)).toEqual([1, 2, 3]);
  });

  it('ends the plan when there is no home-care entitlement any more, and leaves an overridden plan alone', () => {
    expect(fitPlanToEntitlement(five, { ...level(0, 0), source: null })).toEqual({ plan: null, changed: true });
    const paid = { ...five, overrideReason: 'two visits paid by the family' };
    expect(fitPlanToEntitlement(paid, level(3, 3))).toEqual({ plan: paid, changed: false });
  });
});
