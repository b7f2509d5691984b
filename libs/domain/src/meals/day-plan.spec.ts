import { type DayContext, mealsForDate, type MealPause, type OneOffChange, subscriptionVersionOn } from './day-plan';
import { version } from './test/fixtures';

// 2026-11-30 is a Monday.
const AT_HOME: DayContext = { dayCareDates: [], residentialFacilityId: null, residentialSince: null };
const lunchAndDinner = version('2026-11-01', null, { slots: { lunch: [1, 2, 3, 4, 5], dinner: [1, 2, 3, 4, 5, 6, 7] } });
const slotsOf = (plan: ReturnType<typeof mealsForDate>) => plan.planned.map((m) => `${m.slot}:${m.mode}`);

describe('the day plan of one senior', () => {
  it('plans the subscribed weekdays only', () => {
    expect(slotsOf(mealsForDate([lunchAndDinner], [], [], AT_HOME, '2026-11-30'))).toEqual(['lunch:delivery', 'dinner:delivery']);
    expect(mealsForDate([lunchAndDinner], [], [], AT_HOME, '2026-12-05')).toEqual({
      planned: [{ date: '2026-12-05', slot: 'dinner', mode: 'delivery', terms: expect.not.objectContaining({ validFrom: expect.anything() }) }],
      skipped: [],
    });
  });

  it('uses the terms in force on the date: a new diet from its first day, the old one until its last', () => {
    const versions = [version('2026-11-01', '2026-12-01', { diet: 'regular' }), version('2026-12-02', null, { diet: 'diabetic' })];
    expect(mealsForDate(versions, [], [], AT_HOME, '2026-12-01').planned[0]!.terms.diet).toBe('regular');
    expect(mealsForDate(versions, [], [], AT_HOME, '2026-12-02').planned[0]!.terms.diet).toBe('diabetic');
    expect(mealsForDate(versions, [], [], AT_HOME, '2026-10-30')).toEqual({ planned: [], skipped: [] });
    expect(subscriptionVersionOn([versions[0]!, version('2026-11-20', null, { diet: 'renal' })], '2026-11-25')?.diet).toBe('renal');
  });

  it('resumes a dinner paused for a hospital stay the day after the pause ends, without anyone switching it back on', () => {
    const pauses: MealPause[] = [{ from: '2026-12-07', until: '2026-12-10', reason: 'hospital stay', slots: ['dinner'] }];
    expect(mealsForDate([lunchAndDinner], pauses, [], AT_HOME, '2026-12-10')).toEqual({
      planned: [expect.objectContaining({ slot: 'lunch', mode: 'delivery' })],
      skipped: [{ date: '2026-12-10', slot: 'dinner', reason: 'paused: hospital stay until 2026-12-10' }],
    });
    expect(slotsOf(mealsForDate([lunchAndDinner], pauses, [], AT_HOME, '2026-12-11'))).toEqual(['lunch:delivery', 'dinner:delivery']);
  });

  it('keeps a pause without an end until further notice, for every slot', () => {
    const pauses: MealPause[] = [{ from: '2026-12-01', until: null, reason: 'with family in Suzhou' }];
    expect(mealsForDate([lunchAndDinner], pauses, [], AT_HOME, '2027-03-01').skipped.map((s) => s.reason)).toEqual([
      'paused: with family in Suzhou until further notice',
      'paused: with family in Suzhou until further notice',
    ]);
  });

  it('serves lunch at the centre on a day-care day, and dinner at home as usual', () => {
    const dayCare = { ...AT_HOME, dayCareDates: ['2026-12-02'] };
    expect(slotsOf(mealsForDate([lunchAndDinner], [], [], dayCare, '2026-12-02'))).toEqual(['lunch:day-care', 'dinner:delivery']);
    expect(slotsOf(mealsForDate([lunchAndDinner], [], [], dayCare, '2026-12-03'))).toEqual(['lunch:delivery', 'dinner:delivery']);
  });

  it('stops home meals from the day of admission to a bed', () => {
    const admitted = { ...AT_HOME, residentialFacilityId: 'home-7', residentialSince: '2026-12-03' };
    expect(slotsOf(mealsForDate([lunchAndDinner], [], [], admitted, '2026-12-02'))).toEqual(['lunch:delivery', 'dinner:delivery']);
    expect(mealsForDate([lunchAndDinner], [], [], admitted, '2026-12-03')).toEqual({
      planned: [],
      skipped: [
        { date: '2026-12-03', slot: 'lunch', reason: 'admitted to a residential facility since 2026-12-03' },
        { date: '2026-12-03', slot: 'dinner', reason: 'admitted to a residential facility since 2026-12-03' },
      ],
    });
  });

  it('plans nothing during a hospital stay, and says so before any pause', () => {
    const inHospital = { ...AT_HOME, hospitalStays: [{ from: '2026-12-01', until: null }] };
    const pauses: MealPause[] = [{ from: '2026-12-01', until: null, reason: 'family request' }];
    expect(mealsForDate([lunchAndDinner], pauses, [], inHospital, '2026-12-02').skipped.map((s) => s.reason)).toEqual(['in hospital since 2026-12-01', 'in hospital since 2026-12-01']);
  });

  it('applies one-off skips and extras', () => {
    const changes: OneOffChange[] = [
      { date: '2026-12-02', slot: 'lunch', kind: 'skip' },
      { date: '2026-12-05', slot: 'lunch', kind: 'extra', mode: 'canteen' },
      { date: '2026-12-04', slot: 'lunch', kind: 'extra', mode: 'canteen' },
    ];
    expect(mealsForDate([lunchAndDinner], [], changes, AT_HOME, '2026-12-02').skipped).toEqual([{ date: '2026-12-02', slot: 'lunch', reason: 'skipped by one-off change' }]);
    // A Saturday lunch not subscribed, eaten at the canteen with the subscription's diet and texture.
    expect(slotsOf(mealsForDate([lunchAndDinner], [], changes, AT_HOME, '2026-12-05'))).toEqual(['lunch:canteen', 'dinner:delivery']);
    // On a subscribed day an extra is still one meal: it only changes where it is eaten.
    expect(slotsOf(mealsForDate([lunchAndDinner], [], changes, AT_HOME, '2026-12-04'))).toEqual(['lunch:canteen', 'dinner:delivery']);
  });

  it('cannot plan an extra meal without terms to prepare it by', () => {
    const extra: OneOffChange = { date: '2026-10-30', slot: 'lunch', kind: 'extra' };
    expect(mealsForDate([lunchAndDinner], [], [extra], AT_HOME, '2026-10-30')).toEqual({
      planned: [],
      skipped: [{ date: '2026-10-30', slot: 'lunch', reason: expect.stringContaining('no subscription is in force') }],
    });
  });
});
