import { SeededRandom } from '../district';
import { type Caregiver, mayVisit } from './caregiver-day';
import { replanDay, restoreSchedule } from './replanning';
import { caregiver, near, plan, WEEK } from './test/fixtures';
import { type VisitRequest, visitsForWeek } from './visit-plan';
import { scheduleWeek } from './weekly-schedule';

const WEDNESDAY = '2026-03-04';

function setup() {
  const random = new SeededRandom(11);
  const spot = () => near(random.uniform(-2500, 2500), random.uniform(-2500, 2500));
  const caregivers: Caregiver[] = Array.from({ length: 6 }, (_, i) => caregiver(`c${i}`, { home: spot() }));
  const plans = Array.from({ length: 14 }, (_, i) => {
    const hour = String(8 + (i % 7)).padStart(2, '0');
    const next = String(9 + (i % 7)).padStart(2, '0');
    return plan(`s${String(i).padStart(2, '0')}`, { location: spot(), patterns: [1, 3, 5].map((weekday) => ({ weekday, from: `${hour}:00`, to: `${next}:00` })) });
  });
  const visits = plans.flatMap((p) => visitsForWeek(p, WEEK));
  const schedule = scheduleWeek(visits, caregivers, { weekStart: WEEK, timeLimitMs: 1500, maxIterations: 200, caregiversPerZone: 3 });
  return { caregivers, schedule };
}

describe('same-day re-planning', () => {
  const { caregivers, schedule } = setup();
  const busiest = [...schedule.days].filter((d) => d.date === WEDNESDAY).sort((a, b) => b.visitIds.length - a.visitIds.length)[0];

  it('moves a sick caregiver\'s visits to others and leaves every other caregiver\'s visits with them', () => {
    expect(schedule.metrics.unassigned).toBe(0);
    const sick = busiest.caregiverId;
    const result = replanDay(schedule, WEDNESDAY, { sickCaregiverId: sick }, caregivers);
    const after = new Map(result.schedule.assignments.map((a) => [a.visitId, a]));
    for (const entry of schedule.assignments) {
      const now = after.get(entry.visitId);
      if (entry.caregiverId === sick && entry.date === WEDNESDAY) {
        expect(now === undefined || now.caregiverId !== sick).toBe(true);
      } else {
        expect(now?.caregiverId).toBe(entry.caregiverId);
        if (entry.date !== WEDNESDAY) expect(now?.start).toBe(entry.start);
        else expect(now?.start ?? 0).toBeGreaterThanOrEqual(entry.start); // pushed later at most, never earlier
      }
    }
    const moved = result.changes.filter((c) => c.kind === 'reassigned').map((c) => c.visitId).sort();
    const unplaced = result.changes.filter((c) => c.kind === 'unassigned').map((c) => c.visitId);
    expect([...moved, ...unplaced].sort()).toEqual([...busiest.visitIds].sort());
    expect(result.notify.caregiverIds).toContain(sick);
    for (const change of result.changes) expect(result.notify.seniorIds).toContain(change.seniorId);
    expect(result.schedule.days.some((d) => d.caregiverId === sick && d.date === WEDNESDAY)).toBe(false);
  });

  it('takes a cancelled visit out and moves nothing else', () => {
    const visitId = busiest.visitIds[0];
    const result = replanDay(schedule, WEDNESDAY, { cancelledVisitId: visitId }, caregivers);
    expect(result.changes.map((c) => [c.visitId, c.kind])).toEqual([[visitId, 'cancelled']]);
    expect(result.schedule.assignments.find((a) => a.visitId === visitId)).toBeUndefined();
    expect(result.schedule.metrics.visits).toBe(schedule.metrics.visits - 1);
    const before = new Map(schedule.assignments.map((a) => [a.visitId, a]));
    for (const entry of result.schedule.assignments) expect([entry.caregiverId, entry.start]).toEqual([before.get(entry.visitId)?.caregiverId, before.get(entry.visitId)?.start]);
  });

  it('fits an extra visit in with a caregiver allowed to go, preferring the senior\'s own', () => {
    const senior = schedule.assignments.find((a) => a.date === WEDNESDAY) as (typeof schedule.assignments)[number];
    const extra: VisitRequest = { ...(schedule.visits.find((v) => v.visitId === senior.visitId) as VisitRequest), visitId: `${senior.seniorId}:${WEDNESDAY}:9`, window: { from: 15 * 60, to: 16 * 60 } };
    const result = replanDay(schedule, WEDNESDAY, { extraVisit: extra }, caregivers);
    const added = result.changes.find((c) => c.kind === 'added');
    expect(added?.visitId).toBe(extra.visitId);
    expect(mayVisit(caregivers.find((c) => c.caregiverId === added?.toCaregiverId) as Caregiver, extra)).toBe(true);
    expect(result.changes.filter((c) => c.kind === 'reassigned')).toEqual([]);
    expect(result.notify.seniorIds).toContain(senior.seniorId);
  });

  it('during the day, moves nothing to a time already past: what cannot start after now is left unassigned', () => {
    const sick = busiest.caregiverId;
    const noon = 12 * 60;
    const result = replanDay(schedule, WEDNESDAY, { sickCaregiverId: sick }, caregivers, { notBeforeMinute: noon });
    const windows = new Map(schedule.visits.map((v) => [v.visitId, v.window]));
    for (const change of result.changes.filter((c) => c.kind === 'reassigned')) expect(change.toStart ?? 0).toBeGreaterThanOrEqual(noon);
    for (const change of result.changes.filter((c) => c.kind === 'unassigned' && windows.get(c.visitId)!.to < noon)) expect(change.toCaregiverId).toBeNull();
    const morning = busiest.visitIds.filter((id) => windows.get(id)!.to < noon);
    expect(result.changes.filter((c) => morning.includes(c.visitId)).map((c) => c.kind)).toEqual(morning.map(() => 'unassigned'));
  });
});

describe('a stored schedule restored for re-planning', () => {
  const { caregivers, schedule } = setup();
  const stored = schedule.assignments.map((a) => ({ visitId: a.visitId, caregiverId: a.caregiverId, start: a.start }));

  it('gives back every caregiver and start as stored', () => {
    const restored = restoreSchedule(schedule.weekStart, schedule.visits, caregivers, stored);
    expect(restored.assignments.map((a) => [a.visitId, a.caregiverId, a.start]).sort()).toEqual(schedule.assignments.map((a) => [a.visitId, a.caregiverId, a.start]).sort());
    expect(restored.metrics.unassigned).toBe(schedule.metrics.unassigned);
  });

  it('keeps a hand-edited time that breaks the window, and drops a caregiver who left', () => {
    const first = stored[0];
    const second = stored.find((a) => a.caregiverId !== first!.caregiverId);
    const edited = [{ ...first!, start: 23 * 60 }, ...stored.slice(1)];
    const team = caregivers.filter((c) => c.caregiverId !== second!.caregiverId);
    const restored = restoreSchedule(schedule.weekStart, schedule.visits, team, edited);
    expect(restored.assignments.find((a) => a.visitId === first!.visitId)?.start).toBe(23 * 60);
    expect(restored.assignments.some((a) => a.caregiverId === second!.caregiverId)).toBe(false);
    expect(restored.unassigned.map((u) => u.visitId)).toContain(second!.visitId);
  });
});
