import { DEFAULT_MEAL_POLICY } from './meal-policy';
import { type MealObservation, reassessmentDue } from './reassessment-trigger';

const RULE = DEFAULT_MEAL_POLICY.reassessment; // 3 refusals or 3 missed meals within 14 days
const seen = (date: string, outcome: string): MealObservation => ({ date, outcome });

describe('reassessment from meal outcomes', () => {
  it('asks for a reassessment on the third refusal within 14 days, and says why', () => {
    const history = [seen('2026-11-27', 'refused'), seen('2026-12-03', 'delivered'), seen('2026-12-05', 'refused')];
    expect(reassessmentDue(history, RULE, '2026-12-10')).toEqual({ due: false, reason: null });
    expect(reassessmentDue([...history, seen('2026-12-10', 'refused')], RULE, '2026-12-10')).toEqual({
      due: true,
      reason: '3 meals refused from 2026-11-27 to 2026-12-10 (the policy calls for a reassessment at 3 within 14 days)',
    });
  });

  it('forgets what happened before the window', () => {
    const history = [seen('2026-11-26', 'refused'), seen('2026-12-05', 'refused'), seen('2026-12-10', 'refused')];
    expect(reassessmentDue(history, RULE, '2026-12-10').due).toBe(false);
  });

  it('counts missed meals (not home, in hospital) but not address problems', () => {
    const history = [seen('2026-12-01', 'not-home'), seen('2026-12-02', 'hospitalised'), seen('2026-12-03', 'address-problem')];
    expect(reassessmentDue(history, RULE, '2026-12-10').due).toBe(false);
    expect(reassessmentDue([...history, seen('2026-12-04', 'not-home')], RULE, '2026-12-10').reason).toMatch(/^3 meals missed \(not home or in hospital\)/);
  });
});
