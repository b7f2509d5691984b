import { minutesOfDay } from '../calendar/clock-time';
import { SeededRandom } from '../district';
import { type Caregiver, isOnDuty, weeklyBudgetMinutes } from './caregiver-day';
import { caregiver, near, plan, WEEK } from './test/fixtures';
import { type VisitPlan, type VisitRequest, visitsForWeek } from './visit-plan';
import { DEFAULT_VISIT_POLICY } from './visit-policy';
import { scheduleWeek, type WeeklySchedule } from './weekly-schedule';

/** 10 caregivers and 24 seniors within 3 km: bathing, a male caregiver, gender preferences and a blocked pair. */
function district(): { caregivers: Caregiver[]; plans: VisitPlan[] } {
  const random = new SeededRandom(7);
  const spot = () => near(random.uniform(-3000, 3000), random.uniform(-3000, 3000));
  const caregivers = Array.from({ length: 10 }, (_, i) =>
    caregiver(`c${i}`, {
      home: spot(),
      gender: i === 0 || i === 1 ? 'male' : 'female',
      skills: i % 3 === 0 ? ['personal-care', 'medication-help', 'housework'] : ['personal-care', 'bathing', 'medication-help', 'housework', 'mobility-help'],
      travelMode: i % 2 === 0 ? 'e-bike' : 'bicycle',
      workingDays: i === 9 ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5],
    }),
  );
  const plans = Array.from({ length: 24 }, (_, i) => {
    const start = 8 + (i % 7);
    return plan(`s${String(i).padStart(2, '0')}`, {
      location: spot(),
      tasks: i % 4 === 0 ? ['assisted-shower', 'washing-and-dressing'] : ['washing-and-dressing', 'medication-reminder'],
      genderPreference: i % 5 === 0 ? 'female' : null,
      blockedCaregiverIds: i === 3 ? ['c4', 'c5'] : [],
      patterns: [1, 3, 5].map((weekday) => ({ weekday, from: `${String(start).padStart(2, '0')}:00`, to: `${String(start + 1).padStart(2, '0')}:00` })),
    });
  });
  return { caregivers, plans };
}

const OPTIONS = { weekStart: WEEK, timeLimitMs: 3000, maxIterations: 300, caregiversPerZone: 5 };

function check(schedule: WeeklySchedule, visits: readonly VisitRequest[], caregivers: readonly Caregiver[]): void {
  const visitById = new Map(visits.map((v) => [v.visitId, v]));
  const byId = new Map(caregivers.map((c) => [c.caregiverId, c]));
  for (const entry of schedule.assignments) {
    const visit = visitById.get(entry.visitId) as VisitRequest;
    const who = byId.get(entry.caregiverId) as Caregiver;
    expect(visit.requiredSkills.every((skill) => who.skills.includes(skill))).toBe(true);
    if (visit.genderPreference) expect(who.gender).toBe(visit.genderPreference);
    expect(visit.blockedCaregiverIds).not.toContain(who.caregiverId);
    expect(isOnDuty(who, entry.date)).toBe(true);
    expect(entry.start).toBeGreaterThanOrEqual(visit.window.from - 1e-6);
    expect(entry.start).toBeLessThanOrEqual(visit.window.to + 1e-6);
  }
  for (const day of schedule.days) {
    const who = byId.get(day.caregiverId) as Caregiver;
    expect(day.departAt).toBeGreaterThanOrEqual(minutesOfDay(who.shift.from) - 1e-6);
    expect(day.returnAt).toBeLessThanOrEqual(minutesOfDay(who.shift.to) + 1e-6);
  }
  for (const who of caregivers) {
    const minutes = schedule.days.filter((d) => d.caregiverId === who.caregiverId).reduce((sum, d) => sum + d.workMinutes, 0);
    expect(minutes).toBeLessThanOrEqual(weeklyBudgetMinutes(who, DEFAULT_VISIT_POLICY) + 1e-6);
  }
}

describe('the weekly home-care schedule', () => {
  const { caregivers, plans } = district();
  const visits = plans.flatMap((p) => visitsForWeek(p, WEEK));
  const schedule = scheduleWeek(visits, caregivers, OPTIONS);

  it('plans every visit when there is room, within skills, gender preferences, blocks, shifts and windows', () => {
    expect(schedule.metrics.unassigned).toBe(0);
    expect(schedule.assignments).toHaveLength(visits.length);
    check(schedule, visits, caregivers);
  });

  it('never sends a male caregiver to a senior who asked for a female one, nor a caregiver without bathing to a shower', () => {
    const male = new Set(['c0', 'c1']);
    const noBathing = new Set(['c0', 'c3', 'c6', 'c9']);
    const visitById = new Map(visits.map((v) => [v.visitId, v]));
    for (const entry of schedule.assignments) {
      const visit = visitById.get(entry.visitId) as VisitRequest;
      if (visit.genderPreference === 'female') expect(male.has(entry.caregiverId)).toBe(false);
      if (visit.requiredSkills.includes('bathing')) expect(noBathing.has(entry.caregiverId)).toBe(false);
    }
  });

  it('reports continuity, travel and the workload spread', () => {
    expect(schedule.metrics.continuityShare).toBeGreaterThan(0.5);
    expect(schedule.metrics.totalTravelMinutes).toBeGreaterThan(0);
    expect(schedule.metrics.workload.caregivers).toBe(10);
    expect(schedule.metrics.workload.maxHours).toBeGreaterThanOrEqual(schedule.metrics.workload.minHours);
  });

  it('keeps last week\'s caregiver for at least 90% of seniors when they are all at work', () => {
    const lastWeek: Record<string, string> = {};
    for (const entry of schedule.assignments) if (entry.date === WEEK) lastWeek[entry.seniorId] = entry.caregiverId;
    const next = scheduleWeek(visits, caregivers, { ...OPTIONS, lastWeekCaregivers: lastWeek });
    expect(next.metrics.unassigned).toBe(0);
    expect(next.metrics.continuityShare).toBeGreaterThanOrEqual(0.9);
    expect(next.metrics.keptFromLastWeek.share).toBeGreaterThanOrEqual(0.9);
    check(next, visits, caregivers);
  });

  it('stops at the weekly maximum and says why a visit is left out', () => {
    const one = [caregiver('solo', { home: near(0, 0), maxHoursPerWeek: 2 })];
    const week = visitsForWeek(plan('s1', { location: near(500, 0) }), WEEK);
    const result = scheduleWeek(week, one, OPTIONS);
    expect(result.metrics.assigned).toBe(1);
    expect(result.unassigned.map((u) => u.reason)).toEqual(['weekly-hours-exhausted', 'weekly-hours-exhausted']);
    check(result, week, one);
  });

  it('leaves out a visit nobody may take, with the reason a coordinator can act on', () => {
    const week = [
      ...visitsForWeek(plan('bath', { tasks: ['assisted-shower'], genderPreference: 'male' }), WEEK),
      ...visitsForWeek(plan('sat', { patterns: [{ weekday: 6, from: '09:00', to: '10:00' }] }), WEEK),
      ...visitsForWeek(plan('night', { patterns: [{ weekday: 2, from: '20:00', to: '21:00' }], flexibilityMinutes: 0 }), WEEK),
    ];
    const team = [caregiver('f1'), caregiver('m1', { gender: 'male', skills: ['personal-care'] })];
    const result = scheduleWeek(week, team, OPTIONS);
    expect(result.unassigned.map((u) => [u.seniorId, u.reason])).toEqual([
      ['bath', 'no-matching-caregiver'],
      ['night', 'outside-working-hours'],
      ['bath', 'no-matching-caregiver'],
      ['bath', 'no-matching-caregiver'],
      ['sat', 'no-caregiver-on-duty'],
    ]);
  });

  it('never gives a visit to a caregiver on a day off', () => {
    const team = caregivers.map((c) => (c.caregiverId === 'c2' ? { ...c, daysOff: ['2026-03-04'] } : c));
    const result = scheduleWeek(visits, team, OPTIONS);
    expect(result.assignments.filter((a) => a.caregiverId === 'c2' && a.date === '2026-03-04')).toEqual([]);
    check(result, visits, team);
  });

  it('keeps a caregiver\'s weekly hours for a busy day ahead, giving the light day to a colleague with spare hours', () => {
    // Tuesday is light (4 visits, two caregivers); Friday is busy (8 visits, only `busy` works).
    // `busy` has 10 h for the week: spending any of it on Tuesday would leave a Friday visit out.
    const team = [
      caregiver('busy', { home: near(0, 0), workingDays: [2, 5], maxHoursPerWeek: 10 }),
      caregiver('light', { home: near(100, 0), workingDays: [2] }),
    ];
    const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;
    const week = [
      ...[9, 11, 13, 15].flatMap((h, i) => visitsForWeek(plan(`tue${i}`, { location: near(200 * i, 300), patterns: [{ weekday: 2, from: hour(h), to: hour(h + 1) }], flexibilityMinutes: 0 }), WEEK)),
      ...[8, 9, 10, 11, 12, 13, 14, 15].flatMap((h, i) => visitsForWeek(plan(`fri${i}`, { location: near(100 * i, -200), patterns: [{ weekday: 5, from: hour(h), to: hour(h + 1) }], flexibilityMinutes: 0 }), WEEK)),
    ];
    const result = scheduleWeek(week, team, OPTIONS);
    expect(result.unassigned).toEqual([]);
    expect(result.assignments.filter((a) => a.date === '2026-03-03').every((a) => a.caregiverId === 'light')).toBe(true);
    check(result, week, team);
  });

  it('places a visit left out by its zone with any caregiver in the district who has room, not only the nearest', () => {
    // 30 caregivers next to the senior work afternoons only; the one who can do the morning visit lives 6 km away.
    const team = [
      ...Array.from({ length: 30 }, (_, i) => caregiver(`pm${String(i).padStart(2, '0')}`, { home: near(10 * i, 0), shift: { from: '13:00', to: '18:00' } })),
      caregiver('far', { home: near(6000, 0) }),
    ];
    const week = visitsForWeek(plan('s1', { location: near(0, 100) }), WEEK);
    const result = scheduleWeek(week, team, OPTIONS);
    expect(result.unassigned).toEqual([]);
    expect(new Set(result.assignments.map((a) => a.caregiverId))).toEqual(new Set(['far']));
    check(result, week, team);
  });

  it('lets a caregiver with spare hours take what the fairness cap left in the zone', () => {
    // One zone, two caregivers; the senior may only see `a` (b is blocked) and has six visits a day:
    // more than the fairness cap of the day (1.5 × the average load) but within a's shift.
    const team = [caregiver('a', { home: near(0, 0) }), caregiver('b', { home: near(50, 0) })];
    const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;
    const week = [9, 10, 11, 12, 13, 14].flatMap((h, i) =>
      visitsForWeek(plan(`s${i}`, { location: near(100 + 20 * i, 0), blockedCaregiverIds: ['b'], patterns: [{ weekday: 1, from: hour(h), to: hour(h + 1) }], flexibilityMinutes: 0 }), WEEK),
    );
    const result = scheduleWeek(week, team, OPTIONS);
    expect(result.unassigned).toEqual([]);
    check(result, week, team);
  });
});
